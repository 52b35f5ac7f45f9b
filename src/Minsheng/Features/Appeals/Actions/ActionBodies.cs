using Minsheng.Domain;

namespace Minsheng.Features.Appeals.Actions;

// The shapes most action bodies share. Each action still has its own sealed record (in its group's file), so the
// OpenAPI document names one schema per action and the error message names the action's own field label.

/// <summary>A body with an optional comment, at most <see cref="Max"/> characters.</summary>
public abstract record CommentBody : ActionRequest
{
    public const int Max = 2000;

    public string? Comment { get; init; }

    public override void Validate(FieldErrors errors) => errors.Text("comment", Comment, "意见", Max, required: false);
}

/// <summary>A body whose reason is required; <see cref="ReasonLabel"/> names it in the error.</summary>
public abstract record ReasonBody : ActionRequest
{
    public string? Reason { get; init; }

    protected abstract string ReasonLabel { get; }

    public override void Validate(FieldErrors errors) => errors.Text("reason", Reason, ReasonLabel, CommentBody.Max);
}

/// <summary>A body whose content (an answer, a reply, a co-unit's part) is required.</summary>
public abstract record ContentBody : ActionRequest
{
    public string? Content { get; init; }

    protected abstract string ContentLabel { get; }

    protected virtual int ContentMax => CommentBody.Max;

    public override void Validate(FieldErrors errors) => errors.Text("content", Content, ContentLabel, ContentMax);
}
