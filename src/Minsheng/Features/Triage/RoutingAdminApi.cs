using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

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

    /// <summary>The rules that route to units of the caller's jurisdiction; a county's rules are its own.</summary>
    internal static async Task<List<RoutingRuleView>> Rules(MinshengDb db, UnitTree units, CurrentUser me, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return (await db.RoutingRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct))
            .Where(r => me.InJurisdiction(r.UnitId)).Select(r => View(r, categories, units)).ToList();
    }

    private static RoutingRuleView View(RoutingRuleRow r, Dictionary<long, string> categories, UnitTree units) =>
        new(r.Id, r.CategoryId, r.CategoryId is { } c ? categories.GetValueOrDefault(c) : null,
            r.RegionUnitId, r.RegionUnitId is { } g ? units.NameOf(g) : null, r.UnitId, units.NameOf(r.UnitId), r.Note);

    private static bool IsPlace(UnitInfo? u) => u is { Kind: UnitKind.Township or UnitKind.Village };

    internal static async Task<Created<RoutingRuleView>> AddRule(RoutingRuleRequest b, MinshengDb db, UnitTree units, AuditLog audit,
        CurrentUser me, TriageService triage, CancellationToken ct)
    {
        var errors = new FieldErrors().Text("note", b.Note, "备注", 200, required: false);
        if (b.UnitId is null) errors.Add("unitId", "请选择承办单位。");
        else if (units.Find(b.UnitId.Value) is not { Active: true }) errors.Add("unitId", "承办单位不存在或已停用。");
        else if (!me.Covers(b.UnitId.Value)) errors.Add("unitId", "承办单位不在您管理的辖区内。");
        if (b.RegionUnitId is { } rg && units.Find(rg) is not null && !me.Covers(rg)) errors.Add("regionUnitId", "区域不在您管理的辖区内。");
        if (b.CategoryId is null && b.RegionUnitId is null) errors.Add("categoryId", "分类和区域至少选择一项。");
        if (b.CategoryId is { } c && !await db.Categories.AnyAsync(x => x.Id == c, ct)) errors.Add("categoryId", "所选分类不存在。");
        if (b.RegionUnitId is { } r && !IsPlace(units.Find(r))) errors.Add("regionUnitId", "区域应为乡镇（街道）或村（社区）。");
        if (!errors.Any && await db.RoutingRules.AnyAsync(x => x.CategoryId == b.CategoryId && x.RegionUnitId == b.RegionUnitId, ct))
            errors.Add("categoryId", "已有相同分类和区域的规则，请先删除原规则。");
        errors.ThrowIfAny();
        var row = new RoutingRuleRow { CategoryId = b.CategoryId, RegionUnitId = b.RegionUnitId, UnitId = b.UnitId!.Value, Note = b.Note?.Trim() };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.RoutingRules.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(me.Username, "routing-rule.add", "routing_rule", row.Id.ToString(),
            $"category={row.CategoryId} region={row.RegionUnitId} unit={row.UnitId}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        triage.Invalidate();
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        return TypedResults.Created($"/api/routing-rules/{row.Id}", View(row, categories, units));
    }

    internal static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteRule(long id, MinshengDb db, AuditLog audit,
        CurrentUser me, TriageService triage, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } row || !me.Covers(row.UnitId)) return Missing("分派规则", id);
        db.RoutingRules.Remove(row);
        await audit.AppendAsync(me.Username, "routing-rule.remove", "routing_rule", id.ToString(), null, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        triage.Invalidate();
        return TypedResults.NoContent();
    }

    internal static async Task<List<GazetteerView>> Aliases(MinshengDb db, UnitTree units, CurrentUser me, CancellationToken ct) =>
        (await db.Gazetteer.AsNoTracking().OrderBy(g => g.Alias).ThenBy(g => g.Id).ToListAsync(ct))
            .Where(g => me.InJurisdiction(g.UnitId)).Select(g => new GazetteerView(g.Id, g.Alias, g.UnitId, units.NameOf(g.UnitId))).ToList();

    internal static async Task<Created<GazetteerView>> AddAlias(GazetteerRequest b, MinshengDb db, UnitTree units, AuditLog audit,
        CurrentUser me, TriageService triage, CancellationToken ct)
    {
        var errors = new FieldErrors().Text("alias", b.Alias, "地名", 30);
        var alias = b.Alias?.Trim() ?? "";
        if (alias.Length == 1) errors.Add("alias", "地名至少两个字，一个字会在文中处处命中。");
        if (b.UnitId is null) errors.Add("unitId", "请选择地名所在的乡镇或村。");
        else if (!IsPlace(units.Find(b.UnitId.Value))) errors.Add("unitId", "地名应指向乡镇（街道）或村（社区）。");
        else if (!me.Covers(b.UnitId.Value)) errors.Add("unitId", "该地点不在您管理的辖区内。");
        if (!errors.Any && await db.Gazetteer.AnyAsync(g => g.Alias == alias && g.UnitId == b.UnitId, ct))
            errors.Add("alias", "地名库中已有这一条。");
        errors.ThrowIfAny();
        var row = new GazetteerRow { Alias = alias, UnitId = b.UnitId!.Value };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Gazetteer.Add(row);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(me.Username, "gazetteer.add", "gazetteer", row.Id.ToString(), $"{row.Alias} → {row.UnitId}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        triage.Invalidate();
        return TypedResults.Created($"/api/gazetteer/{row.Id}", new GazetteerView(row.Id, row.Alias, row.UnitId, units.NameOf(row.UnitId)));
    }

    internal static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteAlias(long id, MinshengDb db, AuditLog audit,
        CurrentUser me, TriageService triage, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Gazetteer.FirstOrDefaultAsync(g => g.Id == id, ct) is not { } row || !me.Covers(row.UnitId)) return Missing("地名", id);
        db.Gazetteer.Remove(row);
        await audit.AppendAsync(me.Username, "gazetteer.remove", "gazetteer", id.ToString(), row.Alias, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        triage.Invalidate();
        return TypedResults.NoContent();
    }
}
