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

    /// <summary>
    /// Reminders and 催办单 per stage deadline, to the lead unit. Past the supervision threshold, one 督办单 and one
    /// overdue lead per appeal per round (a round is one dispatch: a redo or a re-dispatch starts the next), naming
    /// every stage late by then, however many stages cross the threshold and in whichever passes. An appeal waiting on
    /// the desk (已答复待回访, 复核中, 待派单) is not escalated to the unit: that time is the desk's (see Statistics/Overdue).
    /// Older data keyed its orders and leads per stage; any of them raised in the current round counts as the round's,
    /// so those keys stay harmless and no second one is added.
    /// </summary>
    private async Task<(List<Notification> Notices, List<AccountabilityLead> Leads)> EscalateAsync(
        List<Appeal> batch, DateTimeOffset now, DeadlineSchedule schedule, CancellationToken ct)
    {
        var notices = new List<Notification>();
        var overdue = new List<(Appeal Appeal, List<(Stage Stage, DateTimeOffset Due)> Stages)>();
        foreach (var appeal in batch)
        {
            if (Statistics.Overdue.DeskHeld.Contains(appeal.Status)) continue;
            var late = new List<(Stage, DateTimeOffset)>();
            foreach (var stage in DeadlineWatch.Stages)
            {
                if (appeal.Due(stage) is not { } due || appeal.Done(stage) is not null) continue;
                foreach (var escalation in DeadlineWatch.Reached(due, now, schedule.Time, schedule.Rules))
                    if (escalation == Escalation.Supervision) late.Add((stage, due));
                    else notices.Add(Notices.For(escalation, appeal, TitleFor(appeal, escalation), stage, due, schedule.Rules, now));
            }
            if (late.Count > 0) overdue.Add((appeal, late));
        }
        if (overdue.Count == 0) return (notices, []);
        var ids = overdue.Select(o => o.Appeal.Id).ToArray();
        var leadsRaised = (await db.Leads.AsNoTracking().Where(l => ids.Contains(l.AppealId) && l.Rule == LeadRule.Overdue)
            .Select(l => new { l.AppealId, l.CreatedAt }).ToListAsync(ct)).ToLookup(l => l.AppealId, l => l.CreatedAt);
        var ordersRaised = (await db.Notifications.AsNoTracking()
            .Where(n => n.AppealId != null && ids.Contains(n.AppealId.Value) && n.Kind == NotificationKind.SupervisionOrder)
            .Select(n => new { AppealId = n.AppealId!.Value, n.CreatedAt }).ToListAsync(ct)).ToLookup(n => n.AppealId, n => n.CreatedAt);
        // Evidence of an overdue lead: the dispatch that started the clock.
        var dispatches = (await db.Timeline.Where(t => ids.Contains(t.AppealId) && t.Action == AppealAction.Dispatch)
            .Select(t => new { t.AppealId, t.Id }).ToListAsync(ct)).ToLookup(t => t.AppealId, t => t.Id);
        var leads = new List<AccountabilityLead>();
        foreach (var (appeal, stages) in overdue)
        {
            var round = Notices.RoundStart(appeal);
            if (!ordersRaised[appeal.Id].Any(at => at >= round))
                notices.Add(Notices.Supervision(appeal, TitleFor(appeal, Escalation.Supervision), stages, schedule.Rules, now));
            if (leadsRaised[appeal.Id].Any(at => at >= round)) continue;
            leads.Add(new AccountabilityLead(Notices.RoundKey("overdue", appeal), LeadRule.Overdue, appeal.Id, appeal.LeadUnitId,
                $"{appeal.Number} {string.Join("、", stages.Select(s => Labels.Stage(s.Stage)))}超期 {schedule.Rules.SupervisionAfterWorkingDays} 个工作日以上",
                [appeal.Id], dispatches[appeal.Id], now));
        }
        return (notices, leads);
    }

    /// <summary>高位办日报: once per working day, the open high-level appeals for the leaders.</summary>
    private async Task<int> DigestAsync(DateTimeOffset now, DeadlineSchedule schedule, CancellationToken ct)
    {
        var calendar = timeLimits.Current.Calendar;
        var today = Domain.Calendar.ChinaTime.DateOf(now);
        if (!calendar.IsWorkingDay(today) || now < Domain.Calendar.ChinaTime.At(today, calendar.Hours.Periods[0].Start)) return 0;
        // Every pass of a working day asks this. The ids come from the (status, created_at) index, which carries the
        // tier (migration 023): asked for whole rows in created_at order, SQLite took its statistics' word that open
        // statuses are common and read the whole table each pass (100,000 appeals: most of a 2 s steady pass).
        var ids = await db.Appeals.Where(a => a.Tier == Tier.HighLevel && AppealStatuses.Open.Contains(a.Status)).Select(a => a.Id).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        var open = (await db.Appeals.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.CreatedAt, a.Number, a.Title, a.CitizenName, a.JurisdictionId }).ToListAsync(ct))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToList();
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
