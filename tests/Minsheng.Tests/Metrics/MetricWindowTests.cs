using Minsheng.Domain.Assessment;
using Minsheng.Domain.Calendar;
using Minsheng.Features.Statistics.Metrics;

namespace Minsheng.Tests.Metrics;

/// <summary>
/// The period filters that use indexes (migration 025) keep exactly the items decided in the period: each single day's
/// figures are the items of the whole period decided that day, for every measure; and the ranking's one-query-per-metric
/// drill-down gives each unit the same list as asking unit by unit. On the engine under test.
/// </summary>
public sealed class MetricWindowTests(MetricsFixture f) : IClassFixture<MetricsFixture>
{
    private static readonly DateOnly From = new(2026, 11, 1), To = new(2026, 12, 31);

    private Task<IReadOnlyList<UnitMeasures>> MeasureAsync(DateOnly from, DateOnly to) =>
        f.With(sp => sp.GetRequiredService<IUnitMeasures>().MeasureAsync(f.App.County.County.Id, from, to, default));

    [Fact]
    public async Task Each_day_counts_exactly_the_items_decided_that_day()
    {
        var county = f.App.County.County.Id;
        var all = await MeasureAsync(From, To);
        var byDay = new Dictionary<(DateOnly Day, long Unit, Metric Metric), (int N, int Hits)>();
        foreach (var unit in all)
            foreach (var metric in Enum.GetValues<Metric>())
                foreach (var i in await f.With(sp => sp.GetRequiredService<IUnitMeasures>().ItemsAsync(county, From, To, unit.UnitId, metric, default)))
                {
                    var key = (ChinaTime.DateOf(i.DecidedAt), unit.UnitId, metric);
                    var (n, hits) = byDay.GetValueOrDefault(key);
                    byDay[key] = (n + 1, hits + (i.InNumerator ? 1 : 0));
                }
        var days = byDay.Keys.Select(k => k.Day).Distinct().ToList();
        // Several decision days, including deadlines that passed without the step (decided at the deadline, the step's column empty).
        days.Count.ShouldBeGreaterThan(2);
        // Each decision day and the days either side of it.
        foreach (var day in days.SelectMany(d => new[] { d.AddDays(-1), d, d.AddDays(1) }).Distinct().Order())
        {
            var measured = await MeasureAsync(day, day);
            foreach (var unit in all)
                foreach (var metric in Enum.GetValues<Metric>())
                {
                    var (n, hits) = byDay.GetValueOrDefault((day, unit.UnitId, metric));
                    var rate = measured.FirstOrDefault(u => u.UnitId == unit.UnitId)?.Rate(metric) ?? Ratio.None;
                    rate.ShouldBe(new Ratio(hits, n), $"{metric} of unit {unit.UnitId} on {day}");
                }
        }
    }

    [Fact]
    public async Task Items_of_many_units_at_once_are_each_units_own_drill_down()
    {
        var county = f.App.County.County.Id;
        var units = (await MeasureAsync(From, To)).Select(u => u.UnitId).ToList();
        units.Count.ShouldBeGreaterThan(1);
        var compared = 0;
        foreach (var metric in Enum.GetValues<Metric>())
        {
            var together = await f.With(sp => sp.GetRequiredService<IUnitMeasures>().ItemsByUnitAsync(county, From, To, units, metric, default));
            together.Keys.Order().ShouldBe(units.Order());
            foreach (var unit in units)
            {
                var alone = await f.With(sp => sp.GetRequiredService<IUnitMeasures>().ItemsAsync(county, From, To, unit, metric, default));
                together[unit].ShouldBe(alone, $"{metric} of unit {unit}");
                compared += alone.Count;
            }
        }
        compared.ShouldBeGreaterThan(10);
    }
}
