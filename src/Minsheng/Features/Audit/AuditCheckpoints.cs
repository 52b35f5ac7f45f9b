using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minsheng.Data;
using Minsheng.Features.Monitor;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Audit;

/// <summary>One line of the checkpoint file: the chain's length and head at a moment, plus the row counts it sealed.</summary>
public sealed record Checkpoint(DateTimeOffset At, long Count, long LastId, string Head, long Timeline, long Access)
{
    public string Body => string.Join('\t',
        At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        $"count={Count}", $"last={LastId}", $"head={Head}", $"timeline={Timeline}", $"access={Access}");

    public static Checkpoint? Parse(string body)
    {
        var parts = body.Split('\t');
        if (parts.Length != 6) return null;
        var values = parts.Skip(1).Select(p => p.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1]);
        if (!DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)) return null;
        return values.TryGetValue("head", out var head)
            && Long(values, "count") is { } count && Long(values, "last") is { } last
            && Long(values, "timeline") is { } timeline && Long(values, "access") is { } access
            ? new Checkpoint(at, count, last, head, timeline, access) : null;
    }

    private static long? Long(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var s) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>China time for messages.</summary>
    public string LocalTime => Domain.Calendar.ChinaTime.ToChina(At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>
/// The append-only checkpoint file next to the key. A checkpoint taken before tampering pins the chain's length
/// and head, so cutting off its tail (with the rows those entries sealed) or re-signing it shows at verify time.
/// Each line carries an HMAC, so the file cannot be edited without the key either.
/// </summary>
public sealed class AuditCheckpoints(MinshengDb db, AuditKey key, TimeProvider clock)
{
    /// <summary>Appends a checkpoint of the chain as it stands, unless the last one already says the same.</summary>
    public async Task<Checkpoint?> WriteAsync(CancellationToken ct = default)
    {
        var head = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Id).Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
        if (head is null) return null;
        // Counted up to the head read above, so concurrent appends cannot make count and head disagree.
        var count = await db.AuditLog.LongCountAsync(a => a.Id <= head.Id, ct);
        var checkpoint = new Checkpoint(clock.GetUtcNow(), count, head.Id, head.Hash,
            await db.Timeline.LongCountAsync(ct), await db.AccessLog.LongCountAsync(ct));
        var (previous, _) = Read();
        if (previous.Count > 0 && previous[^1].Checkpoint is { } last && last.Count == count && last.Head == head.Hash) return last;
        Directory.CreateDirectory(Path.GetDirectoryName(key.CheckpointPath)!);
        await using var stream = AuditKey.OwnerOnly(key.CheckpointPath, FileMode.Append);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync($"{checkpoint.Body}\tmac={key.Mac(checkpoint.Body)}\n");
        await writer.FlushAsync(ct);
        stream.Flush(flushToDisk: true);
        return checkpoint;
    }

    public sealed record Line(int Number, Checkpoint? Checkpoint);

    /// <summary>Every line in order; a line whose MAC or format is wrong comes back without a checkpoint, and the reason.</summary>
    public (List<Line> Lines, string? Problem) Read()
    {
        var lines = new List<Line>();
        if (!File.Exists(key.CheckpointPath)) return (lines, null);
        var number = 0;
        foreach (var raw in File.ReadLines(key.CheckpointPath))
        {
            number++;
            if (raw.Length == 0) continue;
            var cut = raw.LastIndexOf("\tmac=", StringComparison.Ordinal);
            var body = cut < 0 ? raw : raw[..cut];
            var checkpoint = cut < 0 || raw[(cut + 5)..] != key.Mac(body) ? null : Checkpoint.Parse(body);
            if (checkpoint is null) return (lines, $"检查点文件 {key.CheckpointPath} 第 {number} 行校验失败（文件被改动）");
            lines.Add(new Line(number, checkpoint));
        }
        return (lines, null);
    }
}

/// <summary>
/// Writes a checkpoint every `Audit:CheckpointMinutes` (10 by default; 0 or less turns it off) in every instance, whether
/// or not the monitor runs there: the record's tamper evidence must not depend on which node runs deadlines.
/// </summary>
public sealed class AuditCheckpointService(IServiceScopeFactory scopes, IConfiguration config, IOptions<MonitorOptions> monitor, TimeProvider clock,
    ILogger<AuditCheckpointService> logger) : PeriodicPass(scopes, monitor, clock, logger)
{
    public const string IntervalSetting = "Audit:CheckpointMinutes";

    protected override TimeSpan? Interval => (config.GetValue<double?>(IntervalSetting) ?? 10) is var minutes && minutes > 0
        ? TimeSpan.FromMinutes(Math.Max(0.1, minutes)) : null;

    protected override string Name => "Audit checkpoint";

    protected override bool RunsAtStart => false;

    protected override bool FollowsMonitorSwitch => false;

    protected override Task RunOnceAsync(IServiceProvider services, ILogger log, CancellationToken ct) =>
        services.GetRequiredService<AuditCheckpoints>().WriteAsync(ct);
}
