using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minsheng.Data;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.TimeLimits;
using Minsheng.Domain.Organization;
using Minsheng.Domain.Privacy;
using Minsheng.Features.Appeals;
using Minsheng.Features.TimeLimits;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Monitor;

/// <summary>
/// One pass of the deadline monitor. It claims the appeals whose next check is due (row locks with
/// SKIP LOCKED on PostgreSQL, so several instances split the work; SQLite has one writer), records
/// every escalation reached, and stores each appeal's next check. Then the lead rules run.
/// </summary>
public sealed class MonitorPass(MinshengDb db, TimeLimitCache timeLimits, SqlWriter writer, LeadRules leadRules,
    IOptions<MonitorOptions> options, TimeProvider clock, ILogger<MonitorPass> logger, AppealText appealText, UnitTree units,
    Instructions.InstructionMonitor instructions)
{
    /// <summary>
    /// The title as a notice's audience may read it: the lead unit gets personal data removed when the appeal is about
    /// it, everyone else masked. Notices are stored and sent on (webhook to SMS), so they are masked when written.
    /// </summary>
    private string TitleFor(Appeal appeal, Escalation escalation)
    {
        var exposure = escalation != Escalation.Supervision && appeal.LeadUnitId is { } lead
            && !Confidentiality.MaySeeComplainant(appeal.Type, appeal.SubjectUnitId, Role.UnitHandler, lead, units.IsWithin)
            ? TextExposure.Removed : TextExposure.Masked;
        return appealText.Show(appeal.Title, exposure, appeal.CitizenName);
    }

    public async Task<MonitorReport> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var schedule = timeLimits.Schedule;
        int checkedCount = 0, created = 0, leads = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var batch = await ClaimAsync(now, ct);
            if (batch.Count == 0) break;
            var (notices, overdueLeads) = await EscalateAsync(batch, now, schedule, ct);
            created += await writer.AddAsync(notices, ct);
            leads += await writer.AddAsync(overdueLeads, ct);
            foreach (var appeal in batch) appeal.Checked(now, schedule);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            checkedCount += batch.Count;
        }
        var (digests, ruleLeads) = (await DigestAsync(now, schedule, ct), await leadRules.RaiseAsync(now, ct));
        digests += await instructions.RunAsync(now, ct); // 交办 tasks of leaders' instructions (Features/Instructions)
        if (created + leads + ruleLeads + digests > 0)
            logger.LogInformation("Monitor: {Appeals} appeals checked, {Notices} notices, {Leads} leads", checkedCount, created + digests, leads + ruleLeads);
        return new MonitorReport(checkedCount, created + digests, leads + ruleLeads);
    }

    private Task<List<Appeal>> ClaimAsync(DateTimeOffset now, CancellationToken ct)
    {
        var limit = options.Value.BatchSize;
        // Terminal appeals have no next check (the domain clears it), so the index range holds only live work.
        return db.IsSqlite
            ? db.Appeals.FromSql($"select * from appeals where next_check_at <= {now.ToUnixTimeMilliseconds()} order by next_check_at limit {limit}").ToListAsync(ct)
            : db.Appeals.FromSql($"select * from appeals where next_check_at <= {now.ToUniversalTime()} order by next_check_at limit {limit} for update skip locked").ToListAsync(ct);
    }

    private async Task<(List<Notification> Notices, List<AccountabilityLead> Leads)> EscalateAsync(
        List<Appeal> batch, DateTimeOffset now, DeadlineSchedule schedule, CancellationToken ct)
    {
        var notices = new List<Notification>();
        var overdue = new List<(Appeal Appeal, Stage Stage, DateTimeOffset Due)>();
        foreach (var appeal in batch)
            foreach (var stage in DeadlineWatch.Stages)
            {
                if (appeal.Due(stage) is not { } due || appeal.Done(stage) is not null) continue;
                foreach (var escalation in DeadlineWatch.Reached(due, now, schedule.Time, schedule.Rules))
                {
                    notices.Add(Notices.For(escalation, appeal, TitleFor(appeal, escalation), stage, due, schedule.Rules, now));
                    if (escalation == Escalation.Supervision) overdue.Add((appeal, stage, due));
                }
            }
        if (overdue.Count == 0) return (notices, []);
        // Evidence of an overdue lead: the dispatch that started the clock.
        var ids = overdue.Select(o => o.Appeal.Id).Distinct().ToArray();
        var dispatches = (await db.Timeline.Where(t => ids.Contains(t.AppealId) && t.Action == AppealAction.Dispatch)
            .Select(t => new { t.AppealId, t.Id }).ToListAsync(ct)).ToLookup(t => t.AppealId, t => t.Id);
        var leads = overdue.Select(o => new AccountabilityLead($"overdue:{o.Appeal.Id}:{o.Stage}:{o.Due.ToUnixTimeSeconds()}".ToLowerInvariant(),
            LeadRule.Overdue, o.Appeal.Id, o.Appeal.LeadUnitId,
            $"{o.Appeal.Number} {Labels.Stage(o.Stage)}超期 {schedule.Rules.SupervisionAfterWorkingDays} 个工作日以上",
            [o.Appeal.Id], dispatches[o.Appeal.Id], now)).ToList();
        return (notices, leads);
    }

    /// <summary>高位办日报: once per working day, the open high-level appeals for the leaders.</summary>
    private async Task<int> DigestAsync(DateTimeOffset now, DeadlineSchedule schedule, CancellationToken ct)
    {
        var calendar = timeLimits.Current.Calendar;
        var today = Domain.Calendar.ChinaTime.DateOf(now);
        if (!calendar.IsWorkingDay(today) || now < Domain.Calendar.ChinaTime.At(today, calendar.Hours.Periods[0].Start)) return 0;
        var open = await db.Appeals.AsNoTracking()
            .Where(a => a.Tier == Tier.HighLevel && AppealStatuses.Open.Contains(a.Status))
            .OrderBy(a => a.CreatedAt).Select(a => new { a.Number, a.Title, a.CitizenName, a.JurisdictionId }).ToListAsync(ct);
        if (open.Count == 0) return 0;
        // One digest per county or city, addressed to it: a county's leaders never read the next county's cases.
        var digests = open.GroupBy(a => a.JurisdictionId).Select(g =>
        {
            var body = $"今日在办高位办诉求 {g.Count()} 件：" + string.Join("；", g.Take(20).Select(a => $"{a.Number} {appealText.Show(a.Title, TextExposure.Masked, a.CitizenName)}")) + (g.Count() > 20 ? "……" : "。");
            return new Notification($"digest:{today:yyyy-MM-dd}:{g.Key}", NotificationKind.HighLevelDigest, Audience.Leaders, g.Key, null, null,
                $"高位办日报（{today:yyyy年M月d日}）", body, null, now);
        }).ToList();
        return await writer.AddAsync(digests, ct);
    }
}
