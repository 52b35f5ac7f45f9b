using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Statistics.Metrics;

/// <summary>
/// One item of a rate as the database sees it: the unit it counts for, the appeal behind it (with the attributes the
/// other dimensions group by), when it was decided, and whether it is in the numerator. Every rate is a union of
/// queries of these, grouped in SQL; the drill-down reads the same rows one by one, so the list always equals the count.
/// A settable class rather than a record: EF Core composes filters and GROUP BY over member-initialised projections.
/// </summary>
public sealed class MetricFact
{
    public long? UnitId { get; init; }
    public long AppealId { get; init; }
    public long? RegionUnitId { get; init; }
    public long? CategoryId { get; init; }
    public Channel Channel { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public bool Hit { get; init; }
}
