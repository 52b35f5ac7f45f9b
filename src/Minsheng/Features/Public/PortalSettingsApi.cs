using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

/// <summary>One jurisdiction's portal settings as stored (null = default) and as the portal shows them.</summary>
public sealed record PortalSettingsView(long UnitId, string Code, string UnitName, string? DisplayName, string? Hotline, string? Footer,
    PortalFace Shown, DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record PortalSettingsRequest(string? DisplayName, string? Hotline, string? Footer);

/// <summary>
/// 门户设置: an admin sets the portal name, hotline and footer of each jurisdiction in the admin's own subtree (a
/// county's admin their county; the city's admin the city and its counties). Blank fields go back to the default.
/// </summary>
public static class PortalSettingsApi
{
    public static void MapPortalSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/portal-settings").RequireAuthorization(p => p.RequireRole(nameof(Role.Admin))).WithTags("门户设置");
        group.MapGet("", List);
        group.MapPut("/{unitId:long}", Update);
    }

    private static async Task<IReadOnlyList<PortalSettingsView>> List(UnitTree units, CurrentUser me, PortalJurisdictions portal, CancellationToken ct)
    {
        var rows = await portal.SettingsAsync(ct);
        return units.Jurisdictions().Where(u => me.Covers(u.Id)).Select(u => View(u, rows.GetValueOrDefault(u.Id))).ToList();
    }

    private static async Task<Results<Ok<PortalSettingsView>, NotFound<ProblemDetails>>> Update(long unitId, PortalSettingsRequest body,
        MinshengDb db, UnitTree units, CurrentUser me, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        PortalJurisdictions.Validate(body.DisplayName, body.Hotline, body.Footer);
        // Only a jurisdiction has a portal face; anything else, or one outside the admin's subtree, is not found.
        if (units.Find(unitId) is not { Active: true } unit || !(unit.Kind.IsJurisdiction() || unit.ParentId is null) || !me.Covers(unitId))
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "辖区不存在", Detail = $"找不到编号为 {unitId} 的县（区、市），或不在您的管辖范围内。" });
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.Set<PortalSetting>().FirstOrDefaultAsync(s => s.UnitId == unitId, ct);
        if (row is null) db.Set<PortalSetting>().Add(row = new PortalSetting(unitId));
        row.Set(body.DisplayName, body.Hotline, body.Footer, me.Username, clock.GetUtcNow());
        await audit.AppendAsync(me.Username, "portal.settings", "unit", unit.Code,
            $"名称：{row.DisplayName ?? "（默认）"}；热线：{row.Hotline ?? "（默认）"}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Ok(View(unit, row));
    }

    private static PortalSettingsView View(UnitInfo u, PortalSetting? row) =>
        new(u.Id, u.Code, u.Name, row?.DisplayName, row?.Hotline, row?.Footer, PortalJurisdictions.Face(u, null, row), row?.UpdatedAt, row?.UpdatedBy);
}
