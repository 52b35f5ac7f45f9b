using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;

namespace Minsheng.Features.Statistics.Facts;

/// <summary>What a rebuild did.</summary>
public sealed record FactsRebuild(int Days, int Rows, TimeSpan Elapsed);

/// <summary>
/// Rebuilds the daily facts from the appeals. Each run of days is rebuilt in one transaction: read the dirty marks of
/// those days, replace their fact rows with the SELECT of <see cref="FactsSql"/>, record the days as built (with the
/// instant a pending sign-for deadline makes them stale) and delete exactly the marks it read — a mark committed
/// meanwhile stays, so its change is never lost. Only days before today (China) are built: today is always read live.
/// On PostgreSQL an advisory lock keeps two rebuilds (two instances, or the job and the CLI) from interleaving.
/// </summary>
public sealed class FactsBuilder(MinshengDb db, TimeProvider clock)
{
    /// <summary>Days per transaction: about a month of a city's appeals, so no transaction runs long.</summary>
    public const int ChunkDays = 31;
    private const long LockKey = 0x6D73_6661_6374; // "msfact"

    /// <summary>
    /// Rebuilds every day in [from, to] (default: the first appeal's day to yesterday), whatever its state. For bulk
    /// loads and SQL written outside EF (the bench, imports): call it after loading.
    /// </summary>
    public async Task<FactsRebuild> RebuildAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var yesterday = FactDays.Of(Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow())) - 1;
        var first = from is { } f ? FactDays.Of(f) : await FirstDayAsync(ct);
        var last = Math.Min(to is { } t ? FactDays.Of(t) : yesterday, yesterday);
        if (first is not { } start || start > last) return new FactsRebuild(0, 0, watch.Elapsed);
        var rows = 0;
        for (var d = start; d <= last; d += ChunkDays)
            rows += await BuildAsync(d, Math.Min(d + ChunkDays - 1, last), ct);
        return new FactsRebuild(last - start + 1, rows, watch.Elapsed);
    }

    /// <summary>
    /// Rebuilds only the days that need it: never built (from the first appeal's day to yesterday), marked dirty, or
    /// stale because a pending sign-for deadline has passed. The background job calls this every minute.
    /// </summary>
    public async Task<FactsRebuild> RebuildDueAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        var yesterday = FactDays.Of(Domain.Calendar.ChinaTime.DateOf(now)) - 1;
        if (await FirstDayAsync(ct) is not { } first || first > yesterday) return new FactsRebuild(0, 0, watch.Elapsed);
        var built = await db.Set<FactDay>().Where(d => d.Day >= first && d.Day <= yesterday && (d.StaleAt == null || d.StaleAt >= now))
            .Select(d => d.Day).ToListAsync(ct);
        var dirty = await db.Set<FactDirtyMark>().Where(m => m.Day <= yesterday).Select(m => m.Day).Distinct().ToListAsync(ct);
        var due = new SortedSet<int>(Enumerable.Range(first, yesterday - first + 1));
        due.ExceptWith(built);
        due.UnionWith(dirty);
        var rows = 0;
        foreach (var (from, to) in Runs(due))
            for (var d = from; d <= to; d += ChunkDays)
                rows += await BuildAsync(d, Math.Min(d + ChunkDays - 1, to), ct);
        return new FactsRebuild(due.Count, rows, watch.Elapsed);
    }

    /// <summary>Consecutive days folded into [from, to] runs.</summary>
    public static List<(int From, int To)> Runs(IEnumerable<int> days)
    {
        var runs = new List<(int From, int To)>();
        foreach (var d in days.Order())
            if (runs.Count > 0 && runs[^1].To + 1 >= d) runs[^1] = (runs[^1].From, Math.Max(runs[^1].To, d));
            else runs.Add((d, d));
        return runs;
    }

    private async Task<int?> FirstDayAsync(CancellationToken ct)
    {
        var first = await db.Appeals.OrderBy(a => a.CreatedAt).Select(a => (DateTimeOffset?)a.CreatedAt).FirstOrDefaultAsync(ct);
        return first is { } f ? FactDays.Of(f) : null;
    }

    /// <summary>Rebuilds the days [from, to] in one transaction; returns the fact rows written.</summary>
    private async Task<int> BuildAsync(int from, int to, CancellationToken ct)
    {
        var sqlite = db.IsSqlite;
        var now = clock.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var tx = await db.Database.GetDbConnection().BeginTransactionAsync(ct);
                var conn = tx.Connection!;
                if (!sqlite) await Exec(conn, tx, $"select pg_advisory_xact_lock({LockKey})", [], ct);

                var marks = new List<long>();
                await using (var cmd = Command(conn, tx, "select id from fact_dirty_marks where day >= @from and day <= @to",
                                 [("@from", from), ("@to", to)]))
                await using (var r = await cmd.ExecuteReaderAsync(ct))
                    while (await r.ReadAsync(ct)) marks.Add(Convert.ToInt64(r.GetValue(0)));

                await Exec(conn, tx, "delete from appeal_day_facts where day >= @from and day <= @to", [("@from", from), ("@to", to)], ct);
                var range = new List<(string, object)>
                {
                    ("@now", FactsSql.Ts(sqlite, now)),
                    ("@s0", FactsSql.Ts(sqlite, FactDays.Start(from))),
                    ("@e0", FactsSql.Ts(sqlite, FactDays.Start(to + 1))),
                };
                var rows = await Exec(conn, tx, $"insert into appeal_day_facts ({FactsSql.Columns}) {FactsSql.Select(sqlite, 1)}", range, ct);

                var stale = new Dictionary<int, object>();
                await using (var cmd = Command(conn, tx, FactsSql.StaleAt(sqlite), range))
                await using (var r = await cmd.ExecuteReaderAsync(ct))
                    while (await r.ReadAsync(ct))
                        stale[Convert.ToInt32(r.GetValue(0))] = FactsSql.ReadTs(r.GetValue(1)) is { } at ? FactsSql.Ts(sqlite, at) : DBNull.Value;

                var built = FactsSql.Ts(sqlite, now);
                foreach (var chunk in Enumerable.Range(from, to - from + 1).Chunk(100))
                {
                    var values = string.Join(", ", chunk.Select((d, i) => $"({d}, @b, @x{i})"));
                    var ps = new List<(string, object)> { ("@b", built) };
                    ps.AddRange(chunk.Select((d, i) => ($"@x{i}", stale.GetValueOrDefault(d, DBNull.Value))));
                    await Exec(conn, tx, $"insert into fact_days (day, built_at, stale_at) values {values} " +
                                         "on conflict (day) do update set built_at = excluded.built_at, stale_at = excluded.stale_at", ps, ct);
                }
                foreach (var chunk in marks.Chunk(500))
                    await Exec(conn, tx, $"delete from fact_dirty_marks where id in ({string.Join(", ", chunk)})", [], ct);
                await tx.CommitAsync(ct);
                return rows;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
    }

    private static DbCommand Command(DbConnection conn, DbTransaction tx, string sql, IEnumerable<(string Name, object Value)> parameters)
    {
        var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        return cmd;
    }

    private static async Task<int> Exec(DbConnection conn, DbTransaction tx, string sql, IEnumerable<(string, object)> parameters, CancellationToken ct)
    {
        await using var cmd = Command(conn, tx, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
