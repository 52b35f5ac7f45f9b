using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Instructions;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.TimeLimits;
using Minsheng.Features.Monitor;
using Minsheng.Features.TimeLimits;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Instructions;

/// <summary>
/// The deadline monitor's rule for 交办 tasks, run once per monitor pass: 临期提醒 and 催办单 to the lead unit, 督办 to
/// the supervisors (and so the leaders) of the jurisdiction, and on a plan's review date a notice to the leaders and the
/// unit. Every notice's key names the task and its round (or review date) and is inserted with ON CONFLICT DO NOTHING,
/// so each goes out once however many passes or instances see it.
/// </summary>
public sealed class InstructionMonitor(MinshengDb db, SqlWriter writer, TimeLimitCache timeLimits, UnitTree units)
{
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        var schedule = timeLimits.Schedule;
        var today = ChinaTime.DateOf(now);
        var open = await db.Set<Instruction>().AsNoTracking()
            .Where(i => i.Status == InstructionStatus.Assigned || (i.Status == InstructionStatus.Planned && i.ReviewOn <= today))
            .ToListAsync(ct);
        var notices = new List<Notification>();
        foreach (var task in open)
        {
            if (InstructionWorkflow.DueForReview(task.Status, task.ReviewOn, today))
            {
                var key = InstructionDeadlines.ReviewKey(task.Id, task.ReviewOn!.Value);
                var body = $"纳入工作计划的批示事项“{task.TargetTitle}”今日到期复查。工作计划：{task.PlanText}。请审阅：/instructions/{task.Id}";
                notices.Add(new Notification(key, NotificationKind.InstructionReview, Audience.Leaders, task.JurisdictionId, null, null, "工作计划复查：批示交办事项", body, null, now));
                notices.Add(new Notification(key + ":unit", NotificationKind.InstructionReview, Audience.Unit, task.LeadUnitId, null, null, "工作计划复查：批示交办事项", body, null, now));
                continue;
            }
            foreach (var escalation in InstructionDeadlines.Reached(task.Status, task.DueAt, now, schedule.Time, schedule.Rules))
                notices.Add(Notice(task, escalation, schedule.Rules, now));
        }
        return notices.Count == 0 ? 0 : await writer.AddAsync(notices, ct);
    }

    private Notification Notice(Instruction task, Escalation escalation, TimeLimitRules rules, DateTimeOffset now)
    {
        var key = InstructionDeadlines.Key(escalation, task.Id, task.Round);
        var when = ChinaTime.ToChina(task.DueAt).ToString("yyyy-MM-dd HH:mm");
        var what = $"{task.LeaderName}批示交办的“{task.TargetTitle}”";
        return escalation switch
        {
            Escalation.Reminder => new Notification(key, NotificationKind.DeadlineReminder, Audience.Unit, task.LeadUnitId, null, null,
                "临期提醒：领导批示交办事项", $"{what}办理期限为 {when}，请抓紧办理并报告办理情况：/instructions/{task.Id}", task.DueAt, now),
            Escalation.Notice => new Notification(key, NotificationKind.ReminderNotice, Audience.Unit, task.LeadUnitId, null, null,
                "催办单：领导批示交办事项", $"{what}已超过办理期限（{when}），请立即办理并报告：/instructions/{task.Id}", task.DueAt, now),
            _ => new Notification(key, NotificationKind.SupervisionOrder, Audience.Supervisors, task.LeadUnitId, null, null,
                "督办单：领导批示交办事项", $"{what}（主办：{units.NameOf(task.LeadUnitId)}）逾期已超过 {rules.SupervisionAfterWorkingDays} 个工作日，转督查督办：/instructions/{task.Id}", task.DueAt, now),
        };
    }
}
