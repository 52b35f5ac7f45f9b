using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minsheng.Data;
using Minsheng.Domain.Calendar;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.HotTopics;

public sealed class HotTopicSettings
{
    public bool Enabled { get; set; } = true;
    public double IntervalMinutes { get; set; } = 10;

    /// <summary>
    /// The shortest time between two recomputations of a period longer than a week when only new or changed appeals
    /// call for it (a new China day always does). Clustering a city's 90 days reads every appeal of the quarter; new
    /// appeals move those topics little, so they follow hourly-ish while the 7-day period follows every pass.
    /// </summary>
    public double LongPeriodMinutes { get; set; } = 120;
}

/// <summary>
/// The incremental pass: every jurisdiction × period whose source changed since its last run (an appeal registered or
/// changed, a supporter added: <see cref="TopicSource.ChangedSinceAsync"/>), or whose last run was on an earlier China day
/// (the period has moved on), is recomputed; the rest are left alone. Periods longer than a week wait at least
/// <see cref="HotTopicSettings.LongPeriodMinutes"/> after their last run before changes recompute them. Each
/// recomputation is its own audited commit.
/// </summary>
public sealed class HotTopicRefresh(MinshengDb db, HotTopicComputer computer, TopicSource source, AuditedCommit commit, CurrentUser me,
    UnitTree units, TimeProvider clock, IOptions<HotTopicSettings> settings)
{
    public sealed record PassResult(int Recomputed, int Skipped);

    public async Task<PassResult> RunAsync(CancellationToken ct)
    {
        me.ActAs(AuditLog.SystemActor);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var longWait = TimeSpan.FromMinutes(Math.Max(0, settings.Value.LongPeriodMinutes));
        var runs = await db.Set<HotTopicRun>().AsNoTracking().ToListAsync(ct);
        var (recomputed, skipped) = (0, 0);
        foreach (var j in units.Jurisdictions())
        {
            foreach (var days in TopicPeriod.Lengths)
            {
                var run = runs.FirstOrDefault(r => r.JurisdictionId == j.Id && r.Days == days);
                if (run is not null && ChinaTime.DateOf(run.ComputedAt) == today
                    && ((days > 7 && now - run.ComputedAt < longWait) || !await source.ChangedSinceAsync(j.Id, run.SourceMark, ct)))
                {
                    skipped++;
                    continue;
                }
                await commit.RunAsync(notes => computer.RecomputeAsync(j.Id, days, notes, ct), ct);
                recomputed++;
            }
        }
        return new PassResult(recomputed, skipped);
    }
}

/// <summary>Runs <see cref="HotTopicRefresh"/> at start and every HotTopics:IntervalMinutes; on failure the stored topics stay as they were.</summary>
public sealed class HotTopicRefreshService(IServiceScopeFactory scopes, IOptions<HotTopicSettings> options, IOptions<Monitor.MonitorOptions> monitor, TimeProvider clock,
    ILogger<HotTopicRefreshService> logger) : PeriodicPass(scopes, monitor, clock, logger)
{
    protected override TimeSpan? Interval => options.Value.Enabled ? TimeSpan.FromMinutes(Math.Max(0.5, options.Value.IntervalMinutes)) : null;

    protected override string Name => "Hot topic refresh";

    protected override async Task RunOnceAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var result = await services.GetRequiredService<HotTopicRefresh>().RunAsync(ct);
        if (result.Recomputed > 0) logger.LogInformation("Hot topics: {Recomputed} recomputed, {Skipped} unchanged", result.Recomputed, result.Skipped);
    }
}
