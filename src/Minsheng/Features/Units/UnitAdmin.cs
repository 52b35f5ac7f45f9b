using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Units;

/// <summary>
/// The unit tree's changes, shared by the API and the admin page: an admin adds and edits units of their own subtree;
/// only the admin at the top of the tree adds a top-level unit.
/// </summary>
public sealed class UnitAdmin(MinshengDb db, AuditedCommit commit, UnitTree tree, CurrentUser me)
{
    /// <summary>The units of the caller's jurisdiction: a county's staff never learn the next county's tree.</summary>
    public IEnumerable<UnitView> List() =>
        tree.All.Where(u => me.InJurisdiction(u.Id)).OrderBy(u => u.Path).Select(u => new UnitView(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path, u.Phone, u.Active));

    public async Task<UnitView> CreateAsync(CreateUnitRequest body, CancellationToken ct)
    {
        var errors = new FieldErrors().Text("code", body.Code, "单位编码", 40).Text("name", body.Name, "单位名称", 100).Text("phone", body.Phone, "电话", 40, required: false);
        if (body.Code?.Contains('/') == true) errors.Add("code", "单位编码不能包含“/”。");
        if (body.Kind is null) errors.Add("kind", "请选择单位类型。");
        Unit? parent = null;
        if (body.ParentId is { } pid && (parent = await db.Units.FirstOrDefaultAsync(u => u.Id == pid, ct)) is null) errors.Add("parentId", "上级单位不存在。");
        else if (parent is not null && !me.Covers(parent.Id)) errors.Add("parentId", "上级单位不在您管理的辖区内。");
        if (body.ParentId is null && body.Kind is not (UnitKind.County or UnitKind.City)) errors.Add("parentId", "只有市、县（区）级单位可以没有上级。");
        else if (body.ParentId is null && !tree.IsRoot(me.UnitId)) errors.Add("parentId", "只有最高一级的管理员可以新建顶级单位。");
        if (body.Kind == UnitKind.City && parent is not null) errors.Add("kind", "市级单位只能是顶级单位。");
        if (body.Code is { } code && await db.Units.AnyAsync(u => u.Code == code.Trim(), ct)) errors.Add("code", "单位编码已存在。");
        errors.ThrowIfAny();
        var unit = new Unit(body.Code!.Trim(), body.Name!.Trim(), body.Kind!.Value, parent, body.Phone?.Trim());
        await commit.RunAsync(notes =>
        {
            db.Units.Add(unit);
            notes.Record(AuditActions.UnitCreate, unit.Code, unit.Name);
            return Task.CompletedTask;
        }, ct);
        tree.Invalidate();
        return View(unit);
    }

    /// <summary>Renames, re-phones or (Active false) deactivates a unit; null when there is none in the caller's subtree.</summary>
    public async Task<UnitView?> UpdateAsync(long id, UpdateUnitRequest body, CancellationToken ct)
    {
        new FieldErrors().Text("name", body.Name, "单位名称", 100).Text("phone", body.Phone, "电话", 40, required: false).ThrowIfAny();
        var unit = await commit.RunAsync(async notes =>
        {
            var row = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
            if (row is null || !me.Covers(row.Id)) return null;
            row.Update(body.Name!.Trim(), body.Phone?.Trim());
            if (body.Active == false) row.Deactivate();
            notes.Record(AuditActions.UnitUpdate, row.Code, row.Name);
            return row;
        }, ct);
        if (unit is null) return null;
        tree.Invalidate();
        return View(unit);
    }

    private static UnitView View(Unit u) => new(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path, u.Phone, u.Active);
}
