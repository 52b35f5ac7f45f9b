namespace Minsheng.TestSupport.Answers;

// The statistics API's answers (/api/statistics/overview and /units), as the tests read them.

/// <summary>A share with its counts; Percent is null when there was nothing to measure.</summary>
public sealed record RateAnswer(int Numerator, int Denominator, double? Percent)
{
    public (int, int, double?) Parts => (Numerator, Denominator, Percent);
}

public sealed record KpisAnswer(int Received, int Closed, int OnTimeClosed, RateAnswer OnTime, RateAnswer Response, RateAnswer Resolution,
    RateAnswer Satisfaction, int OverdueNow);

public sealed record SliceAnswer(string Key, string Label, int Count);

public sealed record TrendSeriesAnswer(string Key, string Label, IReadOnlyList<int> Counts);

public sealed record TrendAnswer(string Granularity, IReadOnlyList<DateOnly> Buckets, IReadOnlyList<int> Received, IReadOnlyList<int> Closed,
    IReadOnlyList<TrendSeriesAnswer> ByChannel);

public sealed record OverviewAnswer(DateOnly From, DateOnly To, KpisAnswer Kpis, TrendAnswer Trend,
    IReadOnlyList<SliceAnswer> ByChannel, IReadOnlyList<SliceAnswer> ByType, IReadOnlyList<SliceAnswer> ByCategory, IReadOnlyList<SliceAnswer> ByTownship);

public sealed record UnitStatisticsAnswer(long UnitId, string UnitName, int Received, int Closed, int OnTimeClosed,
    RateAnswer OnTime, RateAnswer Response, RateAnswer Resolution, RateAnswer Satisfaction, int OverdueNow);

public sealed record UnitsReportAnswer(DateOnly From, DateOnly To, string Sort, string Dir, IReadOnlyList<UnitStatisticsAnswer> Units)
{
    public UnitStatisticsAnswer Unit(string name) => Units.Single(u => u.UnitName == name);
}
