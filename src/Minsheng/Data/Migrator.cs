using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Minsheng.Data;

/// <summary>
/// Applies the numbered SQL scripts embedded from Migrations/&lt;dialect&gt;/ in order, each in its own
/// transaction, recording them in schema_migrations. Runs at start-up and from `minsheng migrate`.
/// </summary>
public sealed class Migrator(MinshengDb db, ILogger<Migrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        var dialect = db.IsSqlite ? "sqlite" : "postgres";
        var scripts = Scripts(dialect);
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await Exec(conn, null, "create table if not exists schema_migrations (version integer primary key, name text not null, applied_at text not null)", ct);
            var applied = new HashSet<int>();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "select version from schema_migrations";
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) applied.Add(Convert.ToInt32(r.GetValue(0)));
            }
            var done = new List<string>();
            foreach (var (version, name, sql) in scripts.Where(s => !applied.Contains(s.Version)))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                // On PostgreSQL two instances starting at once must not both apply a script.
                if (!db.IsSqlite) await Exec(conn, tx, "lock table schema_migrations in exclusive mode", ct);
                if (!db.IsSqlite && await AlreadyApplied(conn, tx, version, ct)) { await tx.RollbackAsync(ct); continue; }
                await Exec(conn, tx, sql, ct);
                await Exec(conn, tx, $"insert into schema_migrations (version, name, applied_at) values ({version}, '{name}', '{DateTimeOffset.UtcNow:O}')", ct);
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Version} {Name}", version, name);
                done.Add(name);
            }
            return done;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> AlreadyApplied(DbConnection conn, DbTransaction tx, int version, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"select count(*) from schema_migrations where version = {version}";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct)) > 0;
    }

    private static async Task Exec(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        // No client timeout: building an index on a table of a million appeals (019) takes minutes, not 30 s.
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts(string dialect)
    {
        var asm = Assembly.GetExecutingAssembly();
        var prefix = $"migrations/{dialect}/";
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[prefix.Length..^4];
                using var reader = new StreamReader(asm.GetManifestResourceStream(n)!);
                return (int.Parse(name.Split('_')[0]), name, reader.ReadToEnd());
            })
            .OrderBy(s => s.Item1)
            .ToList();
    }
}
