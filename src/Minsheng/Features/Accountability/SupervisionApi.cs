using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;

namespace Minsheng.Features.Accountability;

public sealed record SupervisionRequest(SupervisionKind? Kind, string? Instruction, DateTimeOffset? DueAt);

public sealed record SupervisionView(long Id, long AppealId, SupervisionKind Kind, string KindLabel, string Instruction, DateTimeOffset DueAt,
    string IssuedBy, string IssuerRole, DateTimeOffset CreatedAt);

/// <summary>督办单/交办函 over HTTP, for supervisors and leaders.</summary>
public static class SupervisionApi
{
    public static void MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var roles = new[] { nameof(Role.Supervisor), nameof(Role.Leader) };
        app.MapPost("/api/appeals/{id:long}/supervision-orders", Issue).RequireAuthorization(p => p.RequireRole(roles)).WithTags("督办");
        app.MapGet("/api/supervision-orders", (long? appealId, Supervision supervision, CancellationToken ct) => supervision.ListAsync(appealId, ct))
            .RequireAuthorization(p => p.RequireRole(roles)).WithTags("督办");
    }

    private static async Task<Results<Created<SupervisionView>, NotFound<ProblemDetails>>> Issue(long id, SupervisionRequest body,
        Supervision supervision, CancellationToken ct) =>
        await supervision.IssueAsync(id, body.Kind, body.Instruction, body.DueAt, ct) is { } order
            ? TypedResults.Created($"/api/supervision-orders?appealId={order.AppealId}", order)
            : AppealsApi.NotFoundProblem(id);
}
