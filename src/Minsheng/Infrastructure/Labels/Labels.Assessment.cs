using Minsheng.Domain.Assessment;
using Minsheng.Domain.Notifications;

namespace Minsheng.Infrastructure;

public static partial class Labels
{
    public static string AssessedMetric(Metric m) => m switch
    {
        Domain.Assessment.Metric.Response => "响应率",
        Domain.Assessment.Metric.Resolution => "解决率",
        Domain.Assessment.Metric.Satisfaction => "满意率",
        Domain.Assessment.Metric.OnTimeReply => "按时答复率",
        Domain.Assessment.Metric.OnTimeClose => "按时办结率",
        Domain.Assessment.Metric.ReturnRate => "退单率",
        Domain.Assessment.Metric.WrongfulReturn => "错退率",
        Domain.Assessment.Metric.RedoRate => "重办率",
        Domain.Assessment.Metric.CoUnitOnTime => "协办按时率",
        _ => m.ToString(),
    };

    /// <summary>Why an appeal behind a rate cost the unit points, as the unit reads it on its sheet.</summary>
    public static string MetricMiss(Metric m) => m switch
    {
        Domain.Assessment.Metric.Response => "未按时签收或联系群众",
        Domain.Assessment.Metric.Resolution => "回访未解决",
        Domain.Assessment.Metric.Satisfaction => "回访不满意",
        Domain.Assessment.Metric.OnTimeReply => "未按时答复",
        Domain.Assessment.Metric.OnTimeClose => "未按时办结",
        Domain.Assessment.Metric.ReturnRate => "退单",
        Domain.Assessment.Metric.WrongfulReturn => "退单被驳回（错退）",
        Domain.Assessment.Metric.RedoRate => "重办",
        Domain.Assessment.Metric.CoUnitOnTime => "协办未按时",
        _ => m.ToString(),
    };

    public static string ItemKind(ItemKind k) => k switch
    {
        Domain.Assessment.ItemKind.MetricMiss => "指标扣分",
        Domain.Assessment.ItemKind.SupervisionOrder => "督办扣分",
        Domain.Assessment.ItemKind.ConfirmedLead => "问责扣分",
        Domain.Assessment.ItemKind.Praise => "表扬加分",
        Domain.Assessment.ItemKind.Priority => "每月一题加分",
        _ => k.ToString(),
    };

    public static string PeriodStatus(PeriodStatus s) => AssessmentPeriod.StatusLabel(s);

    public static string ScoreAppealStatus(ScoreAppealStatus s) => s switch
    {
        Domain.Assessment.ScoreAppealStatus.Pending => "待审核",
        Domain.Assessment.ScoreAppealStatus.Upheld => "申诉成立",
        Domain.Assessment.ScoreAppealStatus.Rejected => "不予支持",
        _ => s.ToString(),
    };

    public static string ExemptReason(ExemptReason r) => r == Domain.Assessment.ExemptReason.UpheldAppeal ? "申诉成立，已核减" : "不可抗力，已免除";

    private static string? AssessmentNotice(NotificationKind k) => k switch
    {
        Domain.Notifications.NotificationKind.AssessmentDraft => "考核草稿",
        Domain.Notifications.NotificationKind.ScoreAppealFiled => "考核申诉",
        Domain.Notifications.NotificationKind.ScoreAppealRuled => "申诉审核结果",
        _ => null,
    };
}
