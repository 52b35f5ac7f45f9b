using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Minsheng.Features.Appeals.Actions;

namespace Minsheng.Features.Appeals;

/// <summary>
/// One endpoint per workflow action, `POST /api/appeals/{id}/{slug}`, mapped from <see cref="WorkflowActions"/>, each
/// with its own body. Each answers the updated appeal; 400 naming the fields, 403 for the wrong role or unit, 404
/// outside the caller's scope, 409 when the status does not allow the action or the body's version is stale. The
/// 400, 403 and 409 come from exceptions (ProblemExceptionHandler) and are declared for the OpenAPI document here.
/// </summary>
public static class AppealActionsApi
{
    public static void MapAppealActions(this RouteGroupBuilder g)
    {
        foreach (var action in WorkflowActions.All)
            action.MapTo(g)
                .WithName($"appeal-{action.Slug}")
                .WithSummary(action.Label)
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>OpenAPI schema transformer: each action body lists the fields its validation requires.</summary>
    public static Task MarkRequiredFields(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (WorkflowActions.All.FirstOrDefault(a => a.RequestType == context.JsonTypeInfo.Type) is { RequiredFields.Count: > 0 } action)
        {
            schema.Required ??= new HashSet<string>();
            foreach (var field in action.RequiredFields) schema.Required.Add(field);
        }
        return Task.CompletedTask;
    }

    internal static async Task<Results<Ok<AppealDetail>, NotFound<ProblemDetails>>> RunAsync(long id, WorkflowAction action, ActionRequest body,
        AppealCommands commands, AppealPresenter presenter, CancellationToken ct)
    {
        if (await commands.RunAsync(id, action, body, ct) is not { } saved) return AppealsApi.NotFoundProblem(id);
        // Reload for the full timeline; an action that moved the appeal out of the actor's scope answers with what was saved.
        return TypedResults.Ok(await presenter.DetailAsync(await commands.LoadAsync(id, ct) ?? saved, ct));
    }
}
