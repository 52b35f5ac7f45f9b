using System.Globalization;
using Minsheng.Domain;
using Minsheng.Domain.Calendar;

namespace Minsheng.Features.Statistics;

/// <summary>
/// The days a statistic covers, both ends included, as calendar days in China. Appeals count when they
/// were registered between the start of <see cref="From"/> and the end of <see cref="To"/> (China time).
/// </summary>
public sealed record StatisticsPeriod(DateOnly From, DateOnly To)
{
    public const int DefaultDays = 30;
    public const int MaxYears = 3;
    /// <summary>Longer periods are drawn by week: a daily line over a year has too many points to read.</summary>
    public const int MaxDailyDays = 92;

    public DateTimeOffset Start => ChinaTime.At(From, TimeOnly.MinValue);

    /// <summary>The first instant after the period (midnight China time after <see cref="To"/>).</summary>
    public DateTimeOffset End => ChinaTime.At(To.AddDays(1), TimeOnly.MinValue);

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Weekly => Days > MaxDailyDays;

    /// <summary>The last <paramref name="days"/> days up to and including today in China.</summary>
    public static StatisticsPeriod Last(int days, DateTimeOffset now)
    {
        var today = ChinaTime.DateOf(now);
        return new StatisticsPeriod(today.AddDays(1 - days), today);
    }

    /// <summary>
    /// Reads the from/to query values (yyyy-MM-dd). A missing end is today, a missing start is 30 days
    /// before the end. Every problem names its field.
    /// </summary>
    public static StatisticsPeriod Parse(string? from, string? to, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var toDate = Date(to, "to", "结束日期", errors) ?? ChinaTime.DateOf(now);
        var fromDate = Date(from, "from", "开始日期", errors) ?? toDate.AddDays(1 - DefaultDays);
        errors.ThrowIfAny();
        if (fromDate > toDate) errors.Add("from", "开始日期不能晚于结束日期。");
        else if (toDate > fromDate.AddYears(MaxYears)) errors.Add("to", $"统计时段不能超过 {MaxYears} 年。");
        errors.ThrowIfAny();
        return new StatisticsPeriod(fromDate, toDate);
    }

    private static DateOnly? Date(string? value, string field, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && Infrastructure.Web.DateBounds.Sane(date))
            return date;
        errors.Add(field, $"{label}应为 yyyy-MM-dd 格式的日期（2000 年至 2100 年之间）。");
        return null;
    }
}
