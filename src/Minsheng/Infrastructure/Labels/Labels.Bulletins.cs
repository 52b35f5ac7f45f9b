using Minsheng.Domain.Instructions;
using Minsheng.Domain.Notifications;

namespace Minsheng.Infrastructure;

/// <summary>Labels of 《民意参考》 and of leaders' instructions (批示 → 交办).</summary>
public static partial class Labels
{
    public static string BulletinStatus(BulletinStatus s) => s switch
    {
        Domain.Instructions.BulletinStatus.Draft => "草稿",
        Domain.Instructions.BulletinStatus.Reviewed => "已审核",
        _ => "已签发",
    };

    public static string InstructionStatus(InstructionStatus s) => s switch
    {
        Domain.Instructions.InstructionStatus.Assigned => "交办中",
        Domain.Instructions.InstructionStatus.Reported => "已报告待审阅",
        Domain.Instructions.InstructionStatus.Planned => "纳入工作计划",
        _ => "已闭环",
    };

    public static string InstructionTarget(InstructionTargetKind k) => k switch
    {
        InstructionTargetKind.BulletinItem => "《民意参考》条目",
        InstructionTargetKind.Appeal => "诉求",
        InstructionTargetKind.Report => "分析报告",
        _ => "热点问题",
    };

    public static string ReportOutcome(ReportOutcome o) => o == Domain.Instructions.ReportOutcome.Plan ? "建议纳入工作计划" : "已办理完毕";

    /// <summary>The inbox labels of the notices this area sends; null for the others.</summary>
    public static string? BulletinNotice(NotificationKind k) => k switch
    {
        Domain.Notifications.NotificationKind.BulletinIssued => "民意参考",
        Domain.Notifications.NotificationKind.InstructionAssigned => "批示交办",
        Domain.Notifications.NotificationKind.InstructionReported => "办理情况报告",
        Domain.Notifications.NotificationKind.InstructionReview => "工作计划复查",
        _ => null,
    };

    /// <summary>A step of a 交办 task's history, by its stored key.</summary>
    public static string InstructionEvent(string kind) => kind switch
    {
        "assign" => "批示交办",
        "report" => "报告办理情况",
        "accept" => "领导审阅同意",
        "plan" => "纳入工作计划",
        "return" => "退回重办",
        _ => kind,
    };
}
