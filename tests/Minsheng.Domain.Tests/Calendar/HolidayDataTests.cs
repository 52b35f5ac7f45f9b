using Minsheng.Domain.Calendar;
using static Minsheng.Domain.Tests.Calendar.Cal;

namespace Minsheng.Domain.Tests.Calendar;

/// <summary>The embedded holiday-cn data, and the statutory-holiday model checked against it.</summary>
public class HolidayDataTests
{
    private static readonly HolidayDataSet Data = HolidayDataSet.Default;
    public static TheoryData<int> NoticeYears => new(Enumerable.Range(2020, 7));

    [Fact]
    public void Notices_2020_to_2026_are_loaded_and_2027_is_not()
    {
        Data.NoticeYears.Order().ShouldBe(Enumerable.Range(2020, 7));
        National.IsProvisional(2026).ShouldBeFalse();
        National.IsProvisional(2027).ShouldBeTrue();
    }

    [Fact]
    public void A_day_named_only_by_the_next_years_notice_is_loaded()
    {
        // 2023.json starts 元旦 on 2022-12-31; 2022.json does not list it.
        Data.Days[D("2022-12-31")].ShouldBe(new NoticeDay(D("2022-12-31"), true, "元旦"));
        National.Describe(D("2022-12-31")).Name.ShouldBe("元旦");
    }

    [Fact]
    public void The_calendar_follows_every_notice_day()
    {
        foreach (var day in Data.Days.Values)
            National.IsWorkingDay(day.Date).ShouldBe(!day.IsOffDay, day.Date.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public void Make_up_working_days_are_weekends_except_the_2020_epidemic_extension_end()
    {
        // 2020-02-03 (Monday) is listed as a working day by the second 2020 notice (the epidemic extension of
        // 春节 ended on 2 February): a no-op, but the one entry that is not a weekend.
        Data.Days.Values.Where(d => !d.IsOffDay && !d.Date.DayOfWeek.IsWeekend())
            .Select(d => d.Date).ShouldBe([D("2020-02-03")]);
    }

    [Theory]
    [InlineData(2020, "2020-04-04")]
    [InlineData(2021, "2021-04-04")]
    [InlineData(2022, "2022-04-05")]
    [InlineData(2023, "2023-04-05")]
    [InlineData(2024, "2024-04-04")]
    [InlineData(2025, "2025-04-04")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-04-05")]
    public void Qingming_formula_gives_the_solar_term(int year, string date) =>
        StatutoryHolidays.Qingming(year).ShouldBe(D(date));

    [Theory]
    [MemberData(nameof(NoticeYears))]
    public void Qingming_formula_falls_in_each_notices_Qingming_holiday(int year)
    {
        var qingming = Data.Days.Values.Where(d => d.IsOffDay && d.Name == "清明节").Select(d => d.Date).ToList();
        qingming.ShouldContain(StatutoryHolidays.Qingming(year));
        if (year == 2023) qingming.Where(d => d.Year == 2023).ShouldBe([D("2023-04-05")]); // the one-day year pins it
    }

    [Theory]
    [MemberData(nameof(NoticeYears))]
    public void Lunar_festivals_fall_in_each_notices_holidays(int year)
    {
        // 2020 has 闰四月 before 端午, 2023 闰二月, 2025 闰六月 before 中秋: the leap-month numbering matters.
        ShouldBeOff(StatutoryHolidays.ChineseNewYearsEve(year).AddDays(1), "春节");
        ShouldBeOff(StatutoryHolidays.LunarDate(year, 5, 5), "端午节");
        ShouldBeOff(StatutoryHolidays.LunarDate(year, 8, 15), "中秋节");
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void Notices_under_the_2024_rules_give_at_least_every_statutory_holiday(int year)
    {
        foreach (var day in StatutoryHolidays.Holidays(year))
            ShouldBeOff(day.Date, day.Name);
    }

    private static void ShouldBeOff(DateOnly date, string name)
    {
        Data.Days.TryGetValue(date, out var day).ShouldBeTrue($"{date:yyyy-MM-dd} not in the notices");
        day!.IsOffDay.ShouldBeTrue();
        day.Name.ShouldContain(name);
    }
}

internal static class DayOfWeekExtensions
{
    public static bool IsWeekend(this DayOfWeek d) => d is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
