namespace Minsheng.Domain.TimeLimits;

/// <summary>
/// The rules around the limits that are settings, not per-stage policies (山东: extension up to 10
/// working days, a misrouted case returned within 2; 宣化: extension asked half a day before the deadline).
/// </summary>
public sealed record TimeLimitRules(
    int MaxExtensionDays = TimeLimitRules.DefaultMaxExtensionDays,
    int ExtensionRequestLeadHours = 4,
    int ReturnWithinWorkingDays = 2,
    int ReminderLeadWorkingHours = 4,
    int SupervisionAfterWorkingDays = 3,
    int BounceThreshold = 3,
    int RepeatThreshold = 3,
    int RepeatWindowDays = 30)
{
    /// <summary>The longest extension when no rule says otherwise; the domain has no other cap.</summary>
    public const int DefaultMaxExtensionDays = 10;

    public void Validate()
    {
        var errors = new FieldErrors();
        void Range(string field, int value, int min, int max, string label)
        {
            if (value < min || value > max) errors.Add(field, $"{label}应在 {min} 到 {max} 之间。");
        }
        Range("maxExtensionDays", MaxExtensionDays, 1, 30, "最长延期天数");
        Range("extensionRequestLeadHours", ExtensionRequestLeadHours, 0, 40, "延期申请提前小时数");
        Range("returnWithinWorkingDays", ReturnWithinWorkingDays, 1, 10, "退单时限");
        Range("reminderLeadWorkingHours", ReminderLeadWorkingHours, 1, 40, "临期提醒提前小时数");
        Range("supervisionAfterWorkingDays", SupervisionAfterWorkingDays, 1, 30, "超期转督办天数");
        Range("bounceThreshold", BounceThreshold, 2, 10, "推诿扯皮退单次数");
        Range("repeatThreshold", RepeatThreshold, 2, 10, "重复投诉次数");
        Range("repeatWindowDays", RepeatWindowDays, 1, 365, "重复投诉统计天数");
        errors.ThrowIfAny();
    }
}
