using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

/// <summary>
/// 门户设置: an admin sets the portal name, hotline and footer of each jurisdiction in the admin's own subtree (a
/// county's admin their county; the city's admin the city and its counties). Blank fields go back to the default.
/// </summary>
public sealed class PortalSettingsAdmin(MinshengDb db, AuditedCommit commit, UnitTree units, CurrentUser me, PortalJurisdictions portal, TimeProvider clock)
{
    public async Task<IReadOnlyList<PortalSettingsView>> ListAsync(CancellationToken ct)
    {
        var rows = await portal.SettingsAsync(ct);
        return units.Jurisdictions().Where(u => me.Covers(u.Id)).Select(u => View(u, rows.GetValueOrDefault(u.Id))).ToList();
    }

    /// <summary>Null when the unit is no jurisdiction in the admin's subtree: only a jurisdiction has a portal face.</summary>
    public async Task<PortalSettingsView?> UpdateAsync(long unitId, PortalSettingsRequest body, CancellationToken ct)
    {
        PortalJurisdictions.Validate(body.DisplayName, body.Hotline, body.Footer);
        if (units.Find(unitId) is not { Active: true } unit || !(unit.Kind.IsJurisdiction() || unit.ParentId is null) || !me.Covers(unitId)) return null;
        var saved = await commit.RunAsync(async notes =>
        {
            var row = await db.Set<PortalSetting>().FirstOrDefaultAsync(s => s.UnitId == unitId, ct);
            if (row is null) db.Set<PortalSetting>().Add(row = new PortalSetting(unitId));
            row.Set(body.DisplayName, body.Hotline, body.Footer, me.Username, clock.GetUtcNow());
            notes.Record(AuditActions.PortalSettings, unit.Code, $"名称：{row.DisplayName ?? "（默认）"}；热线：{row.Hotline ?? "（默认）"}");
            return row;
        }, ct);
        return View(unit, saved);
    }

    private static PortalSettingsView View(UnitInfo u, PortalSetting? row) =>
        new(u.Id, u.Code, u.Name, row?.DisplayName, row?.Hotline, row?.Footer, PortalJurisdictions.Face(u, null, row), row?.UpdatedAt, row?.UpdatedBy);
}
