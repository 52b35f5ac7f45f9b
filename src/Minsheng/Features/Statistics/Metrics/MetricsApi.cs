using Microsoft.AspNetCore.Http.HttpResults;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Export;

namespace Minsheng.Features.Statistics.Metrics;

/// <summary>
/// /api/statistics/metrics: the unit metrics table per unit, township, category or channel; /metrics/items: the appeals
/// behind one figure; /metrics.xlsx: the table as a sheet. Same roles as the statistics (leaders, analysts, supervisors).
/// </summary>
public static class MetricsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/metrics", Report);
        group.MapGet("/metrics/items", Items);
        group.MapGet("/metrics.xlsx", Xlsx);
    }

    private static Task<MetricsReport> Report(string? dimension, string? from, string? to, string? sort, int? minN, long? jurisdiction,
        MetricsTable table, TimeProvider clock, CancellationToken ct) =>
        table.ReportAsync(StatisticsPeriod.Parse(from, to, clock.GetUtcNow()), dimension, sort, minN, jurisdiction, ct);

    private static Task<MetricItemsReport> Items(string? dimension, string? key, string? measure, string? from, string? to, long? jurisdiction,
        MetricsTable table, TimeProvider clock, CancellationToken ct) =>
        table.ItemsAsync(StatisticsPeriod.Parse(from, to, clock.GetUtcNow()), dimension, key, measure, jurisdiction, ct);

    private static async Task<FileContentHttpResult> Xlsx(string? dimension, string? from, string? to, string? sort, int? minN, long? jurisdiction,
        MetricsTable table, TimeProvider clock, CancellationToken ct)
    {
        var report = await table.ReportAsync(StatisticsPeriod.Parse(from, to, clock.GetUtcNow()), dimension, sort, minN, jurisdiction, ct);
        return TypedResults.File(Workbook(report), XlsxWriter.ContentType,
            $"考核指标_{Labels.Dimension(report.Dimension)}_{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.xlsx");
    }

    /// <summary>
    /// One row per group: rank, name, then each rate as percent, numerator and n (a count as one column), and whether
    /// the sort measure's sample is too small to rank. An empty rate is an empty cell, not 0.
    /// </summary>
    public static byte[] Workbook(MetricsReport report)
    {
        var headers = new List<string> { "排名", Labels.Dimension(report.Dimension) };
        foreach (var c in report.Columns)
            if (c.IsCount) headers.Add(c.Label);
            else headers.AddRange([$"{c.Label}(%)", $"{c.Label}分子", $"{c.Label}n"]);
        headers.Add("备注");
        var rows = report.Rows.Select(r =>
        {
            var cells = new List<object?> { r.Rank, r.Label };
            foreach (var c in report.Columns)
            {
                var cell = r.Cells[c.Measure];
                if (c.IsCount) cells.Add(cell.N);
                else cells.AddRange([cell.Percent, cell.Hits, cell.N]);
            }
            cells.Add(r.Rank is null ? $"样本不足（{Labels.MetricName(report.Sort)} n < {report.MinimumN}），不参与排名" : null);
            return (IReadOnlyList<object?>)cells;
        });
        return XlsxWriter.Write("考核指标", headers, rows);
    }
}
