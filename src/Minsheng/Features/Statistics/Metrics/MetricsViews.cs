namespace Minsheng.Features.Statistics.Metrics;

/// <summary>One figure: N items (the rate's n, or the count), Hits in the numerator; Percent null for counts and empty rates.</summary>
public sealed record MetricCell(int N, int Hits, double? Percent, bool Sufficient);

/// <summary>One row of the table: a unit, township, category or channel (Key is what the drill-down takes).</summary>
public sealed record MetricRow(string Key, string Label, IReadOnlyDictionary<Measure, MetricCell> Cells, int? Rank);

public sealed record MetricColumn(Measure Measure, string Label, bool IsCount, bool LowerIsBetter, string Definition);

/// <summary>The metrics table: rows ranked by <see cref="Sort"/> among those with at least <see cref="MinimumN"/> items.</summary>
public sealed record MetricsReport(
    DateOnly From, DateOnly To, DateTimeOffset ComputedAt, Dimension Dimension, long JurisdictionId, string JurisdictionName,
    int MinimumN, Measure Sort, IReadOnlyList<MetricColumn> Columns, IReadOnlyList<MetricRow> Rows, IReadOnlyList<string> Rules);

public sealed record MetricItemView(long AppealId, string Number, string Title, DateTimeOffset DecidedAt, bool InNumerator);

/// <summary>The appeals behind one figure: Count items, Hits of them in the numerator — the same as the table's cell.</summary>
public sealed record MetricItemsReport(
    DateOnly From, DateOnly To, Dimension Dimension, string Key, string Label, Measure Measure, string MeasureLabel, string Definition,
    int Count, int Hits, IReadOnlyList<MetricItemView> Items);
