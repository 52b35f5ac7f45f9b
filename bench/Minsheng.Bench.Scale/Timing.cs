using System.Data.Common;
using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Infrastructure;

namespace Minsheng.Bench.Scale;

/// <summary>p50/p95 of repeated runs after warm-up, and the answer of the last run (to compare with the reference).</summary>
public sealed record Timed(double P50, double P95, int Runs, string Answer)
{
    public static async Task<Timed> MeasureAsync(int warmups, int runs, Func<Task<string>> run)
    {
        var answer = "";
        for (var i = 0; i < warmups; i++) answer = await run();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            answer = await run();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return new Timed(times[runs / 2], times[Math.Max(0, (int)Math.Ceiling(runs * 0.95) - 1)], runs, answer);
    }
}

/// <summary>
/// Runs product code as a signed-in member of staff: a fresh DI scope per call whose HttpContext carries the same
/// claims the cookie or token sign-in would (CurrentUser reads them), as PageBench's signed-in requests do, without HTTP.
/// </summary>
public sealed class Staff(IServiceProvider root)
{
    private readonly Dictionary<string, ClaimsPrincipal> _principals = new();

    public async Task<T> AsAsync<T>(string username, Func<IServiceProvider, Task<T>> work)
    {
        var principal = await PrincipalAsync(username);
        using var scope = root.CreateScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        accessor.HttpContext = new DefaultHttpContext { User = principal, RequestServices = scope.ServiceProvider };
        try { return await work(scope.ServiceProvider); }
        finally { accessor.HttpContext = null; }
    }

    private async Task<ClaimsPrincipal> PrincipalAsync(string username)
    {
        if (_principals.TryGetValue(username, out var p)) return p;
        using var scope = root.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<MinshengDb>().Users.AsNoTracking().SingleAsync(u => u.Username == username);
        return _principals[username] = CurrentUser.CreatePrincipal(user.Id, user.Username, user.DisplayName, user.Role, user.UnitId, user.SecurityStamp, "bench");
    }
}

/// <summary>The plain-SQL reference: one raw connection, parameters converted to the engine's timestamp storage.</summary>
public sealed class PlainSql(DbConnection connection, bool sqlite) : IAsyncDisposable
{
    public bool IsSqlite => sqlite;

    public object Time(DateTimeOffset t) => sqlite ? t.ToUnixTimeMilliseconds() : t.ToUniversalTime();

    public async Task<List<object?[]>> RowsAsync(string sql, params (string Name, object? Value)[] args)
    {
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        foreach (var (name, value) in args)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }
        var rows = new List<object?[]>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var row = new object?[r.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object? Value)[] args) =>
        Convert.ToInt64((await RowsAsync(sql, args))[0][0] ?? 0L);

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
