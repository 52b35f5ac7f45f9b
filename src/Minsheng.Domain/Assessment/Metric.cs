namespace Minsheng.Domain.Assessment;

/// <summary>
/// The rates a unit is assessed on (考核指标). Stored by name in assessment schemes and frozen rankings: never
/// rename a member. Each rate is a <see cref="Ratio"/> of appeals; the definitions (口径) live with the query
/// that counts them and are shown on the pages.
/// </summary>
public enum Metric
{
    Response,        // 响应率: signed for by the sign-for deadline and first contact by its deadline
    Resolution,      // 解决率: callbacks recording the problem solved, over callbacks that recorded it
    Satisfaction,    // 满意率: 满意 or 基本满意 over reached callbacks
    OnTimeReply,     // 按时答复率
    OnTimeClose,     // 按时办结率
    ReturnRate,      // 退单率 (lower is better)
    WrongfulReturn,  // 错退率: returns the desk rejected, over returns requested (lower is better)
    RedoRate,        // 重办率 (lower is better)
    CoUnitOnTime,    // 协办按时率: co-unit contributions made by the co-unit deadline
}

public static class Metrics
{
    public static bool LowerIsBetter(this Metric m) => m is Metric.ReturnRate or Metric.WrongfulReturn or Metric.RedoRate;
}

/// <summary>A share with the counts behind it; <see cref="Value"/> is null when nothing was there to measure.</summary>
public sealed record Ratio(int Numerator, int Denominator)
{
    public static readonly Ratio None = new(0, 0);

    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;

    /// <summary>The ratio with some of its items taken out (exempted): each was in the denominator, some in the numerator.</summary>
    public Ratio Without(int fromDenominator, int fromNumerator) =>
        new(Math.Max(0, Numerator - fromNumerator), Math.Max(0, Denominator - fromDenominator));
}

/// <summary>
/// One unit's measures over a period: every rate with its counts (n = Denominator), and the counts that are not
/// rates. Units appear when they had anything to measure in the period.
/// </summary>
public sealed record UnitMeasures(
    long UnitId,
    int Received,
    IReadOnlyDictionary<Metric, Ratio> Rates,
    int SupervisionOrders,
    int Overdue)
{
    public Ratio Rate(Metric m) => Rates.TryGetValue(m, out var r) ? r : Ratio.None;
}

/// <summary>One appeal behind a unit's rate: in the denominator always, in the numerator when <paramref name="InNumerator"/>.</summary>
public sealed record MetricItem(long AppealId, string Number, string Title, DateTimeOffset DecidedAt, bool InNumerator);
