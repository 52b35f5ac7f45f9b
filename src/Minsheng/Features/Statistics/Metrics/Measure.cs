using Minsheng.Domain.Assessment;

namespace Minsheng.Features.Statistics.Metrics;

/// <summary>
/// Everything the metrics page shows per row: the assessment's <see cref="Metric"/>s (same names) and the figures
/// beside them — the per-stage on-time rates and the counts (收件量, 督办单, 超期件数), whose items are all "hits".
/// </summary>
public enum Measure
{
    Received,
    Response,
    OnTimeSignFor,
    OnTimeContact,
    OnTimeReply,
    OnTimeClose,
    Resolution,
    Satisfaction,
    ReturnRate,
    WrongfulReturn,
    RedoRate,
    CoUnitOnTime,
    SupervisionOrders,
    Overdue,
}

public static class Measures
{
    public static Measure Of(Metric metric) => Enum.Parse<Measure>(metric.ToString());

    public static Metric? AsMetric(this Measure m) => Enum.TryParse<Metric>(m.ToString(), out var metric) ? metric : null;

    /// <summary>Counts, not rates: every item is in the figure.</summary>
    public static bool IsCount(this Measure m) => m is Measure.Received or Measure.SupervisionOrders or Measure.Overdue;

    public static bool LowerIsBetter(this Measure m) => m.AsMetric()?.LowerIsBetter() ?? m is Measure.SupervisionOrders or Measure.Overdue;
}
