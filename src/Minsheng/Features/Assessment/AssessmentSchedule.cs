using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minsheng.Data;
using Minsheng.Domain.Assessment;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Priorities;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Assessment;

public sealed class AssessmentOptions
{
    /// <summary>Whether this instance runs the monthly job (also off when Monitor:Enabled is false, as in tests).</summary>
    public bool ScheduleEnabled { get; set; } = true;
    public int ScheduleMinutes { get; set; } = 60;
}

/// <summary>
/// The monthly job, an hourly idempotent pass: from the 1st (China time) it drafts last month's assessment for every
/// jurisdiction and opens the contest window (the units are notified); it closes windows that have passed. The unique
/// (jurisdiction, month) index makes a second pass, or a second instance, a no-op.
/// </summary>
public sealed class AssessmentSchedule(MinshengDb db, UnitTree units, AssessmentDesk desk, CurrentUser me, TimeProvider clock, ILogger<AssessmentSchedule> logger)
{
    public static string DueMonth(DateTimeOffset now) => PriorityMonth.Of(ChinaTime.DateOf(now)).AddMonths(-1).ToString();

    /// <summary>Drafts the due month where missing and closes expired windows; returns how many months it drafted.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        me.ActAs(AuditLog.SystemActor);
        var month = DueMonth(clock.GetUtcNow());
        var drafted = 0;
        foreach (var j in units.Jurisdictions())
        {
            if (await db.Set<AssessmentPeriod>().AnyAsync(p => p.JurisdictionId == j.Id && p.Month == month, ct)) continue;
            try
            {
                await desk.DraftAsync(j.Id, month, open: true, ct);
                drafted++;
            }
            catch (DbUpdateException)
            {
                // Another instance drafted it first: fine. Anything else is a real failure.
                db.ChangeTracker.Clear();
                if (!await db.Set<AssessmentPeriod>().AsNoTracking().AnyAsync(p => p.JurisdictionId == j.Id && p.Month == month, ct)) throw;
            }
        }
        var closed = await desk.CloseExpiredAsync(ct);
        if (drafted + closed > 0) logger.LogInformation("Assessment {Month}: {Drafted} drafted, {Closed} windows closed", month, drafted, closed);
        return drafted;
    }
}

/// <summary>Runs <see cref="AssessmentSchedule"/> every Assessment:ScheduleMinutes (drafting and closing windows are idempotent).</summary>
public sealed class AssessmentService(IServiceScopeFactory scopes, IOptions<AssessmentOptions> options,
    IOptions<Monitor.MonitorOptions> monitor, TimeProvider clock, ILogger<AssessmentService> logger) : PeriodicPass(scopes, monitor, clock, logger)
{
    protected override TimeSpan? Interval => options.Value.ScheduleEnabled ? TimeSpan.FromMinutes(Math.Max(1, options.Value.ScheduleMinutes)) : null;

    protected override string Name => "Assessment pass";

    protected override Task RunOnceAsync(IServiceProvider services, ILogger logger, CancellationToken ct) =>
        services.GetRequiredService<AssessmentSchedule>().RunAsync(ct);
}
