using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Assessment;
using Minsheng.Domain.Calendar;
using Minsheng.Features.Demo;
using Minsheng.Features.Statistics.Metrics;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Metrics;

/// <summary>The demo gives every measure data, and 解决 and 满意 are different answers, as they are on the phone.</summary>
public sealed class DemoMetricsTests
{
    [Fact]
    public async Task The_demo_county_has_data_for_every_measure_and_resolution_differs_from_satisfaction()
    {
        await using var database = await TestDatabase.CreateAsync();
        var app = WebApp.Build([], database.Target, b => b.WebHost.UseTestServer());
        await WebApp.MigrateAsync(app.Services);
        await app.StartAsync();
        using var scope = app.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(new StringWriter(), default)).ShouldBeTrue();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var county = await db.Units.AsNoTracking().SingleAsync(u => u.Code == DemoCountyData.CountyCode);
        var today = ChinaTime.DateOf(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());

        var units = await scope.ServiceProvider.GetRequiredService<IUnitMeasures>().MeasureAsync(county.Id, today.AddDays(-100), today, default);
        Ratio Total(Metric m) => units.Aggregate(Ratio.None, (s, u) => new Ratio(s.Numerator + u.Rate(m).Numerator, s.Denominator + u.Rate(m).Denominator));
        foreach (var metric in Enum.GetValues<Metric>())
        {
            Total(metric).Denominator.ShouldBeGreaterThan(0, metric.ToString());
            if (metric is Metric.ReturnRate or Metric.WrongfulReturn or Metric.RedoRate or Metric.CoUnitOnTime)
                Total(metric).Numerator.ShouldBeGreaterThan(0, metric.ToString());
        }
        Total(Metric.Resolution).Value.ShouldNotBe(Total(Metric.Satisfaction).Value);
        Total(Metric.WrongfulReturn).Numerator.ShouldBeLessThan(Total(Metric.WrongfulReturn).Denominator); // some returns accepted
        var measured = units.Where(u => u.Rate(Metric.Satisfaction).Denominator >= 10).ToList();
        measured.ShouldNotBeEmpty();
        measured.Count(u => u.Rate(Metric.Resolution) != u.Rate(Metric.Satisfaction)).ShouldBeGreaterThan(measured.Count / 2);
    }
}
