using System.Text.Json.Serialization;

namespace Minsheng.Features.Statistics;

/// <summary>A share with the counts behind it; Percent is null when nothing was there to measure.</summary>
public sealed record Rate(int Numerator, int Denominator)
{
    public double? Percent => Denominator == 0 ? null : Math.Round(100.0 * Numerator / Denominator, 1);

    [JsonIgnore] public string Text => Percent is { } p ? $"{p:0.0}%" : "—";
}

/// <summary>The counts of one group of appeals; every rate is computed from these (see StatisticsService).</summary>
public sealed record Tally(
    int Received, int Closed, int OnTimeClosed,
    int SignForDecided, int SignedOnTime,
    int ResolvedRecorded, int ResolvedYes,
    int Reached, int Satisfied)
{
    public static readonly Tally Zero = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public Rate OnTime => new(OnTimeClosed, Closed);
    public Rate Response => new(SignedOnTime, SignForDecided);
    public Rate Resolution => new(ResolvedYes, ResolvedRecorded);
    public Rate Satisfaction => new(Satisfied, Reached);

    public Tally Add(Tally o) => new(Received + o.Received, Closed + o.Closed, OnTimeClosed + o.OnTimeClosed,
        SignForDecided + o.SignForDecided, SignedOnTime + o.SignedOnTime, ResolvedRecorded + o.ResolvedRecorded,
        ResolvedYes + o.ResolvedYes, Reached + o.Reached, Satisfied + o.Satisfied);
}

public sealed record Kpis(int Received, int Closed, int OnTimeClosed, Rate OnTime, Rate Response, Rate Resolution, Rate Satisfaction, int OverdueNow);

/// <summary>One bar or slice: Key is the enum name or id ("" for none), Label what people read.</summary>
public sealed record Slice(string Key, string Label, int Count);

public sealed record TrendSeries(string Key, string Label, IReadOnlyList<int> Counts);

/// <summary>Counts per day (or per week starting Monday, for periods over 92 days); Buckets are the first days.</summary>
public sealed record Trend(string Granularity, IReadOnlyList<DateOnly> Buckets, IReadOnlyList<int> Received, IReadOnlyList<int> Closed,
    IReadOnlyList<TrendSeries> ByChannel);

public sealed record StatisticsOverview(
    DateOnly From, DateOnly To, DateTimeOffset ComputedAt, Kpis Kpis, Trend Trend,
    IReadOnlyList<Slice> ByChannel, IReadOnlyList<Slice> ByType, IReadOnlyList<Slice> ByCategory, IReadOnlyList<Slice> ByTownship);

public sealed record UnitStatistics(
    long UnitId, string UnitName, int Received, int Closed, int OnTimeClosed,
    Rate OnTime, Rate Response, Rate Resolution, Rate Satisfaction, int OverdueNow);

/// <param name="DeskOverdueNow">受理端超期: open appeals waiting on the desk past their resolve deadline (Overdue.AtDesk), not any unit's.</param>
public sealed record UnitsReport(DateOnly From, DateOnly To, DateTimeOffset ComputedAt, string Sort, string Dir, IReadOnlyList<UnitStatistics> Units,
    int DeskOverdueNow = 0);
