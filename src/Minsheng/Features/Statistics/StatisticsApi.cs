using Microsoft.AspNetCore.Http.HttpResults;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure.Export;

namespace Minsheng.Features.Statistics;

/// <summary>
/// 统计分析 for leaders (领导看板), the analysis group and supervisors (督查考核): volumes, trends and the
/// per-unit 三率 of their jurisdiction. Unit staff see their own ledger elsewhere, not the county's figures.
/// </summary>
public static class StatisticsApi
{
    /// <summary>The roles of the API and of the dashboard page that stands in for it.</summary>
    public const string Roles = nameof(Role.Leader) + "," + nameof(Role.Analyst) + "," + nameof(Role.Supervisor);

    public static IServiceCollection AddStatistics(this IServiceCollection services) => services.AddScoped<StatisticsService>()
        .AddScoped<Metrics.MetricQueries>()
        .AddScoped<Metrics.UnitMeasuresQuery>()
        .AddScoped<Metrics.MetricsTable>()
        .AddScoped<Metrics.IUnitMeasures>(sp => sp.GetRequiredService<Metrics.UnitMeasuresQuery>());

    public static void MapStatisticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/statistics").WithTags("统计分析")
            .RequireAuthorization(p => p.RequireRole(nameof(Role.Leader), nameof(Role.Analyst), nameof(Role.Supervisor)));
        group.MapGet("/overview", Overview);
        group.MapGet("/units", Units);
        group.MapGet("/units.xlsx", UnitsXlsx);
        Metrics.MetricsApi.Map(group);
    }

    private static Task<StatisticsOverview> Overview(string? from, string? to, StatisticsService stats, TimeProvider clock, CancellationToken ct) =>
        stats.OverviewAsync(StatisticsPeriod.Parse(from, to, clock.GetUtcNow()), ct);

    private static Task<UnitsReport> Units(string? from, string? to, string? sort, string? dir, StatisticsService stats, TimeProvider clock, CancellationToken ct) =>
        stats.UnitsAsync(StatisticsPeriod.Parse(from, to, clock.GetUtcNow()), sort, dir, ct);

    private static async Task<FileContentHttpResult> UnitsXlsx(string? from, string? to, string? sort, string? dir,
        StatisticsService stats, TimeProvider clock, CancellationToken ct)
    {
        var report = await stats.UnitsAsync(StatisticsPeriod.Parse(from, to, clock.GetUtcNow()), sort, dir, ct);
        return TypedResults.File(UnitsWorkbook(report), XlsxWriter.ContentType, $"单位办理情况统计_{report.From:yyyyMMdd}-{report.To:yyyyMMdd}.xlsx");
    }

    public static readonly IReadOnlyList<string> UnitHeaders =
        ["单位", "受理量", "办结量", "按时办结量", "按时办结率(%)", "响应率(%)", "响应n", "解决率(%)", "解决n", "满意率(%)", "满意n", "当前超期"];

    /// <summary>The unit table as a sheet, n beside every rate (办结量 is the on-time rate's); a rate with nothing to measure is an empty cell, not 0.</summary>
    public static byte[] UnitsWorkbook(UnitsReport report) =>
        XlsxWriter.Write("单位办理情况", UnitHeaders, report.Units.Select(u => (IReadOnlyList<object?>)
        [
            u.UnitName, u.Received, u.Closed, u.OnTimeClosed, u.OnTime.Percent, u.Response.Percent, u.Response.Denominator,
            u.Resolution.Percent, u.Resolution.Denominator, u.Satisfaction.Percent, u.Satisfaction.Denominator, u.OverdueNow,
        ]));
}
