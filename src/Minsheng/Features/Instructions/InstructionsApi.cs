using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;

namespace Minsheng.Features.Instructions;

/// <summary>Leaders' instructions (批示) and their 交办 tasks over HTTP.</summary>
public static class InstructionsApi
{
    public static void MapInstructionsApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/instructions").WithTags("批示交办");
        string[] readers = [nameof(Role.Leader), nameof(Role.Supervisor), nameof(Role.UnitHandler), nameof(Role.UnitHead)];
        g.MapGet("", (InstructionTasks tasks, CancellationToken ct) => tasks.ListAsync(ct)).RequireAuthorization(p => p.RequireRole(readers));
        g.MapGet("/{id:long}", async Task<Results<Ok<InstructionView>, NotFound<ProblemDetails>>> (long id, InstructionTasks tasks, CancellationToken ct) =>
            Found(await tasks.GetAsync(id, ct), id)).RequireAuthorization(p => p.RequireRole(readers));
        g.MapPost("", async (InstructionRequest body, InstructionTasks tasks, CancellationToken ct) =>
        {
            var created = await tasks.CreateAsync(body, ct);
            return TypedResults.Created($"/api/instructions/{created.Id}", created);
        }).RequireAuthorization(p => p.RequireRole(nameof(Role.Leader)));
        g.MapPost("/{id:long}/report", async Task<Results<Ok<InstructionView>, NotFound<ProblemDetails>>> (long id, InstructionReportRequest body, InstructionTasks tasks, CancellationToken ct) =>
            Found(await tasks.ReportAsync(id, body, ct), id)).RequireAuthorization(p => p.RequireRole(nameof(Role.UnitHead)));
        g.MapPost("/{id:long}/accept", async Task<Results<Ok<InstructionView>, NotFound<ProblemDetails>>> (long id, InstructionTasks tasks, CancellationToken ct) =>
            Found(await tasks.AcceptAsync(id, ct), id)).RequireAuthorization(p => p.RequireRole(nameof(Role.Leader)));
        g.MapPost("/{id:long}/return", async Task<Results<Ok<InstructionView>, NotFound<ProblemDetails>>> (long id, InstructionReturnRequest body, InstructionTasks tasks, CancellationToken ct) =>
            Found(await tasks.ReturnAsync(id, body, ct), id)).RequireAuthorization(p => p.RequireRole(nameof(Role.Leader)));
    }

    internal static Results<Ok<T>, NotFound<ProblemDetails>> Found<T>(T? value, long id) where T : class =>
        value is null ? TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "未找到", Detail = $"找不到编号为 {id} 的记录，或不在您的管辖范围内。" })
            : TypedResults.Ok(value);
}
