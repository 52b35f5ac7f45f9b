using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Statistics.Facts;

/// <summary>What a rebuild did.</summary>
public sealed record FactsRebuild(int Days, int Rows, TimeSpan Elapsed);

/// <summary>
/// Rebuilds the stored facts from the appeals. Each run of days within one calendar month is rebuilt in one transaction
/// (and the month's sums with it): read the dirty marks of
/// those days, replace their fact rows with the SELECT of <see cref="FactsSql"/>, record the days as built (with the
/// instant a pending sign-for deadline makes them stale) and delete exactly the marks it read — a mark committed
/// meanwhile stays, so its change is never lost. Only days before today (China) are built: today is always read live.
/// On PostgreSQL an advisory lock keeps two rebuilds (two instances, or the job and the CLI) from interleaving.
/// </summary>
public sealed class FactsBuilder(MinshengDb db, UnitTree units, TimeProvider clock)
{
    private const long LockKey = 0x6D73_6661_6374; // "msfact"

    /// <summary>
    /// Rebuilds every day in [from, to] (default: the first appeal's day to yesterday), whatever its state. For bulk
    /// loads and SQL written outside EF (the bench, imports): call it after loading.
    /// </summary>
    public async Task<FactsRebuild> RebuildAsync(DateOnly? from = null, DateOnly? to = null, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        // Loaded afresh: a bulk load or the CLI may follow unit changes this instance's tree has not seen yet.
        units.Invalidate();
        var scopes = await FactScopes.LoadAsync(db, units, ct);
        if (from is null && to is null) await ResetAsync(scopes, ct);
        else if (await StoredFingerprintAsync(ct) != scopes.Fingerprint) await ResetAsync(scopes, ct);
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
    /// Rebuilds only the days that need it: never built (from the first appeal's day to yesterday), marked dirty, or
    /// stale because a pending sign-for deadline has passed; all of them when a unit or category moved since the facts
    /// were built (the fingerprint differs). The background job calls this every minute.
    /// </summary>
    public async Task<FactsRebuild> RebuildDueAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var scopes = await FactScopes.LoadAsync(db, units, ct);
        if (await StoredFingerprintAsync(ct) != scopes.Fingerprint) await ResetAsync(scopes, ct);
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
            foreach (var (a, b) in FactDays.ByMonth(from, to))
                rows += await BuildAsync(a, b, ct);
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

    /// <summary>The fingerprint of the maps the stored facts were built with (null: never built).</summary>
    public async Task<string?> StoredFingerprintAsync(CancellationToken ct) =>
        await db.Database.SqlQueryRaw<string>("select fingerprint as \"Value\" from fact_meta where id = 1").FirstOrDefaultAsync(ct);

    /// <summary>
    /// Writes the maps of <paramref name="scopes"/> and their fingerprint, and forgets every built day, in one
    /// transaction: from then on each day is read live until rebuilt with the new maps, so no reader ever combines
    /// rows built with two different trees.
    /// </summary>
    private async Task ResetAsync(FactScopes scopes, CancellationToken ct)
    {
        var sqlite = db.IsSqlite;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var tx = await db.Database.GetDbConnection().BeginTransactionAsync(ct);
                var conn = tx.Connection!;
                if (!sqlite) await Exec(conn, tx, $"select pg_advisory_xact_lock({LockKey})", [], ct);
                foreach (var table in new[] { "fact_scope_map", "fact_group_map", "appeal_scope_facts", "fact_days", "fact_meta" })
                    await Exec(conn, tx, $"delete from {table}", [], ct);
                // Ids only (no text), so the rows are written as literals, a few hundred per statement.
                foreach (var chunk in scopes.ScopeMap().Chunk(500))
                    await Exec(conn, tx, "insert into fact_scope_map (unit_id, scope_id, jurisdictional) values " +
                                         string.Join(", ", chunk.Select(m => $"({m.UnitId}, {m.ScopeId}, {(m.Jurisdictional ? 1 : 0)})")), [], ct);
                foreach (var chunk in scopes.GroupMap().Chunk(500))
                    await Exec(conn, tx, "insert into fact_group_map (dim, id, group_id) values " +
                                         string.Join(", ", chunk.Select(m => $"('{m.Dim}', {m.Id}, {m.GroupId})")), [], ct);
                await Exec(conn, tx, "insert into fact_meta (id, fingerprint) values (1, @f)", [("@f", scopes.Fingerprint)], ct);
                await tx.CommitAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
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

                await Exec(conn, tx, $"delete from appeal_scope_facts where dim in ({FactsSql.DayDims}) and day >= @from and day <= @to",
                    [("@from", from), ("@to", to)], ct);
                var range = new List<(string, object)>
                {
                    ("@now", FactsSql.Ts(sqlite, now)),
                    ("@s0", FactsSql.Ts(sqlite, FactDays.Start(from))),
                    ("@e0", FactsSql.Ts(sqlite, FactDays.Start(to + 1))),
                };
                var rows = await Exec(conn, tx, FactsSql.InsertScoped(sqlite), range, ct);
                // [from, to] lies within one month (the callers cut runs at month ends): its month rows follow its days.
                var month = new List<(string, object)> { ("@m", FactDays.MonthOf(from)), ("@n", FactDays.NextMonth(from)) };
                await Exec(conn, tx, FactsSql.DeleteMonth, month, ct);
                await Exec(conn, tx, FactsSql.InsertMonth, month, ct);

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
