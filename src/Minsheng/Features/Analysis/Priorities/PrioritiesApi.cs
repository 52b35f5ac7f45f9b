using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;
using Minsheng.Features.Public;

namespace Minsheng.Features.Analysis.Priorities;

/// <summary>每月一题 and 未诉先办 over HTTP. Writes are analysts' (progress and milestones also the lead unit's staff).</summary>
public static class PrioritiesApi
{
    private static readonly string[] Readers =
        [nameof(Role.Analyst), nameof(Role.Leader), nameof(Role.Supervisor), nameof(Role.UnitHandler), nameof(Role.UnitHead)];
    private static readonly string[] Reporters = [nameof(Role.Analyst), nameof(Role.UnitHandler), nameof(Role.UnitHead)];

    public static void MapPrioritiesApi(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/analysis").WithTags("每月一题与未诉先办");
        g.MapGet("/monthly", (MonthlyPriorities p, CancellationToken ct) => p.ListAsync(ct)).RequireAuthorization(p => p.RequireRole(Readers));
        g.MapPost("/monthly", Create).RequireAuthorization(p => p.RequireRole(nameof(Role.Analyst)));
        g.MapGet("/monthly/{id:long}", async Task<Results<Ok<PriorityDetail>, NotFound<ProblemDetails>>> (long id, MonthlyPriorities p, CancellationToken ct) =>
            Found(await p.GetAsync(id, ct), id)).RequireAuthorization(p => p.RequireRole(Readers));
        g.MapPost("/monthly/{id:long}/milestones", async Task<Results<Ok<PriorityDetail>, NotFound<ProblemDetails>>> (long id, MilestoneRequest body,
            MonthlyPriorities p, CancellationToken ct) => Found(await p.AddMilestoneAsync(id, body, ct), id))
            .RequireAuthorization(p => p.RequireRole(nameof(Role.Analyst)));
        g.MapPost("/monthly/{id:long}/milestones/{milestoneId:long}/done", async Task<Results<Ok<PriorityDetail>, NotFound<ProblemDetails>>> (long id,
            long milestoneId, MilestoneDoneRequest body, MonthlyPriorities p, CancellationToken ct) =>
            Found(await p.CompleteMilestoneAsync(id, milestoneId, body, ct), id)).RequireAuthorization(p => p.RequireRole(Reporters));
        g.MapPost("/monthly/{id:long}/progress", async Task<Results<Ok<PriorityDetail>, NotFound<ProblemDetails>>> (long id, ProgressRequest body,
            MonthlyPriorities p, CancellationToken ct) => Found(await p.ReportAsync(id, body, ct), id)).RequireAuthorization(p => p.RequireRole(Reporters));
        g.MapPost("/monthly/{id:long}/complete", async Task<Results<Ok<PriorityDetail>, NotFound<ProblemDetails>>> (long id, CompleteRequest body,
            MonthlyPriorities p, CancellationToken ct) => Found(await p.CompleteAsync(id, body, ct), id))
            .RequireAuthorization(p => p.RequireRole(nameof(Role.Analyst)));
        g.MapPost("/monthly/{id:long}/publish", async Task<Results<Ok<PriorityDetail>, NotFound<ProblemDetails>>> (long id, MonthlyPriorities p,
            CancellationToken ct) => Found(await p.PublishAsync(id, ct), id)).RequireAuthorization(p => p.RequireRole(nameof(Role.Analyst)));

        g.MapGet("/proactive", (ProactivePlans p, CancellationToken ct) => p.ListAsync(ct)).RequireAuthorization(p => p.RequireRole(Readers));
        g.MapPost("/proactive", async Task<Created<ProactiveView>> (ProactiveRequest body, ProactivePlans p, CancellationToken ct) =>
        {
            var plan = await p.CreateAsync(body, ct);
            return TypedResults.Created($"/api/analysis/proactive/{plan.Id}", plan);
        }).RequireAuthorization(p => p.RequireRole(nameof(Role.Analyst)));
        g.MapPost("/proactive/{id:long}/active", async Task<Results<Ok<ProactiveView>, NotFound<ProblemDetails>>> (long id, ActiveRequest body,
            ProactivePlans p, CancellationToken ct) => Found(await p.SetActiveAsync(id, body.Active ?? true, ct), id, "未诉先办事项"))
            .RequireAuthorization(p => p.RequireRole(nameof(Role.Analyst)));

        // The portal's list: anonymous, only what analysts published, only the jurisdiction asked for.
        app.MapGet("/api/public/monthly-topics", async Task<Results<Ok<IReadOnlyList<PublicPriority>>, NotFound<ProblemDetails>>> (HttpContext http,
            PortalJurisdictions portal, MonthlyPriorities p, CancellationToken ct) =>
        {
            var request = await portal.ForRequestAsync(http, ct);
            if (!request.Known) return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "没有这个辖区", Detail = "county 参数不是本平台的县（区）代码。" });
            return TypedResults.Ok(await p.PublishedAsync(request.County?.Id ?? portal.Top?.Id, ct));
        }).WithTags("门户").AllowAnonymous();
    }

    public sealed record ActiveRequest(bool? Active);

    private static async Task<Created<PriorityDetail>> Create(PriorityRequest body, MonthlyPriorities p, CancellationToken ct)
    {
        var created = await p.CreateAsync(body, ct);
        return TypedResults.Created($"/api/analysis/monthly/{created.Id}", created);
    }

    private static Results<Ok<T>, NotFound<ProblemDetails>> Found<T>(T? value, long id, string what = "每月一题") where T : class =>
        value is null
            ? TypedResults.NotFound(new ProblemDetails { Status = 404, Title = $"没有这个{what}", Detail = $"编号 {id} 不存在，或不在您的管辖范围内。" })
            : TypedResults.Ok(value);
}
