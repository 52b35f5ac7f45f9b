using Microsoft.AspNetCore.Mvc.ModelBinding;
using Minsheng.Features.Appeals.Actions;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Appeals;

/// <summary>
/// What a form partial (_Form{Kind}.cshtml) renders: the action, the request to fill the fields from (what was posted
/// when this form failed, else an empty one) and its field errors, which belong to this form only.
/// </summary>
public sealed record ActionFormView(DetailModel Page, WorkflowAction Action, ActionRequest Input, bool Open, ModelStateDictionary State)
{
    /// <summary>The prefix of the form's element ids, e.g. dispatch-lead.</summary>
    public string Id => Action.Slug;

    public string? Invalid(string field) => Open ? Ui.Invalid(State, field) : null;

    public string? Describe(string field) => Open ? Ui.Describe(State, field) : null;
}
