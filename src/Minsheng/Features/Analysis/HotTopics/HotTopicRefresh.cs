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
}

/// <summary>
/// The incremental pass: every jurisdiction × period whose source changed since its last run (an appeal registered or
/// changed, a supporter added: <see cref="TopicSource.ChangedSinceAsync"/>), or whose last run was on an earlier China day
/// (the period has moved on), is recomputed; the rest are left alone. Each recomputation is its own audited commit.
/// </summary>
public sealed class HotTopicRefresh(MinshengDb db, HotTopicComputer computer, TopicSource source, AuditedCommit commit, CurrentUser me,
    UnitTree units, TimeProvider clock)
{
    public sealed record PassResult(int Recomputed, int Skipped);

    public async Task<PassResult> RunAsync(CancellationToken ct)
    {
        me.ActAs(AuditLog.SystemActor);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var runs = await db.Set<HotTopicRun>().AsNoTracking().ToListAsync(ct);
        var (recomputed, skipped) = (0, 0);
        foreach (var j in units.Jurisdictions())
        {
            foreach (var days in TopicPeriod.Lengths)
            {
                var run = runs.FirstOrDefault(r => r.JurisdictionId == j.Id && r.Days == days);
                if (run is not null && ChinaTime.DateOf(run.ComputedAt) == today && !await source.ChangedSinceAsync(j.Id, run.SourceMark, ct))
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

/// <summary>Runs <see cref="HotTopicRefresh"/> at start and every HotTopics:IntervalMinutes.</summary>
public sealed class HotTopicRefreshService(IServiceScopeFactory scopes, IOptions<HotTopicSettings> options, IOptions<Monitor.MonitorOptions> monitor, TimeProvider clock,
    ILogger<HotTopicRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off with the monitor too: tests turn background work off that way and run passes themselves.
        if (!options.Value.Enabled || !monitor.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(0.5, options.Value.IntervalMinutes)), clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var result = await scope.ServiceProvider.GetRequiredService<HotTopicRefresh>().RunAsync(stoppingToken);
                if (result.Recomputed > 0) logger.LogInformation("Hot topics: {Recomputed} recomputed, {Skipped} unchanged", result.Recomputed, result.Skipped);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The stored topics stay as they were; the next tick tries again.
                logger.LogError(e, "Hot topic refresh failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
