using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.TimeLimits;

namespace Minsheng.Bench.Scale;

/// <summary>
/// Generates and loads the city's appeals: one thread moves appeals through their lives with the domain, another
/// streams finished batches into the database, so generation and writing overlap.
/// </summary>
public static class ScaleLoad
{
    private const int BatchSize = 20_000;

    public static async Task RunAsync(IServiceProvider services, DatabaseTarget target, ScaleCity.City city, int count, string? textDir,
        DateTimeOffset now, TextWriter log, CancellationToken ct)
    {
        Shapes shapes;
        Minsheng.Domain.TimeLimits.DeadlineSchedule schedule;
        int existing;
        List<(string, int)> numbers = [];
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            shapes = Shapes.From(db);
            schedule = scope.ServiceProvider.GetRequiredService<TimeLimitCache>().Schedule;
            existing = await db.Appeals.CountAsync(ct);
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync(ct);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "select day, last_value from number_sequences";
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) numbers.Add((r.GetString(0), Convert.ToInt32(r.GetValue(1))));
        }
        if (existing >= count)
        {
            log.WriteLine($"load: {existing} appeals already present, nothing to load");
            await RebuildFactsAsync(services, full: false, log, ct);
            return;
        }
        var texts = new ScaleTexts(textDir);
        log.WriteLine($"load: {count - existing} appeals over {HistoryGenerator.Days} days, {city.Counties.Count} counties, " +
                      $"{city.Categories.Count} categories, {texts.RealMessages} real messages mixed with generated texts");
        await using var loader = BulkLoader.Open(target, shapes);
        await loader.PrepareAsync(ct);
        await loader.StartIdsAsync(ct);
        var firstId = await loader.MaxAppealIdAsync(ct) + 1;
        var total = count - existing;
        var starts = HistoryGenerator.Starts(total, now, seed: 12);
        var daily = numbers.ToDictionary(n => n.Item1, n => n.Item2);
        var numbered = HistoryGenerator.Numbers(starts, daily);
        // One generator per core, each with its own random stream, taking every P-th batch.
        var producers = Math.Max(1, Math.Min(int.Parse(Environment.GetEnvironmentVariable("SCALE_GENERATORS") ?? "0") is > 0 and var g ? g : Environment.ProcessorCount, 8));
        var batches = Channel.CreateBounded<List<GeneratedAppeal>>(2);
        var stats = new LoadStats();
        var watch = Stopwatch.StartNew();
        var produce = Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            var generator = new HistoryGenerator(city, texts, schedule, now, seed: 2026 + p);
            var genWatch = new Stopwatch();
            for (var offset = p * BatchSize; offset < total; offset += producers * BatchSize)
            {
                genWatch.Start();
                var batch = new List<GeneratedAppeal>(BatchSize);
                for (var i = offset; i < Math.Min(total, offset + BatchSize); i++) batch.Add(generator.Generate(firstId + i, starts[i], numbered[i]));
                genWatch.Stop();
                await batches.Writer.WriteAsync(batch, ct);
            }
            lock (stats) stats.GenerateSeconds += genWatch.Elapsed.TotalSeconds;
        }, ct))).ContinueWith(t => { batches.Writer.Complete(t.Exception); }, ct);
        var writeWatch = new Stopwatch();
        var written = 0;
        await foreach (var batch in batches.Reader.ReadAllAsync(ct))
        {
            writeWatch.Start();
            await loader.WriteBatchAsync(batch, ct);
            if (loader is SqliteLoader sqlite) sqlite.Commit();
            writeWatch.Stop();
            written += batch.Count;
            stats.Count(batch);
            if (written % 200_000 < BatchSize || written == total)
                log.WriteLine($"  {written,10:N0} appeals  {written / watch.Elapsed.TotalSeconds,8:N0}/s");
        }
        await produce;
        var loadSeconds = watch.Elapsed.TotalSeconds;
        await loader.FinishAsync(daily, log, ct);
        var allSeconds = watch.Elapsed.TotalSeconds;
        log.WriteLine($"load engine={(target.IsSqlite ? "sqlite" : "postgres")} appeals={total} rows: {stats}");
        log.WriteLine($"load: generate {stats.GenerateSeconds:F1} s over {producers} threads (overlapped), write {writeWatch.Elapsed.TotalSeconds:F1} s; " +
                      $"data in {loadSeconds:F1} s = {total / loadSeconds:N0} appeals/s; with index rebuild and analyze {allSeconds:F1} s = {total / allSeconds:N0} appeals/s");
        // The rows went in by COPY / prepared inserts, past EF and so past the facts' dirty marks: rebuild every day,
        // as an import would, or the dashboard would be measured on its live fallback.
        await RebuildFactsAsync(services, full: true, log, ct);
    }

    /// <summary>
    /// Rebuilds the dashboard's stored facts and prints how long it took: every day (<paramref name="full"/>), or only
    /// what is missing (a database loaded before the facts existed, or by an older build) when measuring.
    /// </summary>
    public static async Task RebuildFactsAsync(IServiceProvider services, bool full, TextWriter log, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var builder = scope.ServiceProvider.GetRequiredService<Minsheng.Features.Statistics.Facts.FactsBuilder>();
        var done = full ? await builder.RebuildAsync(ct: ct) : await builder.RebuildDueAsync(ct);
        var rows = await scope.ServiceProvider.GetRequiredService<MinshengDb>().Set<Minsheng.Features.Statistics.Facts.ScopeFact>().CountAsync(ct);
        log.WriteLine(done.Days == 0
            ? $"facts: already cover the data ({rows:N0} fact rows)"
            : $"facts: {(full ? "rebuilt" : "built the missing")} {done.Days} days, {done.Rows:N0} rows written, {rows:N0} fact rows in all, in {done.Elapsed.TotalSeconds:F1} s");
        // The metrics table's facts (migration 026) likewise: every day after a load, the missing ones when measuring.
        var metrics = scope.ServiceProvider.GetRequiredService<Minsheng.Features.Statistics.MetricFacts.MetricFactsBuilder>();
        var built = full ? await metrics.RebuildAsync(ct: ct) : await metrics.RebuildDueAsync(ct);
        var metricRows = await scope.ServiceProvider.GetRequiredService<MinshengDb>().Set<Minsheng.Features.Statistics.MetricFacts.StoredMetricFact>().CountAsync(ct);
        log.WriteLine(built.Days == 0
            ? $"metric facts: already cover the data ({metricRows:N0} rows)"
            : $"metric facts: {(full ? "rebuilt" : "built the missing")} {built.Days} days, {built.Rows:N0} rows written, {metricRows:N0} rows in all, in {built.Elapsed.TotalSeconds:F1} s");
        // Measured as production would run it, after autovacuum: the load, the fact builds and the bench's own earlier
        // runs (the monitor pass updates appeals) leave the visibility map unset, and PostgreSQL's index-only scans
        // then fetch every heap row (duplicate candidates measured 48 / 63 ms before a VACUUM, 26 / 32 after).
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (db.IsSqlite) await db.Database.ExecuteSqlRawAsync("analyze", ct);
        else
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await db.Database.ExecuteSqlRawAsync("vacuum (analyze)", ct);
        }
        log.WriteLine($"{(db.IsSqlite ? "analyze" : "vacuum (analyze)")}: {watch.Elapsed.TotalSeconds:F1} s");
    }

    private sealed class LoadStats
    {
        public double GenerateSeconds;
        private long _timeline, _co, _orders, _leads, _notices;
        private readonly Dictionary<string, long> _status = new();

        public void Count(List<GeneratedAppeal> batch)
        {
            foreach (var g in batch)
            {
                _timeline += g.Appeal.Timeline.Count;
                _co += g.Appeal.CoUnits.Count;
                _orders += g.Orders.Count;
                _leads += g.Leads.Count;
                _notices += g.Notices.Count;
                var s = g.Appeal.Status.ToString();
                _status[s] = _status.GetValueOrDefault(s) + 1;
            }
        }

        public override string ToString() =>
            $"timeline={_timeline} co_units={_co} supervision_orders={_orders} leads={_leads} notifications={_notices}; status " +
            string.Join(" ", _status.OrderByDescending(x => x.Value).Select(x => $"{x.Key}={x.Value}"));
    }
}
