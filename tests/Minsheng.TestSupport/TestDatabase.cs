using Microsoft.Data.Sqlite;
using Minsheng.Data;
using Npgsql;

namespace Minsheng.TestSupport;

/// <summary>
/// A fresh, empty database per test app on the engine ./test chose: MINSHENG_TEST_ENGINE=postgres uses the
/// throwaway server in MINSHENG_TEST_POSTGRES; otherwise a temporary SQLite file.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public DatabaseTarget Target { get; }
    public string Spec { get; }
    private readonly string? _sqlitePath;
    private readonly string? _pgName;
    private readonly string? _pgServer;

    public static bool IsPostgres => Environment.GetEnvironmentVariable("MINSHENG_TEST_ENGINE") == "postgres";

    private TestDatabase(DatabaseTarget target, string spec, string? sqlitePath, string? pgServer, string? pgName)
    {
        Target = target;
        Spec = spec;
        _sqlitePath = sqlitePath;
        _pgServer = pgServer;
        _pgName = pgName;
    }

    public static async Task<TestDatabase> CreateAsync()
    {
        if (!IsPostgres)
        {
            var path = Path.Combine(Path.GetTempPath(), $"minsheng-test-{Guid.NewGuid():N}.db");
            var spec = $"sqlite:{path}";
            return new TestDatabase(DatabaseTarget.Parse(spec), spec, path, null, null);
        }
        var server = Environment.GetEnvironmentVariable("MINSHENG_TEST_POSTGRES")
            ?? throw new InvalidOperationException("MINSHENG_TEST_ENGINE=postgres needs MINSHENG_TEST_POSTGRES (./test sets both).");
        var name = $"t_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create database {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        return new TestDatabase(DatabaseTarget.Parse($"postgres:{cs}"), $"postgres:{cs}", null, server, name);
    }

    public async ValueTask DisposeAsync()
    {
        // The audit checkpoint file lives outside the database (the PostgreSQL key file is shared by every test database and stays).
        File.Delete(new Minsheng.Features.Audit.AuditKey(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(), Target).CheckpointPath);
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearPool(new SqliteConnection(Target.ConnectionString));
            foreach (var suffix in new[] { "", "-wal", "-shm", ".audit-key" })
                try { File.Delete(_sqlitePath + suffix); } catch (IOException) { }
        }
        else if (_pgServer is not null)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(Target.ConnectionString));
            await using var conn = new NpgsqlConnection(_pgServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"drop database if exists {_pgName} with (force)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
