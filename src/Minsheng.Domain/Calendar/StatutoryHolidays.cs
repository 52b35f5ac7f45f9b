using System.Globalization;

namespace Minsheng.Domain.Calendar;

/// <summary>A day off the law grants, with the festival it belongs to.</summary>
public sealed record StatutoryDay(DateOnly Date, string Name, bool Compensation = false);

/// <summary>
/// The holidays of 《全国年节及纪念日放假办法》 as amended in 2024 (in force from 2025), used to compute a
/// provisional calendar for a year whose State Council notice (with its 调休 arrangement) is not loaded yet.
/// Valid 2000–2099 (the Qingming formula's range); earlier rules are not modelled, so a provisional year before
/// 2025 gets the 2024 rules too.
/// </summary>
public static class StatutoryHolidays
{
    public const int FirstYear = 2000, LastYear = 2099;

    /// <summary>
    /// The statutory days off of a year (第二条) plus 补假 (第六条: a holiday falling on a Saturday or Sunday is
    /// compensated on a working day). Each 补假 is the first Monday–Friday after the weekend holiday day that is
    /// neither a holiday nor already a 补假, which is where the State Council has always put it. No make-up
    /// working weekends (调休): only a notice can create those.
    /// </summary>
    public static IReadOnlyList<StatutoryDay> DaysOff(int year)
    {
        var days = Holidays(year);
        var taken = days.Select(d => d.Date).ToHashSet();
        var compensation = new List<StatutoryDay>();
        foreach (var day in days.Where(d => IsWeekend(d.Date)))
        {
            var date = day.Date.AddDays(1);
            while (IsWeekend(date) || taken.Contains(date)) date = date.AddDays(1);
            taken.Add(date);
            compensation.Add(new StatutoryDay(date, day.Name + "补假", Compensation: true));
        }
        return [.. days.Concat(compensation).OrderBy(d => d.Date)];
    }

    /// <summary>The statutory holidays of a year (第二条), without 补假: 13 days.</summary>
    public static IReadOnlyList<StatutoryDay> Holidays(int year)
    {
        CheckYear(year);
        var eve = ChineseNewYearsEve(year);
        return
        [
            new(new DateOnly(year, 1, 1), "元旦"),
            .. Enumerable.Range(0, 4).Select(i => new StatutoryDay(eve.AddDays(i), "春节")),   // 除夕 … 初三
            new(Qingming(year), "清明节"),
            new(new DateOnly(year, 5, 1), "劳动节"),
            new(new DateOnly(year, 5, 2), "劳动节"),
            new(LunarDate(year, 5, 5), "端午节"),
            new(LunarDate(year, 8, 15), "中秋节"),
            new(new DateOnly(year, 10, 1), "国庆节"),
            new(new DateOnly(year, 10, 2), "国庆节"),
            new(new DateOnly(year, 10, 3), "国庆节"),
        ];
    }

    /// <summary>
    /// 清明, the solar term, by the 寿星 formula for the 21st century: day = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ with
    /// Y = year mod 100. Decimal arithmetic keeps the floor exact; checked against the notices 2020–2026.
    /// </summary>
    public static DateOnly Qingming(int year)
    {
        CheckYear(year);
        var y = year % 100;
        var day = (int)Math.Floor(y * 0.2422m + 4.81m) - y / 4;
        return new DateOnly(year, 4, day);
    }

    /// <summary>除夕: the day before 正月初一 of the lunar year that begins in <paramref name="year"/>.</summary>
    public static DateOnly ChineseNewYearsEve(int year) => LunarDate(year, 1, 1).AddDays(-1);

    /// <summary>
    /// The Gregorian date of a day in an ordinary (non-leap) lunar month. ChineseLunisolarCalendar numbers a
    /// leap year's months 1–13, the leap month taking the number after the month it repeats: GetLeapMonth = 5
    /// means the 5th month is 闰四月, so lunar month 5 is month number 6.
    /// </summary>
    public static DateOnly LunarDate(int year, int month, int day)
    {
        var lunar = new ChineseLunisolarCalendar();   // Calendar instances are cheap and not documented thread-safe
        var leap = lunar.GetLeapMonth(year);
        var number = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(lunar.ToDateTime(year, number, day, 0, 0, 0, 0));
    }

    internal static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static void CheckYear(int year)
    {
        if (year is < FirstYear or > LastYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"只能推算 {FirstYear}—{LastYear} 年的法定节假日。");
    }
}
