using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Features.Statistics;
using Minsheng.Features.Statistics.Metrics;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Dashboard;

/// <summary>考核指标: the unit metrics table with n, ranking by a minimum sample, drill-down to the appeals and the 口径.</summary>
[Authorize(Roles = StatisticsApi.Roles)]
public sealed class MetricsModel(MetricsTable table, CurrentUser me, UnitTree units, TimeProvider clock) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Dimension { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int? MinN { get; set; }
    [BindProperty(SupportsGet = true)] public long? Jurisdiction { get; set; }
    /// <summary>A figure to drill into: the row's key and the measure.</summary>
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public string? Measure { get; set; }

    public MetricsReport? Report { get; private set; }
    public MetricItemsReport? Items { get; private set; }

    /// <summary>The caller's jurisdiction and the counties under it (a city's leaders may look at one county).</summary>
    public IReadOnlyList<UnitInfo> Jurisdictions => units.Jurisdictions().Where(u => me.InJurisdiction(u.Id)).ToList();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Default: last month, the assessment's period, decided by the 1st of this month.
        if (string.IsNullOrEmpty(From) && string.IsNullOrEmpty(To))
        {
            var today = Domain.Calendar.ChinaTime.DateOf(now);
            var first = new DateOnly(today.Year, today.Month, 1);
            From = first.AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            To = first.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        await TryAsync(async () =>
        {
            var period = StatisticsPeriod.Parse(From, To, now);
            Report = await table.ReportAsync(period, Dimension, Sort, MinN, Jurisdiction, ct);
            Dimension = Report.Dimension.ToString().ToLowerInvariant();
            Sort = Report.Sort.ToString();
            MinN = Report.MinimumN;
            if (!string.IsNullOrEmpty(Key) && !string.IsNullOrEmpty(Measure))
                Items = await table.ItemsAsync(period, Dimension, Key, Measure, Jurisdiction, ct);
        });
    }

    private Dictionary<string, string?> Base() => new()
    {
        ["dimension"] = Dimension, ["from"] = From, ["to"] = To, ["sort"] = Sort,
        ["minN"] = MinN?.ToString(CultureInfo.InvariantCulture), ["jurisdiction"] = Jurisdiction?.ToString(CultureInfo.InvariantCulture),
    };

    private static string Link(Dictionary<string, string?> values) =>
        QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value))).ToString();

    public string DimensionUrl(Dimension d)
    {
        var q = Base();
        q["dimension"] = d.ToString().ToLowerInvariant();
        return Link(q);
    }

    public string SortUrl(Measure m)
    {
        var q = Base();
        q["sort"] = m.ToString();
        return Link(q) + "#metrics";
    }

    public string DrillUrl(string key, Measure m)
    {
        var q = Base();
        q["key"] = key;
        q["measure"] = m.ToString();
        return Link(q) + "#items";
    }

    public string ExportUrl => "/api/statistics/metrics.xlsx" + Link(Base());

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(MetricCell c) => c.Percent is { } p ? $"{p:0.0}%" : "—";
}
