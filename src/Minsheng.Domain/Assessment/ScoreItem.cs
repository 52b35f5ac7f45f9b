namespace Minsheng.Domain.Assessment;

/// <summary>What an item on a unit's score sheet is. Stored by name: never rename a member.</summary>
public enum ItemKind
{
    MetricMiss,       // an appeal that lowered one of the unit's rates (not satisfied, late, returned...)
    SupervisionOrder, // 督办单 on an appeal the unit led: a deduction
    ConfirmedLead,    // 问责线索 confirmed against the unit: a deduction
    Praise,           // 表扬 appeal for the unit: a bonus
    Priority,         // 每月一题 completed by the unit as lead: a bonus
}

/// <summary>
/// One thing that cost (or earned) a unit points in a month. <see cref="Key"/> identifies it across recomputations, so
/// a score appeal (申诉) can name it: "m:Satisfaction:123" (appeal 123 behind the 满意率), "s:45" (督办单 45), "n:88" (the monitor's 督办单, notification 88), "l:7"
/// (线索 7), "p:9" (表扬 appeal 9), "q:3" (每月一题 3).
/// </summary>
public sealed record ScoreItem(string Key, ItemKind Kind, Metric? Metric, long? AppealId, string Label, DateTimeOffset At, bool InNumerator = false)
{
    public static string MetricKey(Metric m, long appealId) => $"m:{m}:{appealId}";
    public static string SupervisionKey(long orderId) => $"s:{orderId}";
    public static string AutoSupervisionKey(long notificationId) => $"n:{notificationId}";
    public static string LeadKey(long leadId) => $"l:{leadId}";
    public static string PraiseKey(long appealId) => $"p:{appealId}";
    public static string PriorityKey(long priorityId) => $"q:{priorityId}";

    public bool IsDeduction => Kind is ItemKind.SupervisionOrder or ItemKind.ConfirmedLead;
    public bool IsBonus => Kind is ItemKind.Praise or ItemKind.Priority;

    /// <summary>Units may contest what cost them points; bonuses are not contested.</summary>
    public bool Contestable => !IsBonus;

    /// <summary>An appeal behind a rate costs points when it kept the rate down: out of the numerator of a higher-is-better
    /// rate, or in the numerator of a lower-is-better one.</summary>
    public static bool CostsPoints(Metric m, bool inNumerator) => m.LowerIsBetter() ? inNumerator : !inNumerator;
}

/// <summary>
/// 不可抗力: a declared period (China dates, inclusive) whose items are exempt — for the listed units, or for every unit
/// of the jurisdiction when none is listed (a flood, an epidemic lockdown, a grid failure).
/// </summary>
public sealed record ForceMajeurePeriod(DateOnly From, DateOnly To, IReadOnlyCollection<long> UnitIds)
{
    public bool Covers(long unitId, DateOnly day) => day >= From && day <= To && (UnitIds.Count == 0 || UnitIds.Contains(unitId));
}

/// <summary>What is exempt for one computation: items named by upheld score appeals, and force-majeure periods.</summary>
public sealed record Exemptions(IReadOnlySet<(long UnitId, string Key)> Upheld, IReadOnlyList<ForceMajeurePeriod> ForceMajeure)
{
    public static readonly Exemptions None = new(new HashSet<(long, string)>(), []);

    public ExemptReason? Why(long unitId, ScoreItem item)
    {
        if (Upheld.Contains((unitId, item.Key))) return ExemptReason.UpheldAppeal;
        var day = Calendar.ChinaTime.DateOf(item.At);
        return ForceMajeure.Any(f => f.Covers(unitId, day)) ? ExemptReason.ForceMajeure : null;
    }
}

public enum ExemptReason { UpheldAppeal, ForceMajeure }
