using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Minsheng;
using Minsheng.Bench.Facts;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Features.Demo;
using Minsheng.Features.Statistics;
using Minsheng.Features.Statistics.Facts;
using Minsheng.Infrastructure;

// The dashboard overview from daily facts against the live GROUP BY (the reference), at a city's or a county's volume.
// Usage: dotnet Minsheng.Bench.Facts.dll --database sqlite:PATH|postgres:CS [--count N] [--runs R]
string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var database = Arg("--database", "sqlite:./data/facts-bench.db");
var count = int.Parse(Arg("--count", "100000"));
var runs = int.Parse(Arg("--runs", "15"));
var engine = database.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? "postgres" : "sqlite";
var clock = new FixedClock(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)); // Friday 10:00 in China

var app = WebApp.Build([], DatabaseTarget.Parse(database), b =>
{
    b.Logging.SetMinimumLevel(LogLevel.Warning);
    // FACTS_BENCH_SQL=1 prints every command with its duration (to see which query of the overview costs what).
    if (Environment.GetEnvironmentVariable("FACTS_BENCH_SQL") == "1")
        b.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
    b.Configuration["Monitor:Enabled"] = "false";
    b.Configuration["Triage:Enabled"] = "false";
    b.Services.AddSingleton<TimeProvider>(clock);
});
await WebApp.MigrateAsync(app.Services);
using (var scope = app.Services.CreateScope())
{
    await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(TextWriter.Null, default, appealCount: 0);
    var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
    var have = await db.Appeals.CountAsync();
    if (have < count)
    {
        var load = Stopwatch.StartNew();
        await AppealLoader.LoadAsync(db, clock.GetUtcNow(), count - have, 20261130);
        Console.WriteLine($"load engine={engine} appeals={count - have} seconds={load.Elapsed.TotalSeconds:F1} per_second={(count - have) / load.Elapsed.TotalSeconds:F0}");
    }
}
app.Services.GetRequiredService<UnitTree>().Invalidate();

using (var scope = app.Services.CreateScope())
{
    var done = await scope.ServiceProvider.GetRequiredService<FactsBuilder>().RebuildAsync();
    var rows = await scope.ServiceProvider.GetRequiredService<MinshengDb>().Set<ScopeFact>().CountAsync();
    Console.WriteLine($"rebuild engine={engine} appeals={count} days={done.Days} fact_rows={rows} seconds={done.Elapsed.TotalSeconds:F1}");
}

var units = app.Services.GetRequiredService<UnitTree>();
var city = units.All.Single(u => u.ParentId is null);
var county = units.All.Where(u => u.Kind == UnitKind.County).OrderBy(u => u.Id).First();
(string Name, Role Role, long Unit)[] scopes = [("city", Role.Leader, city.Id), ("county", Role.Analyst, county.Id)];

async Task<(double P50, double P95, StatisticsOverview Last)> Time(Func<StatisticsService, Task<StatisticsOverview>> call, Role role, long unit, int n)
{
    var ms = new List<double>();
    StatisticsOverview? last = null;
    for (var i = 0; i < n + 2; i++)
    {
        using var scope = app.Services.CreateScope();
        var stats = Statistics(scope.ServiceProvider, role, unit);
        var sw = Stopwatch.StartNew();
        last = await call(stats);
        if (i >= 2) ms.Add(sw.Elapsed.TotalMilliseconds); // two warm-up calls
    }
    ms.Sort();
    return (Pct(ms, 0.50), Pct(ms, 0.95), last!);
}

static double Pct(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

StatisticsService Statistics(IServiceProvider sp, Role role, long unit)
{
    var db = sp.GetRequiredService<MinshengDb>();
    var http = new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = CurrentUser.CreatePrincipal(1, "bench", "bench", role, unit, "s", "bench") } };
    return new StatisticsService(db, new AppealScope(db, new CurrentUser(http, units), units), units, clock);
}

async Task Report(string label)
{
    foreach (var days in new[] { 30, 365 })
    foreach (var (name, role, unit) in scopes)
    {
        var period = StatisticsPeriod.Last(days, clock.GetUtcNow());
        var facts = await Time(s => s.OverviewAsync(period, default), role, unit, runs);
        var live = await Time(s => s.LiveOverviewAsync(period, default), role, unit, Math.Max(3, runs / 3));
        var same = System.Text.Json.JsonSerializer.Serialize(facts.Last) == System.Text.Json.JsonSerializer.Serialize(live.Last);
        Console.WriteLine($"overview engine={engine} appeals={count} {label} scope={name} days={days} received={facts.Last.Kpis.Received} " +
                          $"facts_p50_ms={facts.P50:F1} facts_p95_ms={facts.P95:F1} live_p50_ms={live.P50:F1} live_p95_ms={live.P95:F1} " +
                          $"ratio_p95={live.P95 / facts.P95:F1} equal={same}");
    }
}

await Report("state=clean");
// Late changes not yet rebuilt: five scattered days of the last year marked dirty are read live.
using (var scope = app.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
    var today = FactDays.Of(Minsheng.Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow()));
    foreach (var back in new[] { 3, 40, 100, 200, 300 }) db.Set<FactDirtyMark>().Add(new FactDirtyMark { Day = today - back });
    await db.SaveChangesAsync();
}
await Report("state=5_dirty_days");
using (var scope = app.Services.CreateScope())
{
    var done = await scope.ServiceProvider.GetRequiredService<FactsBuilder>().RebuildDueAsync();
    Console.WriteLine($"rebuild_due engine={engine} days={done.Days} seconds={done.Elapsed.TotalSeconds:F2}");
}
await app.DisposeAsync();

sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
