using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Minsheng.Data;

/// <summary>Parses `sqlite:PATH` or `postgres:CONNECTION-STRING` (the --database option and MINSHENG_DATABASE).</summary>
public sealed record DatabaseTarget(bool IsSqlite, string ConnectionString)
{
    public const string Default = "sqlite:./data/minsheng.db";

    public static DatabaseTarget Parse(string? value)
    {
        value = string.IsNullOrWhiteSpace(value) ? Default : value.Trim();
        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.GetFullPath(value["sqlite:".Length..]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
            return new DatabaseTarget(true, cs);
        }
        if (value.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase))
            return new DatabaseTarget(false, value["postgres:".Length..]);
        throw new ArgumentException($"数据库地址应以 sqlite: 或 postgres: 开头，收到：{value}");
    }

    public void Configure(DbContextOptionsBuilder options)
    {
        // Microsoft.Data.Sqlite looks each parameter up linearly across the whole command, so a large
        // batch costs quadratic time; 50 statements per batch keeps saves of many rows linear.
        if (IsSqlite) options.UseSqlite(ConnectionString, o => o.MaxBatchSize(50)).AddInterceptors(new SqlitePragmas());
        else options.UseNpgsql(ConnectionString);
        // Marks the days of changed appeals dirty for the statistics' daily facts, in the same transaction.
        options.AddInterceptors(Features.Statistics.Facts.FactsInterceptor.Instance, Features.Statistics.MetricFacts.MetricFactsInterceptor.Instance);
    }
}

/// <summary>
/// WAL for concurrent readers, synchronous=FULL so an acknowledged appeal survives power loss,
/// foreign keys on (SQLite leaves them off by default).
/// </summary>
public sealed class SqlitePragmas : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData) =>
        Apply(connection);

    public override Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(System.Data.Common.DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "pragma journal_mode=wal; pragma synchronous=full; pragma foreign_keys=on; pragma busy_timeout=30000;";
        cmd.ExecuteNonQuery();
    }
}
