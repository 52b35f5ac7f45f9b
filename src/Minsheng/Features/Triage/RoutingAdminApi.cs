using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;

namespace Minsheng.Features.Triage;

public sealed record RoutingRuleRequest(long? CategoryId, long? RegionUnitId, long? UnitId, string? Note);
public sealed record RoutingRuleView(long Id, long? CategoryId, string? CategoryName, long? RegionUnitId, string? RegionUnitName,
    long UnitId, string UnitName, string? Note);
public sealed record GazetteerRequest(string? Alias, long? UnitId);
public sealed record GazetteerView(long Id, string Alias, long UnitId, string UnitName);

/// <summary>分派规则 and 地名库: admins maintain them; dispatchers may read what drives the suggestions.</summary>
public static class RoutingAdminApi
{
    public static void MapRoutingAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = new[] { nameof(Role.Admin) };
        var readers = new[] { nameof(Role.Admin), nameof(Role.Dispatcher) };
        var g = app.MapGroup("/api").WithTags("智能分诊");
        g.MapGet("/routing-rules", Rules).RequireAuthorization(p => p.RequireRole(readers));
        g.MapPost("/routing-rules", AddRule).RequireAuthorization(p => p.RequireRole(admin));
        g.MapDelete("/routing-rules/{id:long}", DeleteRule).RequireAuthorization(p => p.RequireRole(admin));
        g.MapGet("/gazetteer", Aliases).RequireAuthorization(p => p.RequireRole(readers));
        g.MapPost("/gazetteer", AddAlias).RequireAuthorization(p => p.RequireRole(admin));
        g.MapDelete("/gazetteer/{id:long}", DeleteAlias).RequireAuthorization(p => p.RequireRole(admin));
    }

    private static NotFound<ProblemDetails> Missing(string what, long id) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = $"{what}不存在", Detail = $"找不到编号为 {id} 的{what}。" });

    private static async Task<List<RoutingRuleView>> Rules(RoutingAdmin routing, CancellationToken ct) => await routing.RulesAsync(ct);

    private static async Task<Created<RoutingRuleView>> AddRule(RoutingRuleRequest body, RoutingAdmin routing, CancellationToken ct)
    {
        var rule = await routing.AddRuleAsync(body, ct);
        return TypedResults.Created($"/api/routing-rules/{rule.Id}", rule);
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteRule(long id, RoutingAdmin routing, CancellationToken ct) =>
        await routing.DeleteRuleAsync(id, ct) ? TypedResults.NoContent() : Missing("分派规则", id);

    private static async Task<List<GazetteerView>> Aliases(RoutingAdmin routing, CancellationToken ct) => await routing.AliasesAsync(ct);

    private static async Task<Created<GazetteerView>> AddAlias(GazetteerRequest body, RoutingAdmin routing, CancellationToken ct)
    {
        var alias = await routing.AddAliasAsync(body, ct);
        return TypedResults.Created($"/api/gazetteer/{alias.Id}", alias);
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteAlias(long id, RoutingAdmin routing, CancellationToken ct) =>
        await routing.DeleteAliasAsync(id, ct) ? TypedResults.NoContent() : Missing("地名", id);
}
