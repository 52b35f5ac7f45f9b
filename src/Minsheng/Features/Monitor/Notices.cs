using Minsheng.Infrastructure;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.TimeLimits;

namespace Minsheng.Features.Monitor;

/// <summary>The wording of the monitor's notices.</summary>
public static class Notices
{
    /// <param name="title">The appeal's title as the notice's audience may read it (Features/Appeals/AppealText).</param>
    public static Notification For(Escalation escalation, Appeal appeal, string title, Stage stage, DateTimeOffset due, TimeLimitRules rules, DateTimeOffset now)
    {
        var label = Labels.Stage(stage);
        var when = Domain.Calendar.ChinaTime.ToChina(due).ToString("yyyy-MM-dd HH:mm");
        var key = DeadlineWatch.Key(escalation, appeal.Id, stage, due);
        return escalation switch
        {
            Escalation.Reminder => new Notification(key, NotificationKind.DeadlineReminder, Audience.Unit, appeal.LeadUnitId, appeal.Id, stage,
                $"临期提醒：{appeal.Number}", $"诉求“{title}”的{label}期限为 {when}，请抓紧办理。", due, now),
            Escalation.Notice => new Notification(key, NotificationKind.ReminderNotice, Audience.Unit, appeal.LeadUnitId, appeal.Id, stage,
                $"催办单：{appeal.Number}", $"诉求“{title}”已超过{label}期限（{when}），请立即办理并反馈办理情况。", due, now),
            _ => new Notification(key, NotificationKind.SupervisionOrder, Audience.Supervisors, appeal.LeadUnitId, appeal.Id, stage,
                $"督办单：{appeal.Number}", $"诉求“{title}”{label}期限为 {when}，逾期已超过 {rules.SupervisionAfterWorkingDays} 个工作日，转督查督办，并已生成问责线索。", due, now),
        };
    }
}
