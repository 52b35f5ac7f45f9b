using System.Globalization;
using System.Text.RegularExpressions;
using Minsheng.Domain;
using Minsheng.Features.Statistics;

namespace Minsheng.Features.Analysis.Reports;

/// <summary>ISO weeks as reports name them ("2026-W47": Monday 16 to Sunday 22 November 2026).</summary>
public static partial class IsoWeeks
{
    [GeneratedRegex(@"^(\d{4})-W(\d{2})$")]
    private static partial Regex Pattern();

    public static string Of(DateOnly day) =>
        $"{ISOWeek.GetYear(day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue)):00}";

    public static StatisticsPeriod Period(string week)
    {
        var m = Pattern().Match(week.Trim());
        if (!m.Success) throw new DomainValidationException("period", "周次应为 yyyy-Www 格式，如 2026-W47。");
        var (year, number) = (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        if (year < 2000 || year > 2100 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
            throw new DomainValidationException("period", $"{year} 年没有第 {number} 周。");
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, number, DayOfWeek.Monday));
        return new StatisticsPeriod(monday, monday.AddDays(6));
    }

    public static string Describe(string week) => week.Length == 8 ? $"{week[..4]}年第{int.Parse(week[6..], CultureInfo.InvariantCulture)}周" : week;
}
