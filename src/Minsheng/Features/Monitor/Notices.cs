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
            _ => Supervision(appeal, title, [(stage, due)], rules, now),
        };
    }

    /// <summary>
    /// The round an appeal's clocks belong to starts at its latest dispatch (a redo or a re-dispatch sets it anew);
    /// appeals from before dispatch times were kept fall back to their sign-for deadline.
    /// </summary>
    public static DateTimeOffset RoundStart(Appeal appeal) => appeal.DispatchedAt ?? appeal.SignForDue ?? appeal.CreatedAt;

    /// <summary>A key that makes something happen once per appeal per round.</summary>
    public static string RoundKey(string what, Appeal appeal) => $"{what}:{appeal.Id}:round:{RoundStart(appeal).ToUnixTimeSeconds()}";

    /// <summary>One 督办单 per appeal per round, naming every stage late past the supervision threshold.</summary>
    public static Notification Supervision(Appeal appeal, string title, IReadOnlyList<(Stage Stage, DateTimeOffset Due)> stages, TimeLimitRules rules, DateTimeOffset now)
    {
        var first = stages.MinBy(s => s.Due);
        var late = string.Join("；", stages.Select(s => $"{Labels.Stage(s.Stage)}期限为 {Domain.Calendar.ChinaTime.ToChina(s.Due):yyyy-MM-dd HH:mm}"));
        return new Notification(RoundKey("supervision", appeal), NotificationKind.SupervisionOrder, Audience.Supervisors, appeal.LeadUnitId, appeal.Id, first.Stage,
            $"督办单：{appeal.Number}", $"诉求“{title}”{late}，逾期已超过 {rules.SupervisionAfterWorkingDays} 个工作日，转督查督办，并已生成问责线索。", first.Due, now);
    }
}
