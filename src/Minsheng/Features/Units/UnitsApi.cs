using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Units;

public sealed record UnitView(long Id, string Code, string Name, UnitKind Kind, long? ParentId, string Path, string? Phone, bool Active);

public sealed record CreateUnitRequest(string? Code, string? Name, UnitKind? Kind, long? ParentId, string? Phone);

public sealed record UpdateUnitRequest(string? Name, string? Phone, bool? Active);

/// <summary>The unit tree: every staff member reads it (dispatch forms need it); only admins change it.</summary>
public static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/units").RequireAuthorization().WithTags("单位");
        group.MapGet("/", List);
        group.MapPost("/", Create).RequireAuthorization(p => p.RequireRole(nameof(Role.Admin)));
        group.MapPut("/{id:long}", Update).RequireAuthorization(p => p.RequireRole(nameof(Role.Admin)));
        return group;
    }

    /// <summary>The units of the caller's jurisdiction: a county's staff never learn the next county's tree.</summary>
    private static IEnumerable<UnitView> List(UnitTree units, CurrentUser me) =>
        units.All.Where(u => me.InJurisdiction(u.Id)).OrderBy(u => u.Path).Select(u => new UnitView(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path, u.Phone, u.Active));

    internal static async Task<Created<UnitView>> Create(CreateUnitRequest body, MinshengDb db, UnitTree tree, AuditLog audit, CurrentUser me, CancellationToken ct)
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
        await db.WriteAsync(async () =>
        {
            db.Units.Add(unit);
            await audit.AppendAsync(me.Username, "unit.create", "unit", unit.Code, unit.Name, ct);
        }, ct);
        tree.Invalidate();
        return TypedResults.Created($"/api/units/{unit.Id}", View(unit));
    }

    internal static async Task<Results<Ok<UnitView>, NotFound<ProblemDetails>>> Update(long id, UpdateUnitRequest body, MinshengDb db, UnitTree tree, AuditLog audit, CurrentUser me, CancellationToken ct)
    {
        new FieldErrors().Text("name", body.Name, "单位名称", 100).Text("phone", body.Phone, "电话", 40, required: false).ThrowIfAny();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var unit = await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null || !me.Covers(unit.Id)) return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "单位不存在" });
        unit.Update(body.Name!.Trim(), body.Phone?.Trim());
        if (body.Active == false) unit.Deactivate();
        await audit.AppendAsync(me.Username, "unit.update", "unit", unit.Code, unit.Name, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        tree.Invalidate();
        return TypedResults.Ok(View(unit));
    }

    private static UnitView View(Unit u) => new(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path, u.Phone, u.Active);
}
