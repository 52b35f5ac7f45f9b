using Minsheng.Domain.Accountability;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.TimeLimits;

namespace Minsheng.Infrastructure;

/// <summary>Accountability, supervision and the inbox: 问责线索, 督办, 消息 and the deadline stages they name.</summary>
public static partial class Labels
{
    public static string LeadStatus(LeadStatus s) => s switch
    {
        Domain.Accountability.LeadStatus.Open => "待处理",
        Domain.Accountability.LeadStatus.Confirmed => "已认定",
        Domain.Accountability.LeadStatus.Dismissed => "不予采纳",
        Domain.Accountability.LeadStatus.PublicationRequested => "待批准曝光",
        _ => "已曝光",
    };

    public static string LeadRule(LeadRule r) => r switch
    {
        Domain.Accountability.LeadRule.Overdue => "超期未办",
        Domain.Accountability.LeadRule.Bounced => "推诿扯皮",
        Domain.Accountability.LeadRule.RepeatComplaint => "重复投诉",
        _ => "重办后仍不满意",
    };

    /// <summary>Empty for a lead not yet confirmed (no measure).</summary>
    public static string Measure(AccountabilityMeasure? m) => m switch
    {
        AccountabilityMeasure.Talk => "约谈",
        AccountabilityMeasure.PublicCriticism => "通报批评",
        AccountabilityMeasure.Accountability => "问责",
        _ => "",
    };

    public static string SupervisionKind(SupervisionKind k) => k == Domain.Accountability.SupervisionKind.AssignmentLetter ? "交办函" : "督办单";

    public static string NotificationKind(NotificationKind k) => k switch
    {
        Domain.Notifications.NotificationKind.DeadlineReminder => "临期提醒",
        Domain.Notifications.NotificationKind.ReminderNotice => "催办单",
        Domain.Notifications.NotificationKind.SupervisionOrder => "督办单",
        Domain.Notifications.NotificationKind.ManualSupervision => "督办交办",
        Domain.Notifications.NotificationKind.LoginAttack => "登录异常",
        Domain.Notifications.NotificationKind.HighLevelDigest => "高位办日报",
        Domain.Notifications.NotificationKind.MonthlyPriority => "每月一题",
        Domain.Notifications.NotificationKind.ProactiveReminder => "未诉先办提醒",
        Domain.Notifications.NotificationKind.ReportIssued => "报告签发",
        _ when BulletinNotice(k) is { } label => label,
        _ when AssessmentNotice(k) is { } label => label,
        _ => "通知",
    };

    /// <summary>A deadline stage: the clock each time limit runs against.</summary>
    public static string Stage(Stage s) => s switch
    {
        Domain.TimeLimits.Stage.SignFor => "签收",
        Domain.TimeLimits.Stage.FirstContact => "首次联系群众",
        Domain.TimeLimits.Stage.Reply => "答复",
        _ => "办结",
    };

    /// <summary>A stage as a notice stores it (its enum name); empty when there is none.</summary>
    public static string Stage(string? stage) => Enum.TryParse<Stage>(stage, out var s) ? Stage(s) : "";
}
