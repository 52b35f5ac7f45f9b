using Minsheng.Domain.Assessment;

namespace Minsheng.Features.Statistics.Metrics;

/// <summary>
/// The contract between the honest unit metrics (统计分析) and the assessment (考核): per unit of a jurisdiction,
/// over China dates From..To inclusive, every <see cref="Metric"/> with its counts, and the appeals behind any one
/// of them. The jurisdiction is explicit, not the caller's: the monthly ranking runs as the system; callers check
/// that the user may see the jurisdiction before asking.
/// </summary>
public interface IUnitMeasures
{
    Task<IReadOnlyList<UnitMeasures>> MeasureAsync(long jurisdictionId, DateOnly from, DateOnly to, CancellationToken ct);

    Task<IReadOnlyList<MetricItem>> ItemsAsync(long jurisdictionId, DateOnly from, DateOnly to, long unitId, Metric metric, CancellationToken ct);

    /// <summary>The items of one metric for several units at once (the same lists as <see cref="ItemsAsync"/> per unit), in one query per part.</summary>
    Task<IReadOnlyDictionary<long, IReadOnlyList<MetricItem>>> ItemsByUnitAsync(long jurisdictionId, DateOnly from, DateOnly to,
        IReadOnlyCollection<long> unitIds, Metric metric, CancellationToken ct);
}
