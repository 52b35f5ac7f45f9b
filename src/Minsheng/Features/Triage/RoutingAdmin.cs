using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Triage;

/// <summary>
/// 分派规则 and 地名库, shared by the API and the admin page. Each admin keeps the rules and places of their own
/// subtree; readers see those of their jurisdiction. Every change is picked up by the suggestions at once.
/// </summary>
public sealed class RoutingAdmin(MinshengDb db, AuditedCommit commit, UnitTree units, CurrentUser me, TriageService triage)
{
    /// <summary>The rules that route to units of the caller's jurisdiction; a county's rules are its own.</summary>
    public async Task<List<RoutingRuleView>> RulesAsync(CancellationToken ct)
    {
        var categories = await CategoryNamesAsync(ct);
        return (await db.RoutingRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct))
            .Where(r => me.InJurisdiction(r.UnitId)).Select(r => View(r, categories)).ToList();
    }

    public async Task<List<GazetteerView>> AliasesAsync(CancellationToken ct) =>
        (await db.Gazetteer.AsNoTracking().OrderBy(g => g.Alias).ThenBy(g => g.Id).ToListAsync(ct))
            .Where(g => me.InJurisdiction(g.UnitId)).Select(g => new GazetteerView(g.Id, g.Alias, g.UnitId, units.NameOf(g.UnitId))).ToList();

    public async Task<RoutingRuleView> AddRuleAsync(RoutingRuleRequest b, CancellationToken ct)
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
        await commit.RunAsync(notes =>
        {
            db.RoutingRules.Add(row);
            notes.Record(AuditActions.RoutingRuleAdd, () => row.Id.ToString(), () => $"category={row.CategoryId} region={row.RegionUnitId} unit={row.UnitId}");
            return Task.CompletedTask;
        }, ct);
        triage.Invalidate();
        return View(row, await CategoryNamesAsync(ct));
    }

    /// <summary>False when there is no such rule in the caller's subtree.</summary>
    public async Task<bool> DeleteRuleAsync(long id, CancellationToken ct)
    {
        var removed = await commit.RunAsync(async notes =>
        {
            if (await db.RoutingRules.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } row || !me.Covers(row.UnitId)) return false;
            db.RoutingRules.Remove(row);
            notes.Record(AuditActions.RoutingRuleRemove, id.ToString());
            return true;
        }, ct);
        if (removed) triage.Invalidate();
        return removed;
    }

    public async Task<GazetteerView> AddAliasAsync(GazetteerRequest b, CancellationToken ct)
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
        await commit.RunAsync(notes =>
        {
            db.Gazetteer.Add(row);
            notes.Record(AuditActions.GazetteerAdd, () => row.Id.ToString(), () => $"{row.Alias} → {row.UnitId}");
            return Task.CompletedTask;
        }, ct);
        triage.Invalidate();
        return new GazetteerView(row.Id, row.Alias, row.UnitId, units.NameOf(row.UnitId));
    }

    /// <summary>False when there is no such place name in the caller's subtree.</summary>
    public async Task<bool> DeleteAliasAsync(long id, CancellationToken ct)
    {
        var removed = await commit.RunAsync(async notes =>
        {
            if (await db.Gazetteer.FirstOrDefaultAsync(g => g.Id == id, ct) is not { } row || !me.Covers(row.UnitId)) return false;
            db.Gazetteer.Remove(row);
            notes.Record(AuditActions.GazetteerRemove, id.ToString(), row.Alias);
            return true;
        }, ct);
        if (removed) triage.Invalidate();
        return removed;
    }

    private static bool IsPlace(UnitInfo? u) => u is { Kind: UnitKind.Township or UnitKind.Village };

    private Task<Dictionary<long, string>> CategoryNamesAsync(CancellationToken ct) =>
        db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

    private RoutingRuleView View(RoutingRuleRow r, Dictionary<long, string> categories) =>
        new(r.Id, r.CategoryId, r.CategoryId is { } c ? categories.GetValueOrDefault(c) : null,
            r.RegionUnitId, r.RegionUnitId is { } g ? units.NameOf(g) : null, r.UnitId, units.NameOf(r.UnitId), r.Note);
}
