namespace Minsheng.Domain.Priorities;

public sealed record MonthCount(PriorityMonth Month, int Appeals);

/// <summary>
/// Did the problem stop recurring? The monthly average of the (up to) three full months before the priority's month
/// against the average of the full months after it; the priority's own month is the work month and counts on neither side,
/// and the current month is unfinished, so it is shown but not averaged.
/// </summary>
public sealed record VolumeComparison(IReadOnlyList<MonthCount> Series, double? BeforeAverage, double? AfterAverage, int AfterMonths, double? ChangePercent)
{
    public const int MonthsBefore = 3;

    public static VolumeComparison Compare(IReadOnlyList<MonthCount> series, PriorityMonth start, PriorityMonth current)
    {
        var before = series.Where(m => m.Month < start && m.Month >= start.AddMonths(-MonthsBefore)).ToList();
        var after = series.Where(m => m.Month > start && m.Month < current).ToList();
        double? b = before.Count > 0 ? before.Average(m => m.Appeals) : null;
        double? a = after.Count > 0 ? after.Average(m => m.Appeals) : null;
        double? change = b is > 0 && a is not null ? Math.Round((a.Value - b.Value) / b.Value * 100, 1) : null;
        return new VolumeComparison(series, b, a, after.Count, change);
    }

    /// <summary>One sentence a leader can read, in Chinese.</summary>
    public string Verdict =>
        (BeforeAverage, AfterAverage) switch
        {
            (null, _) => "开展前没有可比的诉求数据。",
            (_, null) => $"开展前月均 {BeforeAverage:0.#} 件；开展后尚无完整月份，下月起可比较。",
            _ when ChangePercent is null => $"开展前月均 0 件，开展后月均 {AfterAverage:0.#} 件。",
            _ when ChangePercent < 0 => $"开展后月均 {AfterAverage:0.#} 件，较开展前（月均 {BeforeAverage:0.#} 件）下降 {-ChangePercent:0.#}%。",
            _ when ChangePercent > 0 => $"开展后月均 {AfterAverage:0.#} 件，较开展前（月均 {BeforeAverage:0.#} 件）上升 {ChangePercent:0.#}%，问题仍在反复。",
            _ => $"开展前后月均均为 {AfterAverage:0.#} 件，没有变化。",
        };

    /// <summary>Counts per month from <paramref name="from"/> to <paramref name="to"/>, zero-filled.</summary>
    public static IReadOnlyList<MonthCount> Bucket(IEnumerable<DateOnly> days, PriorityMonth from, PriorityMonth to)
    {
        var counts = days.GroupBy(PriorityMonth.Of).ToDictionary(g => g.Key, g => g.Count());
        var list = new List<MonthCount>();
        for (var m = from; m <= to; m = m.AddMonths(1)) list.Add(new MonthCount(m, counts.GetValueOrDefault(m)));
        return list;
    }
}
