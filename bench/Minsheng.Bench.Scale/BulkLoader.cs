using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Minsheng.Data;
using Npgsql;
using NpgsqlTypes;

namespace Minsheng.Bench.Scale;

/// <summary>
/// Writes generated appeals straight into the migrated schema. Before the load the plain (non-unique) indexes and the
/// foreign keys of the six tables are set aside and afterwards recreated from their saved definitions, as one does for
/// any bulk load; primary keys and unique constraints stay in place. The time to rebuild them is reported separately.
/// </summary>
public abstract class BulkLoader(Shapes shapes) : IAsyncDisposable
{
    protected Shapes Shapes { get; } = shapes;
    private readonly IdCounters _ids = new();

    public static BulkLoader Open(DatabaseTarget target, Shapes shapes) =>
        target.IsSqlite ? new SqliteLoader(target.ConnectionString, shapes) : new PostgresLoader(target.ConnectionString, shapes);

    public abstract Task PrepareAsync(CancellationToken ct);
    public abstract Task FinishAsync(IReadOnlyDictionary<string, int> dailyNumbers, TextWriter log, CancellationToken ct);
    /// <summary>Writes rows of one table on connection <paramref name="lane"/> (0..2); lanes may run concurrently when <see cref="Lanes"/> says so.</summary>
    protected abstract Task WriteAsync(int lane, TableShape table, IEnumerable<(object Row, long? Id, long? AppealId)> rows, CancellationToken ct);
    protected abstract bool Lanes { get; }
    protected abstract Task<long> MaxIdAsync(string table, CancellationToken ct);
    public abstract ValueTask DisposeAsync();

    public async Task StartIdsAsync(CancellationToken ct)
    {
        _ids.Timeline = await MaxIdAsync("timeline_entries", ct);
        _ids.Orders = await MaxIdAsync("supervision_orders", ct);
        _ids.Leads = await MaxIdAsync("accountability_leads", ct);
        _ids.Notices = await MaxIdAsync("notifications", ct);
    }

    public Task<long> MaxAppealIdAsync(CancellationToken ct) => MaxIdAsync("appeals", ct);

    public async Task WriteBatchAsync(IReadOnlyList<GeneratedAppeal> batch, CancellationToken ct)
    {
        // Each table has its own id counter, so the three lanes can enumerate their rows at the same time.
        Task Appeals() => WriteAsync(0, Shapes.Appeals, batch.Select(g => ((object)g.Appeal, (long?)g.Id, (long?)null)), ct);
        Task Timeline() => WriteAsync(1, Shapes.Timeline, batch.SelectMany(g => g.Appeal.Timeline.Select(t => ((object)t, (long?)++_ids.Timeline, (long?)g.Id))), ct);
        async Task Rest()
        {
            await WriteAsync(2, Shapes.CoUnits, batch.SelectMany(g => g.Appeal.CoUnits.Select(c => ((object)c, (long?)null, (long?)g.Id))), ct);
            await WriteAsync(2, Shapes.Orders, batch.SelectMany(g => g.Orders.Select(o => ((object)o, (long?)++_ids.Orders, (long?)g.Id))), ct);
            await WriteAsync(2, Shapes.Leads, batch.SelectMany(g => g.Leads.Select(l => ((object)l, (long?)++_ids.Leads, (long?)g.Id))), ct);
            await WriteAsync(2, Shapes.Notices, batch.SelectMany(g => g.Notices.Select(n => ((object)n, (long?)++_ids.Notices, (long?)g.Id))), ct);
        }
        if (Lanes) await Task.WhenAll(Task.Run(Appeals, ct), Task.Run(Timeline, ct), Task.Run(Rest, ct));
        else
        {
            await Appeals();
            await Timeline();
            await Rest();
        }
    }

    protected static object? Value(ColumnShape column, (object Row, long? Id, long? AppealId) row) => column.Name switch
    {
        "id" when row.Id is { } id => id,
        "appeal_id" when row.AppealId is { } appeal => appeal,
        _ => column.Get(row.Row),
    };

    protected IEnumerable<string> TableNames => Shapes.All.Select(t => t.Table);
}

public sealed class PostgresLoader(string connectionString, Shapes shapes) : BulkLoader(shapes)
{
    private readonly NpgsqlConnection _conn = new(connectionString);
    private readonly NpgsqlConnection[] _lanes = [new(connectionString), new(connectionString), new(connectionString)];
    private readonly List<(string Kind, string Sql)> _setAside = [];

    protected override bool Lanes => true;

    public override async Task PrepareAsync(CancellationToken ct)
    {
        await _conn.OpenAsync(ct);
        foreach (var lane in _lanes)
        {
            await lane.OpenAsync(ct);
            await using var off = new NpgsqlCommand("set synchronous_commit = off", lane);
            await off.ExecuteNonQueryAsync(ct);
        }
        var tables = string.Join(",", TableNames.Select(t => $"'{t}'"));
        await using (var cmd = new NpgsqlCommand(
            $"select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint where contype = 'f' and conrelid::regclass::text in ({tables})", _conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) _setAside.Add(("fk", $"alter table {r.GetString(0)} add constraint {r.GetString(1)} {r.GetString(2)}|{r.GetString(0)}|{r.GetString(1)}"));
        await using (var cmd = new NpgsqlCommand(
            $"select i.indexname, i.indexdef from pg_indexes i where i.tablename in ({tables}) and i.schemaname = current_schema() " +
            "and not exists (select 1 from pg_constraint c where c.conname = i.indexname)", _conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) _setAside.Add(("ix", $"{r.GetString(1)}|{r.GetString(0)}"));
        foreach (var (kind, sql) in _setAside)
        {
            var parts = sql.Split('|');
            await Exec(kind == "fk" ? $"alter table {parts[1]} drop constraint {parts[2]}" : $"drop index {parts[1]}", ct);
        }
    }

    protected override async Task<long> MaxIdAsync(string table, CancellationToken ct)
    {
        if (_conn.State != System.Data.ConnectionState.Open) await _conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"select coalesce(max(id), 0) from {table}", _conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }

    protected override Task WriteAsync(int lane, TableShape table, IEnumerable<(object Row, long? Id, long? AppealId)> rows, CancellationToken ct)
    {
        // Synchronous writes: this runs on its own thread per lane, and per-field async calls would dominate the cost.
        using var import = _lanes[lane].BeginBinaryImport($"copy {table.Table} ({table.ColumnList}) from stdin (format binary)");
        foreach (var row in rows)
        {
            import.StartRow();
            foreach (var c in table.Columns)
            {
                var v = Value(c, row);
                if (v is null) import.WriteNull();
                else if (c.Type.IsEnum) import.Write(v.ToString()!, NpgsqlDbType.Text);
                else if (v is DateTimeOffset d) import.Write(d.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                else if (v is string s) import.Write(s, NpgsqlDbType.Text);
                else if (v is long l) import.Write(l, NpgsqlDbType.Bigint);
                else if (v is int i) import.Write(i, NpgsqlDbType.Integer);
                else if (v is bool b) import.Write(b, NpgsqlDbType.Boolean);
                else if (v is double x) import.Write(x, NpgsqlDbType.Double);
                else throw new NotSupportedException($"{table.Table}.{c.Name}: {v.GetType()}");
            }
        }
        import.Complete();
        return Task.CompletedTask;
    }

    public override async Task FinishAsync(IReadOnlyDictionary<string, int> dailyNumbers, TextWriter log, CancellationToken ct)
    {
        var sw = Stopwatch.StartNew();
        foreach (var (kind, sql) in _setAside.OrderBy(x => x.Kind == "fk")) await Exec(sql.Split('|')[0], ct);
        log.WriteLine($"  indexes and foreign keys rebuilt: {_setAside.Count} in {sw.Elapsed.TotalSeconds:F1} s");
        foreach (var t in TableNames.Where(t => t != "appeal_co_units"))
            await Exec($"select setval(pg_get_serial_sequence('{t}', 'id'), greatest((select max(id) from {t}), 1))", ct);
        foreach (var (day, last) in dailyNumbers)
            await Exec($"insert into number_sequences (day, last_value) values ('{day}', {last}) on conflict (day) do update set last_value = greatest(number_sequences.last_value, excluded.last_value)", ct);
        sw.Restart();
        await Exec("analyze", ct);
        log.WriteLine($"  analyze: {sw.Elapsed.TotalSeconds:F1} s");
    }

    private async Task Exec(string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, _conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var lane in _lanes) await lane.DisposeAsync();
        await _conn.DisposeAsync();
    }
}

public sealed class SqliteLoader(string connectionString, Shapes shapes) : BulkLoader(shapes)
{
    private readonly SqliteConnection _conn = new(connectionString);
    private readonly List<string> _indexes = [];
    private readonly Dictionary<string, SqliteCommand> _inserts = new();
    private SqliteTransaction? _tx;

    public override async Task PrepareAsync(CancellationToken ct)
    {
        await _conn.OpenAsync(ct);
        await Exec("pragma synchronous = off", ct);
        var tables = string.Join(",", TableNames.Select(t => $"'{t}'"));
        var names = new List<string>();
        await using (var cmd = new SqliteCommand($"select name, sql from sqlite_master where type = 'index' and sql is not null and sql not like '%unique%' and tbl_name in ({tables})", _conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) { names.Add(r.GetString(0)); _indexes.Add(r.GetString(1)); }
        foreach (var n in names) await Exec($"drop index {n}", ct);
    }

    protected override async Task<long> MaxIdAsync(string table, CancellationToken ct)
    {
        if (_conn.State != System.Data.ConnectionState.Open) await _conn.OpenAsync(ct);
        await using var cmd = new SqliteCommand($"select coalesce(max(id), 0) from {table}", _conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
    }

    protected override bool Lanes => false;

    protected override Task WriteAsync(int lane, TableShape table, IEnumerable<(object Row, long? Id, long? AppealId)> rows, CancellationToken ct)
    {
        _tx ??= _conn.BeginTransaction();
        if (!_inserts.TryGetValue(table.Table, out var cmd))
        {
            cmd = _conn.CreateCommand();
            cmd.CommandText = $"insert into {table.Table} ({table.ColumnList}) values ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < table.Columns.Length; i++) cmd.Parameters.Add(new SqliteParameter($"$p{i}", null));
            _inserts[table.Table] = cmd;
        }
        cmd.Transaction = _tx;
        foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Length; i++)
            {
                var c = table.Columns[i];
                cmd.Parameters[i].Value = Value(c, row) switch
                {
                    null => DBNull.Value,
                    DateTimeOffset d => d.ToUnixTimeMilliseconds(),
                    var v when c.Type.IsEnum => v.ToString(),
                    bool b => b ? 1L : 0L,
                    var v => v,
                };
            }
            cmd.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    /// <summary>Commits the open batch (called between batches so the WAL does not grow without bound).</summary>
    public void Commit()
    {
        _tx?.Commit();
        _tx?.Dispose();
        _tx = null;
    }

    public override async Task FinishAsync(IReadOnlyDictionary<string, int> dailyNumbers, TextWriter log, CancellationToken ct)
    {
        Commit();
        var sw = Stopwatch.StartNew();
        foreach (var sql in _indexes) await Exec(sql, ct);
        log.WriteLine($"  indexes rebuilt: {_indexes.Count} in {sw.Elapsed.TotalSeconds:F1} s");
        foreach (var (day, last) in dailyNumbers)
            await Exec($"insert into number_sequences (day, last_value) values ('{day}', {last}) on conflict (day) do update set last_value = max(number_sequences.last_value, excluded.last_value)", ct);
        sw.Restart();
        await Exec("analyze", ct);
        await Exec("pragma wal_checkpoint(truncate)", ct);
        log.WriteLine($"  analyze: {sw.Elapsed.TotalSeconds:F1} s");
    }

    private async Task Exec(string sql, CancellationToken ct)
    {
        await using var cmd = new SqliteCommand(sql, _conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var c in _inserts.Values) await c.DisposeAsync();
        await _conn.DisposeAsync();
    }
}
