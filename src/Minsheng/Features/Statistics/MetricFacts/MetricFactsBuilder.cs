using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Statistics.Facts;
using Minsheng.Features.Statistics.Metrics;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Statistics.MetricFacts;

/// <summary>
/// Rebuilds the metric facts from the appeals, built FROM <see cref="MetricQueries"/>' parts: each part, filtered to
/// the items decided in the days being built, is grouped in SQL by EF (counting unit, place, category, channel and
/// decision instant) and that very command is wrapped in an INSERT … SELECT that folds it per day, scope and
/// dimension — so the stored counts cannot mean anything the live query does not. Each run of days within one month
/// is rebuilt in one transaction: read the dirty marks of those days, replace their rows, record the days as built
/// (with the instant a pending deadline makes them stale) and delete exactly the marks read. Only days before today
/// (China) are built. On PostgreSQL an advisory lock keeps two rebuilds from interleaving.
/// </summary>
public sealed class MetricFactsBuilder(MinshengDb db, MetricQueries queries, UnitTree units, TimeProvider clock)
{
    private const long LockKey = 0x6D73_6D65_7472; // "msmetr"

    /// <summary>Rebuilds every day in [from, to] (default: the first appeal's day to yesterday). For bulk loads and imports.</summary>
    public async Task<FactsRebuild> RebuildAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        units.Invalidate();
        var map = MetricUnitMap.Of(units);
        if ((from is null && to is null) || await MetricUnitMap.StoredFingerprintAsync(db, ct) != map.Fingerprint) await ResetAsync(map, ct);
        var yesterday = FactDays.Of(Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow())) - 1;
        var first = from is { } f ? FactDays.Of(f) : await FirstDayAsync(ct);
        var last = Math.Min(to is { } t ? FactDays.Of(t) : yesterday, yesterday);
        if (first is not { } start || start > last) return new FactsRebuild(0, 0, watch.Elapsed);
        var rows = 0;
        foreach (var (a, b) in FactDays.ByMonth(start, last))
            rows += await BuildAsync(a, b, ct);
        return new FactsRebuild(last - start + 1, rows, watch.Elapsed);
    }

    /// <summary>
    /// Rebuilds only the days that need it: never built (first appeal's day to yesterday), marked dirty, or stale; all
    /// of them when the unit map changed since the facts were built. The background job calls this every minute.
    /// </summary>
    public async Task<FactsRebuild> RebuildDueAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var map = MetricUnitMap.Of(units);
        if (await MetricUnitMap.StoredFingerprintAsync(db, ct) != map.Fingerprint) await ResetAsync(map, ct);
        var now = clock.GetUtcNow();
        var yesterday = FactDays.Of(Domain.Calendar.ChinaTime.DateOf(now)) - 1;
        if (await FirstDayAsync(ct) is not { } first || first > yesterday) return new FactsRebuild(0, 0, watch.Elapsed);
        var built = await db.Set<MetricFactDay>().Where(d => d.Day >= first && d.Day <= yesterday && (d.StaleAt == null || d.StaleAt >= now))
            .Select(d => d.Day).ToListAsync(ct);
        var dirty = await db.Set<MetricDirtyMark>().Where(m => m.Day <= yesterday).Select(m => m.Day).Distinct().ToListAsync(ct);
        var due = new SortedSet<int>(Enumerable.Range(first, yesterday - first + 1));
        due.ExceptWith(built);
        due.UnionWith(dirty.Where(d => d >= first));
        var rows = 0;
        foreach (var (from, to) in FactsBuilder.Runs(due))
            foreach (var (a, b) in FactDays.ByMonth(from, to))
                rows += await BuildAsync(a, b, ct);
        // Marks of days before the first appeal (deleted data) hold nothing to build: drop them.
        await db.Set<MetricDirtyMark>().Where(m => m.Day < first).ExecuteDeleteAsync(ct);
        return new FactsRebuild(due.Count, rows, watch.Elapsed);
    }

    private async Task<int?> FirstDayAsync(CancellationToken ct)
    {
        var first = await db.Appeals.OrderBy(a => a.CreatedAt).Select(a => (DateTimeOffset?)a.CreatedAt).FirstOrDefaultAsync(ct);
        return first is { } f ? FactDays.Of(f) : null;
    }

    /// <summary>Writes the unit map and its fingerprint and forgets every built day, in one transaction: each day is read live until rebuilt.</summary>
    private async Task ResetAsync(MetricUnitMap map, CancellationToken ct) =>
        await InTransactionAsync(async () =>
        {
            foreach (var table in new[] { "metric_unit_map", "metric_facts", "metric_fact_days", "metric_fact_meta" })
                await SqlAsync($"delete from {table}", ct);
            // Ids only, written as literals a few hundred per statement.
            foreach (var chunk in map.Units.Chunk(500))
                await SqlAsync("insert into metric_unit_map (unit_id, scope_id, township_id) values " +
                                                     string.Join(", ", chunk.Select(m => $"({m.Key}, {m.Value.Scope}, {m.Value.Township})")), ct);
            await db.Database.ExecuteSqlRawAsync("insert into metric_fact_meta (id, fingerprint) values (1, {0})", [map.Fingerprint], ct);
            return 0;
        }, ct);

    /// <summary>Rebuilds the days [from, to] in one transaction; returns the fact rows written.</summary>
    private async Task<int> BuildAsync(int from, int to, CancellationToken ct) =>
        await InTransactionAsync(async () =>
        {
            var now = clock.GetUtcNow();
            var marks = await db.Set<MetricDirtyMark>().Where(m => m.Day >= from && m.Day <= to).Select(m => m.Id).ToListAsync(ct);
            // Named measures and dimensions: each (measure, dim) pair's days are one range of the primary key.
            await SqlAsync($"delete from metric_facts where measure in ({StoredMeasures}) and dim in ({StoredDims}) and day >= {from} and day <= {to}", ct);
            var (s, e) = (FactDays.Start(from), FactDays.Start(to + 1));
            var rows = 0;
            foreach (var measure in MetricFactKeys.Stored)
            {
                var parts = queries.Parts(measure, now, s, e);
                for (var i = 0; i < parts.Count; i++) rows += await InsertAsync(measure, i, parts[i], s, e, ct);
            }
            var stale = await queries.OverdueStaleAtAsync(now, s, e, ct);
            await db.Set<MetricFactDay>().Where(d => d.Day >= from && d.Day <= to).ExecuteDeleteAsync(ct);
            db.Set<MetricFactDay>().AddRange(Enumerable.Range(from, to - from + 1)
                .Select(d => new MetricFactDay { Day = d, BuiltAt = now, StaleAt = stale.TryGetValue(d, out var at) ? at : null }));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            foreach (var chunk in marks.Chunk(500))
                await SqlAsync($"delete from metric_dirty_marks where id in ({string.Join(", ", chunk)})", ct);
            return rows;
        }, ct);

    /// <summary>
    /// The part's items decided in [s, e), grouped in SQL by EF on everything a dimension needs, wrapped in one INSERT
    /// that folds them per day and scope into the four dimensions (a unit outside the tree counts for no jurisdiction,
    /// as live; a place is folded to its township through the same map).
    /// </summary>
    private async Task<int> InsertAsync(Measure measure, int part, IQueryable<MetricFact> items, DateTimeOffset s, DateTimeOffset e, CancellationToken ct)
    {
        var grouped = items.Where(f => f.DecidedAt >= s && f.DecidedAt < e && f.UnitId != null)
            .GroupBy(f => new { f.UnitId, f.RegionUnitId, f.CategoryId, f.Channel, f.DecidedAt })
            .Select(g => new { g.Key.UnitId, g.Key.RegionUnitId, g.Key.CategoryId, g.Key.Channel, g.Key.DecidedAt, N = g.Count(), Hits = g.Count(f => f.Hit) });
        await using var cmd = grouped.CreateDbCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandTimeout = 600;
        cmd.CommandText = Wrap(db.IsSqlite, cmd.CommandText, measure.ToString(), part);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static readonly string StoredMeasures = string.Join(", ", MetricFactKeys.Stored.Select(m => $"'{m}'"));
    private static readonly string StoredDims = string.Join(", ", Enum.GetValues<Dimension>().Select(d => $"'{MetricFactKeys.Dim(d)}'"));

    private static readonly long OffsetMs = (long)Domain.Calendar.ChinaTime.Offset.TotalMilliseconds;

    /// <summary>The INSERT around EF's grouped SELECT, whose columns come in the order of its projection.</summary>
    internal static string Wrap(bool sqlite, string grouped, string measure, int part)
    {
        var day = sqlite
            ? $"cast((g.decided_at + {OffsetMs}) / 86400000 as integer)"
            : $"cast(floor((extract(epoch from g.decided_at) + {OffsetMs / 1000}) / 86400) as integer)";
        var channel = "case g.channel " + string.Join(" ", Enum.GetValues<Channel>().Select(c => $"when '{c}' then {(int)c}")) + " else -1 end";
        string Dim(string dim, string key) =>
            $"select '{measure}', '{dim}', scope_id, day, {key}, {part}, sum(n), sum(hits) from d group by scope_id, day, {key}";
        return $"with g (unit_id, region_unit_id, category_id, channel, decided_at, n, hits) as materialized ({grouped}), " +
               $"d as materialized (select m.scope_id, {day} as day, g.unit_id, " +
               "case when g.region_unit_id is null then 0 else coalesce(r.township_id, -1) end as town, " +
               $"coalesce(g.category_id, 0) as cat, {channel} as chan, g.n, g.hits " +
               "from g join metric_unit_map m on m.unit_id = g.unit_id left join metric_unit_map r on r.unit_id = g.region_unit_id) " +
               "insert into metric_facts (measure, dim, scope_id, day, key_id, part, n, hits) " +
               $"{Dim("unit", "unit_id")} union all {Dim("town", "town")} union all {Dim("cat", "cat")} union all {Dim("chan", "chan")}";
    }

    /// <summary>SQL made of table names and ids only (no input): written as literals.</summary>
    private Task<int> SqlAsync(string sql, CancellationToken ct) => db.Database.ExecuteSqlRawAsync(sql, ct);

    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!db.IsSqlite) await SqlAsync($"select pg_advisory_xact_lock({LockKey})", ct);
            var result = await work();
            await tx.CommitAsync(ct);
            return result;
        });
    }
}
