using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using static Minsheng.Domain.Appeals.AppealAction;

namespace Minsheng.Features.Appeals;

/// <summary>
/// Every field any workflow action reads. The API binds it from JSON and the staff pages from the form, so
/// both go through the same <see cref="AppealActionCatalog"/> entry and the same domain method.
/// </summary>
public sealed record ActionInput(
    string? Content = null, string? Comment = null, string? Reason = null, int? Days = null,
    long? LeadUnitId = null, long[]? CoUnitIds = null, long? CategoryId = null, Tier? Tier = null, AppealType? Type = null,
    CallbackOutcome? Outcome = null, bool? Resolved = null, bool? UnitAtFault = null, long? TargetId = null, long? CountyId = null,
    int? Version = null, string? OverrideReason = null);

/// <summary>One workflow action as the outside world names it: its URL slug, the rule it checks and how it applies the input.</summary>
public sealed record ActionEntry(string Slug, AppealAction Action, Func<AppealActionsApi.Ctx, Appeal, ActionInput, Actor, DateTimeOffset, Task> Apply);

public static class AppealActionCatalog
{
    private static ActionEntry Sync(string slug, AppealAction action, Action<AppealActionsApi.Ctx, Appeal, ActionInput, Actor, DateTimeOffset> apply) =>
        new(slug, action, (c, a, i, actor, now) => { apply(c, a, i, actor, now); return Task.CompletedTask; });

    public static readonly IReadOnlyList<ActionEntry> All =
    [
        Sync("direct-answer", DirectAnswer, (c, a, i, actor, now) => a.AnswerDirectly(i.Content!, actor, now, c.DirectAnswer.AllowHelp)),
        new("dispatch", Dispatch, (c, a, i, actor, now) => c.Dispatch(a, i, actor, now)),
        Sync("claim", Claim, (c, a, i, actor, now) => a.Claim(actor, now, i.Comment)),
        Sync("contact", RecordContact, (c, a, i, actor, now) => a.RecordContact(i.Comment!, actor, now)),
        Sync("return", RequestReturn, (c, a, i, actor, now) => a.RequestReturn(i.Reason!, actor, now, c.Schedule)),
        Sync("accept-return", AcceptReturn, (c, a, i, actor, now) => a.AcceptReturn(actor, now, i.Comment)),
        Sync("reject-return", RejectReturn, (c, a, i, actor, now) => a.RejectReturn(i.Reason!, actor, now)),
        Sync("extension", RequestExtension, (c, a, i, actor, now) => a.RequestExtension(i.Days ?? 0, i.Reason!, actor, now, c.Schedule)),
        Sync("approve-extension", ApproveExtension, (c, a, i, actor, now) => a.ApproveExtension(actor, now, i.Comment, c.Schedule)),
        Sync("reject-extension", RejectExtension, (c, a, i, actor, now) => a.RejectExtension(i.Reason!, actor, now)),
        Sync("contribute", Contribute, (c, a, i, actor, now) => a.Contribute(i.Content!, actor, now)),
        Sync("reply", SubmitReply, (c, a, i, actor, now) => a.SubmitReply(i.Content!, actor, now)),
        Sync("approve-reply", ApproveReply, (c, a, i, actor, now) => a.ApproveReply(actor, now, i.Comment)),
        Sync("reject-reply", RejectReply, (c, a, i, actor, now) => a.RejectReply(i.Reason!, actor, now)),
        Sync("callback", CallbackSatisfied, (c, a, i, actor, now) => a.RecordCallback(
            i.Outcome ?? throw new DomainValidationException("outcome", "请选择回访结果。"), i.Resolved, i.UnitAtFault, i.Comment, actor, now)),
        Sync("redo", Redo, (c, a, i, actor, now) => a.Redo(i.Reason!, actor, now, c.Schedule)),
        Sync("close", Close, (c, a, i, actor, now) => a.Close(i.Reason!, actor, now)),
        new("merge", Merge, (c, a, i, actor, now) => c.Merge(a, i, actor, now)),
        Sync("invalidate", MarkInvalid, (c, a, i, actor, now) => a.MarkInvalid(i.Reason!, actor, now)),
        Sync("reopen", Reopen, (c, a, i, actor, now) => a.Reopen(i.Reason!, actor, now)),
        Sync("escalate", Escalate, (c, a, i, actor, now) => a.Escalate(i.Reason!, actor, now)),
        Sync("hand-down", HandDown, (c, a, i, actor, now) => c.HandDown(a, i, actor, now)),
    ];

    private static readonly Dictionary<string, ActionEntry> BySlug = All.ToDictionary(e => e.Slug);

    public static ActionEntry? Find(string? slug) => slug is not null && BySlug.TryGetValue(slug, out var e) ? e : null;

    /// <summary>The slug that performs a workflow action; the three callback outcomes share one form.</summary>
    public static string SlugOf(AppealAction action) => action switch
    {
        CallbackUnsatisfied or CallbackNotReached => "callback",
        _ => All.First(e => e.Action == action).Slug,
    };
}
