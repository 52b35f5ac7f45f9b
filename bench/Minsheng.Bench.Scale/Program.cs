using Minsheng.Bench.Scale;
using Minsheng;
using Minsheng.Data;

// A city's volume: loads N appeals with two years of history into the migrated schema (PostgreSQL binary COPY,
// SQLite prepared inserts), then times the product's own services on it beside a plain-SQL reference.
// Usage: Minsheng.Bench.Scale --database sqlite:PATH|postgres:CONN [--count N] [--texts DIR] [--runs R] [--load-only] [--measure-only] [--audit-dir DIR] [--only CASE,CASE] [--generate-only N]
string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
var database = Arg("--database") ?? throw new ArgumentException("--database is required");
var count = int.Parse(Arg("--count") ?? "1000000");
var runs = int.Parse(Arg("--runs") ?? "30");
var target = DatabaseTarget.Parse(database);
// A fixed "now" (Friday 27 Nov 2026, 10:00 China time) so the data and every period measured on it are reproducible.
var clock = new ScaleClock(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));
// The audit key and checkpoints of a bench database never go to the checkout's data/ folder: a throwaway directory,
// or --audit-dir (kept) when the database is loaded once and measured again with --measure-only.
var keepAudit = Arg("--audit-dir") is not null;
var auditDir = Arg("--audit-dir") is { } dir ? Directory.CreateDirectory(dir).FullName : Directory.CreateTempSubdirectory("minsheng-scale-audit").FullName;
var app = WebApp.Build([], target, b =>
{
    b.Configuration["Audit:KeyFile"] = Path.Combine(auditDir, "bench.audit-key");
    b.Configuration["Audit:CheckpointFile"] = Path.Combine(auditDir, "bench.audit-checkpoints");
    b.Logging.SetMinimumLevel(LogLevel.Warning);
    b.Configuration["Monitor:Enabled"] = "false";
    b.Configuration["Triage:Enabled"] = "false";
    b.Services.AddSingleton<TimeProvider>(clock);
});
await WebApp.MigrateAsync(app.Services);
var city = await ScaleCity.BuildAsync(app.Services, default);
var engine = target.IsSqlite ? "sqlite" : "postgres";
if (Arg("--generate-only") is { } generateCount)
{
    ScaleGenerate.Run(app.Services, city, int.Parse(generateCount), Arg("--texts"), clock.Now, Console.Out);
    return 0;
}
if (!args.Contains("--measure-only"))
    await ScaleLoad.RunAsync(app.Services, target, city, count, Arg("--texts"), clock.Now, Console.Out, default);
else
    // A shared template loaded by an older build has no facts (or facts of another shape): build what is missing.
    await ScaleLoad.RebuildFactsAsync(app.Services, full: false, Console.Out, default);
if (!args.Contains("--load-only"))
    await ScaleMeasure.RunAsync(app.Services, target, engine, clock, runs, Arg("--only"), Console.Out, default);
await app.DisposeAsync();
if (!keepAudit) Directory.Delete(auditDir, recursive: true);
return 0;

/// <summary>The bench's clock: fixed, moved only by the monitor's steady-state passes.</summary>
public sealed class ScaleClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}
