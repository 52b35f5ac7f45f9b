using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Organization;
using Minsheng.Domain.Priorities;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.Priorities;

/// <summary>
/// 未诉先办: analysts schedule seasonal work; leaders, supervisors and the lead unit read it; the reminder pass tells the lead
/// unit before each season, once a year. Each plan shows last year's appeals on it month by month, the evidence that the
/// problem is seasonal.
/// </summary>
public sealed class ProactivePlans(MinshengDb db, CurrentUser me, UnitTree units, AuditedCommit commit, TopicVolumeQuery volume, TimeProvider clock)
{
    public async Task<IReadOnlyList<ProactiveView>> ListAsync(CancellationToken ct)
    {
        var rows = await Visible().AsNoTracking().OrderBy(p => p.SeasonMonth).ThenBy(p => p.SeasonDay).Take(200).ToListAsync(ct);
        var list = new List<ProactiveView>();
        foreach (var p in rows) list.Add(await ViewAsync(p, ct));
        return list;
    }

    public Task<ProactiveView> CreateAsync(ProactiveRequest body, CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            if (me.Role != Role.Analyst) throw new ForbiddenException("只有民意分析员可以安排未诉先办事项。");
            var errors = new FieldErrors();
            if (body.LeadUnitId is not { } lead || units.Find(lead) is null) errors.Add("leadUnitId", "请选择牵头单位。");
            else if (!me.InJurisdiction(lead)) errors.Add("leadUnitId", "牵头单位不在本辖区内。");
            var plan = FieldCheck.Collect(errors, () => new ProactivePlan(me.JurisdictionId, body.Title ?? "", body.Measures ?? "",
                [body.KeyPhrases ?? ""], body.LeadUnitId ?? 0, body.SeasonMonth, body.SeasonDay, body.RemindDaysBefore, me.DisplayName, clock.GetUtcNow()));
            db.Add(plan);
            await db.SaveChangesAsync(ct);
            notes.Record(AuditActions.ProactiveCreate, plan.Id.ToString(), $"{plan.Title} {plan.SeasonMonth}-{plan.SeasonDay}");
            return await ViewAsync(plan, ct);
        }, ct);

    public Task<ProactiveView?> SetActiveAsync(long id, bool active, CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            var plan = await Visible().FirstOrDefaultAsync(p => p.Id == id, ct);
            if (plan is null) return null;
            if (me.Role != Role.Analyst) throw new ForbiddenException("只有民意分析员可以启用或停用未诉先办事项。");
            plan.SetActive(active);
            await db.SaveChangesAsync(ct);
            notes.Record(AuditActions.ProactiveActivate, plan.Id.ToString(), active ? "启用" : "停用");
            return (ProactiveView?)await ViewAsync(plan, ct);
        }, ct);

    /// <summary>
    /// Sends every reminder due today (China time) to the plan's lead unit. The notice key names plan and season, so a pass
    /// that runs twice, or on two instances, still sends one. Returns how many were sent.
    /// </summary>
    public Task<int> RemindAsync(CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            var today = ChinaTime.DateOf(clock.GetUtcNow());
            var sent = 0;
            foreach (var plan in await db.Set<ProactivePlan>().Where(p => p.Active).ToListAsync(ct))
            {
                if (plan.ReminderDue(today) is not { } season) continue;
                var key = $"proactive:{plan.Id}:{season}";
                plan.MarkReminded(season);
                if (!await db.Notifications.AnyAsync(n => n.Key == key, ct))
                {
                    var start = plan.SeasonStart(season);
                    db.Notifications.Add(new Notification(key, NotificationKind.ProactiveReminder, Audience.Unit, plan.LeadUnitId, null, null,
                        $"未诉先办：{plan.Title}",
                        $"{start:M月d日}起进入该问题多发期，请提前落实：{plan.Measures}", ChinaTime.At(start, TimeOnly.MinValue), clock.GetUtcNow()));
                    sent++;
                }
                notes.Record(AuditActions.ProactiveRemind, plan.Id.ToString(), $"{season} 年 {plan.Title}");
            }
            await db.SaveChangesAsync(ct);
            return sent;
        }, ct);

    private IQueryable<ProactivePlan> Visible() => db.Set<ProactivePlan>().VisibleTo(me, units);

    private async Task<ProactiveView> ViewAsync(ProactivePlan p, CancellationToken ct)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var next = p.NextSeason(today);
        var current = PriorityMonth.Of(today);
        var lastYear = await volume.MonthlyAsync(p.JurisdictionId, p.Phrases, null, current.AddMonths(-12), current.AddMonths(-1), ct);
        return new ProactiveView(p.Id, p.Title, p.Measures, p.Phrases, units.NameOf(p.LeadUnitId), units.NameOf(p.JurisdictionId), p.SeasonMonth,
            p.SeasonDay, p.RemindDaysBefore, next, next.AddDays(-p.RemindDaysBefore), p.Active, p.LastRemindedYear,
            lastYear.Select(m => new MonthVolume(m.Month.ToString(), m.Appeals)).ToList());
    }
}
