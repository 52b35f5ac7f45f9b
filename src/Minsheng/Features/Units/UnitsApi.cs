using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;

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

    private static IEnumerable<UnitView> List(UnitAdmin units) => units.List();

    private static async Task<Created<UnitView>> Create(CreateUnitRequest body, UnitAdmin units, CancellationToken ct)
    {
        var unit = await units.CreateAsync(body, ct);
        return TypedResults.Created($"/api/units/{unit.Id}", unit);
    }

    private static async Task<Results<Ok<UnitView>, NotFound<ProblemDetails>>> Update(long id, UpdateUnitRequest body, UnitAdmin units, CancellationToken ct) =>
        await units.UpdateAsync(id, body, ct) is { } unit ? TypedResults.Ok(unit) : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "单位不存在" });
}
