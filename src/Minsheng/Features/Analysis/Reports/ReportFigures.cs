using Minsheng.Features.Statistics;

namespace Minsheng.Features.Analysis.Reports;

/// <summary>
/// Everything a report states as a number, computed when the draft is made and stored as JSON with the report:
/// editing the text never changes them. Rates are StatisticsService's (same 口径 as the dashboard); the previous
/// period is the same number of days just before.
/// </summary>
public sealed record ReportFigures(
    string JurisdictionName,
    DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, DateTimeOffset ComputedAt,
    Measure Received, Measure Closed,
    RateChange OnTime, RateChange Response, RateChange Resolution, RateChange Satisfaction,
    int OverdueNow,
    IReadOnlyList<Measure> ByChannel, IReadOnlyList<Measure> ByType, IReadOnlyList<Measure> ByCategory, IReadOnlyList<Measure> ByTownship,
    int MinUnitSample, IReadOnlyList<UnitRank> BestUnits, IReadOnlyList<UnitRank> WorstUnits,
    IReadOnlyList<CaseLine> OverdueCases, IReadOnlyList<CaseLine> SupervisedCases, int SupervisedTotal,
    TopicSection Topics,
    IReadOnlyList<TypicalCase> TypicalCases,
    IReadOnlyList<TypicalCase> RelatedCases);

/// <summary>A count now and in the previous period; Change is the relative change in percent (null when there was nothing before).</summary>
public sealed record Measure(string Label, int Current, int Previous)
{
    public double? Change => Previous == 0 ? null : Math.Round(100.0 * (Current - Previous) / Previous, 1);
}

/// <summary>A rate now and before; Delta is the difference in percentage points (null when either is unmeasured).</summary>
public sealed record RateChange(Rate Current, Rate Previous)
{
    public double? Delta => Current.Percent is { } c && Previous.Percent is { } p ? Math.Round(c - p, 1) : null;
}

/// <summary>A lead unit ranked by its 满意率; n is the reached callbacks behind it.</summary>
public sealed record UnitRank(string Unit, int Received, Rate Satisfaction, Rate OnTime);

public sealed record CaseLine(long Id, string Number, string Title, string Unit, string Status, string Note);

/// <summary>Hot topics of the period. Available is false when no topic source is connected: the report says so, nothing is made up.</summary>
public sealed record TopicSection(bool Available, string Note, IReadOnlyList<TopicLine> Topics);

public sealed record TopicLine(string Title, int Count, int PreviousCount, int People, bool New, bool Rising, string Places, IReadOnlyList<long> AppealIds);

/// <summary>A case shown in full, with personal data removed from the complaint and the reply.</summary>
public sealed record TypicalCase(long Id, string Number, string Title, string Category, string Unit, string Content, string Reply, string Outcome);
