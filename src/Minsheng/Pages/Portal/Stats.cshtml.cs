using Minsheng.Features.Public;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Portal;

/// <summary>办理统计: per-unit figures for 30, 90 or 365 days; any other period in the URL falls back to 90.</summary>
public sealed class StatsModel(PublicStats stats, PortalJurisdictions portal) : PortalPage(portal)
{
    public PublicStatsView View { get; private set; } = null!;

    public async Task OnGetAsync(int? days, CancellationToken ct) =>
        View = await stats.ComputeAsync(days is { } d && PublicStats.Periods.Contains(d) ? d : PublicStats.DefaultDays, ct, County);

    /// <summary>A city-wide view names each unit's county: two counties may both have a 城关镇.</summary>
    public bool ShowsJurisdiction => Portal.HasPicker && County is null;

    public static string Percent(double? rate) => rate is { } r ? $"{r:0.0}%" : "—";
}
