using System.Globalization;

namespace Minsheng.Domain.Calendar;

/// <summary>
/// The office hours of a working day, for limits counted in hours (特别办). Periods are half-open
/// [Start, End), sorted and disjoint; the same hours apply on a make-up working weekend (调休上班).
/// </summary>
public sealed class WorkingHours
{
    /// <summary>08:30–12:00 and 14:30–17:30: the usual county-government day, 6.5 hours.</summary>
    public static readonly WorkingHours Default = new([
        (new TimeOnly(8, 30), new TimeOnly(12, 0)),
        (new TimeOnly(14, 30), new TimeOnly(17, 30)),
    ]);

    private readonly (TimeOnly Start, TimeOnly End)[] _periods;

    public IReadOnlyList<(TimeOnly Start, TimeOnly End)> Periods => _periods;

    /// <summary>Working time in one working day.</summary>
    public TimeSpan PerDay { get; }

    public WorkingHours(IEnumerable<(TimeOnly Start, TimeOnly End)> periods)
    {
        _periods = periods.ToArray();
        if (_periods.Length == 0) throw new ArgumentException("工作时段不能为空。");
        for (var i = 0; i < _periods.Length; i++)
        {
            if (_periods[i].Start >= _periods[i].End)
                throw new ArgumentException($"工作时段 {Format(_periods[i])} 的结束时间必须晚于开始时间。");
            if (i > 0 && _periods[i].Start < _periods[i - 1].End)
                throw new ArgumentException($"工作时段 {Format(_periods[i])} 与前一时段重叠或未按时间先后排列。");
        }
        PerDay = new TimeSpan(_periods.Sum(p => (p.End - p.Start).Ticks));
    }

    /// <summary>Parses "08:30-12:00,14:30-17:30" (the format of configuration and the CLI).</summary>
    public static WorkingHours Parse(string text)
    {
        var periods = new List<(TimeOnly, TimeOnly)>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || !TryTime(ends[0], out var start) || !TryTime(ends[1], out var end))
                throw new FormatException($"工作时段“{part}”格式不对，应形如 08:30-12:00。");
            periods.Add((start, end));
        }
        return new WorkingHours(periods);
    }

    /// <summary>Working time of a working day that lies before <paramref name="time"/>.</summary>
    internal TimeSpan WorkedBefore(TimeOnly time)
    {
        long ticks = 0;
        foreach (var (start, end) in _periods)
        {
            if (time <= start) break;
            ticks += ((time < end ? time : end) - start).Ticks;
        }
        return new TimeSpan(ticks);
    }

    /// <summary>
    /// The earliest time of day by which <paramref name="worked"/> (0 &lt; worked ≤ <see cref="PerDay"/>) has
    /// elapsed. A total that ends exactly at a period's end gives that end (12:00), not the next start (14:30).
    /// </summary>
    internal TimeOnly TimeAfter(TimeSpan worked)
    {
        foreach (var (start, end) in _periods)
        {
            var length = end - start;
            if (worked <= length) return start.Add(worked);
            worked -= length;
        }
        throw new ArgumentOutOfRangeException(nameof(worked), "超过一天的工作时长。");
    }

    public override string ToString() => string.Join(",", _periods.Select(Format));

    private static string Format((TimeOnly Start, TimeOnly End) p) => $"{p.Start:HH\\:mm}-{p.End:HH\\:mm}";

    private static bool TryTime(string s, out TimeOnly time) =>
        TimeOnly.TryParseExact(s, ["H:mm", "HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
