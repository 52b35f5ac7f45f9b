using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;

namespace Minsheng.Features.Public;

/// <summary>One jurisdiction's portal settings as stored (null = default) and as the portal shows them.</summary>
public sealed record PortalSettingsView(long UnitId, string Code, string UnitName, string? DisplayName, string? Hotline, string? Footer,
    PortalFace Shown, DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record PortalSettingsRequest(string? DisplayName, string? Hotline, string? Footer);

/// <summary>门户设置 endpoints: see <see cref="PortalSettingsAdmin"/>.</summary>
public static class PortalSettingsApi
{
    public static void MapPortalSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/portal-settings").RequireAuthorization(p => p.RequireRole(nameof(Role.Admin))).WithTags("门户设置");
        group.MapGet("", List);
        group.MapPut("/{unitId:long}", Update);
    }

    private static async Task<IReadOnlyList<PortalSettingsView>> List(PortalSettingsAdmin settings, CancellationToken ct) => await settings.ListAsync(ct);

    private static async Task<Results<Ok<PortalSettingsView>, NotFound<ProblemDetails>>> Update(long unitId, PortalSettingsRequest body,
        PortalSettingsAdmin settings, CancellationToken ct) =>
        await settings.UpdateAsync(unitId, body, ct) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "辖区不存在", Detail = $"找不到编号为 {unitId} 的县（区、市），或不在您的管辖范围内。" });
}
