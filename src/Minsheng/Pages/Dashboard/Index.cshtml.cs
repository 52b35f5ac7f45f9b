using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;
using Minsheng.Features.Statistics;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Dashboard;

/// <summary>领导看板 / 统计分析: the statistics API as a page, for the same roles.</summary>
[Authorize(Roles = StatisticsApi.Roles)]
public sealed class IndexModel(StatisticsService stats, CurrentUser me, TimeProvider clock) : AppPage
{
    public static readonly (string Value, string Label)[] Ranges = [("7", "近7天"), ("30", "近30天"), ("90", "近90天"), ("custom", "自定义")];

    /// <summary>7, 30, 90 (days up to today) or custom (the from/to dates).</summary>
    [BindProperty(SupportsGet = true)] public string? Range { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dir { get; set; }

    /// <summary>The unit table's columns: sort key, header, whether it holds numbers.</summary>
    public static readonly (string Key, string Label, bool Numeric)[] Columns =
    [
        (UnitSort.Unit, "单位", false), ("received", "受理量", true), ("closed", "办结量", true), ("onTime", "按时办结率", true),
        ("response", "响应率", true), ("resolution", "解决率", true), ("satisfaction", "满意率", true), ("overdue", "当前超期", true),
    ];

    public string SortLabel => Columns.FirstOrDefault(c => c.Key == Sort).Label ?? "受理量";

    public string Title => me.Role == Role.Leader ? "领导看板" : "统计分析";
    public StatisticsOverview? Overview { get; private set; }
    public UnitsReport? Units { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Ranges.All(r => r.Value != Range)) Range = "30";
        // A header link with a stale sort key falls back to the default order rather than failing the page.
        if (Sort is not null && Sort != UnitSort.Unit && !UnitSort.Keys.ContainsKey(Sort)) Sort = null;
        if (Dir is not (null or "asc" or "desc")) Dir = null;
        var now = clock.GetUtcNow();
        await TryAsync(async () =>
        {
            var period = Range == "custom" ? StatisticsPeriod.Parse(From, To, now) : StatisticsPeriod.Last(int.Parse(Range!, CultureInfo.InvariantCulture), now);
            From = period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            To = period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Overview = await stats.OverviewAsync(period, ct);
            Units = await stats.UnitsAsync(period, Sort, Dir, ct);
            Sort = Units.Sort;
            Dir = Units.Dir;
        });
    }

    private string Query(string? sort, string? dir) =>
        Link(new() { ["range"] = Range, ["from"] = From, ["to"] = To, ["sort"] = sort, ["dir"] = dir });

    private static string Link(Dictionary<string, string?> values) =>
        QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value))).ToString();

    /// <summary>A column header's link: the same column flips its direction, another starts in its natural order.</summary>
    public string SortUrl(string key) =>
        Query(key, Sort == key ? (Dir == "desc" ? "asc" : "desc") : key == UnitSort.Unit ? "asc" : "desc") + "#units";

    public string? AriaSort(string key) => Sort == key ? (Dir == "desc" ? "descending" : "ascending") : null;

    public string ExportUrl => "/api/statistics/units.xlsx" + Link(new() { ["from"] = From, ["to"] = To, ["sort"] = Sort, ["dir"] = Dir });

    public static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static string BucketLabel(Trend t, DateOnly d) => t.Granularity == "week" ? $"{d:MM-dd}起一周" : d.ToString("MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What charts.js draws, embedded in the page as JSON (no second request, nothing to keep in sync).</summary>
    public string ChartJson()
    {
        var o = Overview!;
        var t = o.Trend;
        var data = new
        {
            trend = new
            {
                labels = t.Buckets.Select(b => BucketLabel(t, b)).ToArray(),
                received = t.Received,
                closed = t.Closed,
                channels = t.ByChannel.Select(s => new { name = s.Label, data = s.Counts }).ToArray(),
            },
            channel = Items(o.ByChannel),
            type = Items(o.ByType),
            category = Items(o.ByCategory),
            township = Items(o.ByTownship),
        };
        // The default encoder escapes <, > and & as \u003C..., so the JSON cannot close its <script> element.
        return JsonSerializer.Serialize(data);
    }

    private static object[] Items(IEnumerable<Slice> slices) => slices.Select(s => (object)new { name = s.Label, value = s.Count }).ToArray();
}
