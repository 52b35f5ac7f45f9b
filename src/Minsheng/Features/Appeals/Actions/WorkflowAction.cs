using Minsheng.Domain;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Appeals.Actions;

/// <summary>What the appeal page renders for an action: one partial per kind (Pages/Appeals/_Form{Kind}.cshtml).</summary>
public enum ActionForm { Comment, Reason, Content, Extension, Dispatch, Callback, Merge, HandDown }

/// <summary>
/// One workflow action as the outside world sees it: its URL slug (`POST /api/appeals/{id}/{slug}`), its Chinese
/// label, the form the page shows, its own request body and the code that applies it to the appeal. The status ×
/// action table stays in <see cref="Workflow"/>; the domain method checks role, party and status.
/// </summary>
public abstract class WorkflowAction(string slug, string label, AppealAction action, ActionForm form, string fieldLabel)
{
    public string Slug => slug;
    public string Label => label;
    /// <summary>The workflow action checked and recorded; callback records one of three, see <see cref="Records"/>.</summary>
    public AppealAction Action => action;
    public ActionForm Form => form;
    /// <summary>The label of the form's main field (the reason, the content, the comment).</summary>
    public string FieldLabel => fieldLabel;
    /// <summary>Irreversible: the page asks before sending it.</summary>
    public bool Confirm { get; init; }

    private readonly IReadOnlyDictionary<AppealAction, string>? records;

    /// <summary>The timeline names of the workflow actions this one records (most record only <see cref="Action"/>, as <see cref="Label"/>).</summary>
    public IReadOnlyDictionary<AppealAction, string> Records
    {
        get => records ?? new Dictionary<AppealAction, string> { [action] = label };
        init => records = value;
    }

    public abstract Type RequestType { get; }

    public abstract ActionRequest NewRequest();

    private IReadOnlyList<string>? requiredFields;

    /// <summary>
    /// The JSON fields a request must carry: those an empty body is refused for. The OpenAPI document lists these
    /// (AppealActionsApi.MarkRequiredFields), so it says what the validation does.
    /// </summary>
    public IReadOnlyList<string> RequiredFields => requiredFields ??= MissingInEmptyBody();

    private IReadOnlyList<string> MissingInEmptyBody()
    {
        var errors = new FieldErrors();
        NewRequest().Validate(errors);
        try
        {
            errors.ThrowIfAny();
            return [];
        }
        catch (DomainValidationException e)
        {
            return e.Errors.Keys.ToList();
        }
    }

    /// <summary>Checks that need the database or the unit tree, added to the request's own field errors.</summary>
    internal abstract Task CheckAsync(ActionRun run, ActionRequest request, FieldErrors errors);

    internal abstract Task ApplyAsync(ActionRun run, ActionRequest request);

    /// <summary>Maps `POST {id}/{slug}` with this action's own body type, so OpenAPI shows each action's schema.</summary>
    internal abstract RouteHandlerBuilder MapTo(IEndpointRouteBuilder group);
}

/// <summary>A workflow action whose body is <typeparamref name="T"/>.</summary>
public sealed class WorkflowAction<T>(string slug, string label, AppealAction action, ActionForm form, string fieldLabel, Func<ActionRun, T, Task> apply)
    : WorkflowAction(slug, label, action, form, fieldLabel) where T : ActionRequest, new()
{
    public WorkflowAction(string slug, string label, AppealAction action, ActionForm form, string fieldLabel, Action<ActionRun, T> apply)
        : this(slug, label, action, form, fieldLabel, (run, request) => { apply(run, request); return Task.CompletedTask; }) { }

    /// <summary>Reference checks (units, categories) reported together with the request's own field errors.</summary>
    public Func<ActionRun, T, FieldErrors, Task>? Check { get; init; }

    public override Type RequestType => typeof(T);

    public override ActionRequest NewRequest() => new T();

    internal override Task CheckAsync(ActionRun run, ActionRequest request, FieldErrors errors) =>
        Check is null ? Task.CompletedTask : Check(run, (T)request, errors);

    internal override Task ApplyAsync(ActionRun run, ActionRequest request) => apply(run, (T)request);

    /// <summary>
    /// A POST without a body (or with JSON null) is the empty request (签收 needs no fields); its validation then names
    /// what is missing. The binder hands a generic body over as null then, whatever its declared nullability; the
    /// parameter stays non-nullable so that the OpenAPI document keeps each action's body schema as it is.
    /// </summary>
    internal override RouteHandlerBuilder MapTo(IEndpointRouteBuilder group) =>
        group.MapPost($"/{{id:long}}/{Slug}", (long id, T body, AppealCommands commands, AppealPresenter presenter, CancellationToken ct) =>
            AppealActionsApi.RunAsync(id, this, (T?)body ?? new T(), commands, presenter, ct));
}

/// <summary>
/// The body of a workflow action. Every one may carry the <see cref="Version"/> the client last saw: when present and
/// stale, the action is refused with 409 instead of acting on a changed appeal.
/// </summary>
public abstract record ActionRequest
{
    public int? Version { get; init; }

    /// <summary>Adds an error for every field that is missing or malformed (400 naming the field).</summary>
    public virtual void Validate(FieldErrors errors) { }
}
