using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minsheng.Data;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.Reports;

public sealed class ReportOptions
{
    /// <summary>Whether this instance runs the Monday job (also off when Monitor:Enabled is false, as in tests).</summary>
    public bool ScheduleEnabled { get; set; } = true;
    public int ScheduleMinutes { get; set; } = 15;
}

/// <summary>
/// Every Monday from 08:00 China time: a weekly draft of the previous ISO week for every county and city. The week
/// due is the one before the week of (now − 8 h), so until 08:00 on Monday it is still the week before that, already
/// done. Idempotent: the report's unique schedule key makes a second pass, or a second instance, a no-op.
/// </summary>
public sealed class WeeklySchedule(MinshengDb db, UnitTree units, ReportDesk desk, CurrentUser me, TimeProvider clock, ILogger<WeeklySchedule> logger)
{
    public static readonly TimeOnly At = new(8, 0);

    public static string DueWeek(DateTimeOffset now)
    {
        var shifted = ChinaTime.ToChina(now) - At.ToTimeSpan();
        return IsoWeeks.Of(DateOnly.FromDateTime(shifted.DateTime).AddDays(-7));
    }

    /// <summary>Drafts the due week's missing reports; returns how many it wrote.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        me.ActAs(AuditLog.SystemActor);
        var week = DueWeek(clock.GetUtcNow());
        var period = IsoWeeks.Period(week);
        var written = 0;
        foreach (var j in units.Jurisdictions())
        {
            var key = Report.KeyOf(j.Id, week);
            if (await db.Set<Report>().AnyAsync(r => r.ScheduleKey == key, ct)) continue;
            try
            {
                await desk.DraftAsync(ReportKind.Weekly, j.Id, period, week, null, null, null, [], ct);
                written++;
            }
            catch (DbUpdateException)
            {
                // Another instance wrote it first: fine. Anything else is a real failure.
                db.ChangeTracker.Clear();
                if (!await db.Set<Report>().AsNoTracking().AnyAsync(r => r.ScheduleKey == key, ct)) throw;
            }
        }
        if (written > 0) logger.LogInformation("Weekly report drafts for {Week}: {Count}", week, written);
        return written;
    }
}

/// <summary>Runs <see cref="WeeklySchedule"/> every Reports:ScheduleMinutes (the drafting itself is idempotent per ISO week).</summary>
public sealed class WeeklyReportService(IServiceScopeFactory scopes, IOptions<ReportOptions> options,
    IOptions<Monitor.MonitorOptions> monitor, TimeProvider clock, ILogger<WeeklyReportService> logger) : PeriodicPass(scopes, monitor, clock, logger)
{
    protected override TimeSpan? Interval => options.Value.ScheduleEnabled ? TimeSpan.FromMinutes(Math.Max(1, options.Value.ScheduleMinutes)) : null;

    protected override string Name => "Weekly report pass";

    protected override Task RunOnceAsync(IServiceProvider services, ILogger logger, CancellationToken ct) =>
        services.GetRequiredService<WeeklySchedule>().RunAsync(ct);
}
