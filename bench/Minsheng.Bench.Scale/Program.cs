using Minsheng.Bench.Scale;
using Minsheng;
using Minsheng.Data;

// A city's volume: loads N appeals with two years of history into the migrated schema (PostgreSQL binary COPY,
// SQLite prepared inserts), then times the product's own services on it beside a plain-SQL reference.
// Usage: Minsheng.Bench.Scale --database sqlite:PATH|postgres:CONN [--count N] [--texts DIR] [--runs R] [--load-only] [--measure-only]
string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var database = Arg("--database") ?? throw new ArgumentException("--database is required");
var count = int.Parse(Arg("--count") ?? "1000000");
var runs = int.Parse(Arg("--runs") ?? "30");
var target = DatabaseTarget.Parse(database);
// A fixed "now" (Friday 27 Nov 2026, 10:00 China time) so the data and every period measured on it are reproducible.
var clock = new ScaleClock(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
var app = WebApp.Build([], target, b =>
{
    b.Logging.SetMinimumLevel(LogLevel.Warning);
    b.Configuration["Monitor:Enabled"] = "false";
    b.Configuration["Triage:Enabled"] = "false";
    b.Services.AddSingleton<TimeProvider>(clock);
});
await WebApp.MigrateAsync(app.Services);
var city = await ScaleCity.BuildAsync(app.Services, default);
var engine = target.IsSqlite ? "sqlite" : "postgres";
if (!args.Contains("--measure-only"))
    await ScaleLoad.RunAsync(app.Services, target, city, count, Arg("--texts"), clock.Now, Console.Out, default);
if (!args.Contains("--load-only"))
    await ScaleMeasure.RunAsync(app.Services, target, engine, clock, runs, Console.Out, default);
await app.DisposeAsync();
return 0;

/// <summary>The bench's clock: fixed, moved only by the monitor's steady-state passes.</summary>
public sealed class ScaleClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}
