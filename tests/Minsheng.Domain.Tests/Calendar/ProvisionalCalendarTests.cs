using System.Globalization;
using Minsheng.Domain.Calendar;
using static Minsheng.Domain.Tests.Calendar.Cal;

namespace Minsheng.Domain.Tests.Calendar;

/// <summary>2027 has no State Council notice yet: its calendar is inferred from the 2024 statutory rules.</summary>
public class ProvisionalCalendarTests
{
    [Fact]
    public void Lunar_dates_of_2027_as_ChineseLunisolarCalendar_gives_them()
    {
        var lunar = new ChineseLunisolarCalendar();
        lunar.GetLeapMonth(2027).ShouldBe(0);   // no leap month, so month numbers are the lunar months
        DateOnly.FromDateTime(lunar.ToDateTime(2027, 1, 1, 0, 0, 0, 0)).ShouldBe(D("2027-02-06"));
        DateOnly.FromDateTime(lunar.ToDateTime(2027, 5, 5, 0, 0, 0, 0)).ShouldBe(D("2027-06-09"));
        DateOnly.FromDateTime(lunar.ToDateTime(2027, 8, 15, 0, 0, 0, 0)).ShouldBe(D("2027-09-15"));
    }

    [Fact]
    public void Statutory_holidays_of_2027()
    {
        StatutoryHolidays.ChineseNewYearsEve(2027).ShouldBe(D("2027-02-05"));
        StatutoryHolidays.Holidays(2027).Select(d => $"{d.Date:MM-dd} {d.Name}").ShouldBe([
            "01-01 元旦",
            "02-05 春节", "02-06 春节", "02-07 春节", "02-08 春节",
            "04-05 清明节",
            "05-01 劳动节", "05-02 劳动节",
            "06-09 端午节",
            "09-15 中秋节",
            "10-01 国庆节", "10-02 国庆节", "10-03 国庆节",
        ]);
    }

    [Fact]
    public void Holidays_on_a_weekend_are_compensated_on_the_next_free_weekdays()
    {
        // 第六条: 春节 06–07 Feb, 劳动节 1–2 May and 国庆节 2–3 Oct 2027 fall on weekends.
        StatutoryHolidays.DaysOff(2027).Where(d => d.Compensation).Select(d => $"{d.Date:MM-dd} {d.Name}").ShouldBe([
            "02-09 春节补假", "02-10 春节补假",
            "05-03 劳动节补假", "05-04 劳动节补假",
            "10-04 国庆节补假", "10-05 国庆节补假",
        ]);
    }

    [Theory]
    [InlineData("2027-01-01", false)]
    [InlineData("2027-01-04", true)]
    [InlineData("2027-02-04", true)]
    [InlineData("2027-02-05", false)]
    [InlineData("2027-02-08", false)]
    [InlineData("2027-02-10", false)]
    [InlineData("2027-02-11", true)]
    [InlineData("2027-02-20", false)]   // a Saturday: no 调休 make-up working days in a provisional year
    [InlineData("2027-04-05", false)]
    [InlineData("2027-05-04", false)]
    [InlineData("2027-05-05", true)]
    [InlineData("2027-06-09", false)]
    [InlineData("2027-09-15", false)]
    [InlineData("2027-10-05", false)]
    [InlineData("2027-10-06", true)]
    public void The_provisional_2027_calendar(string date, bool working)
    {
        var day = National.Describe(D(date));
        day.IsWorkingDay.ShouldBe(working);
        day.Provisional.ShouldBeTrue();
    }

    [Fact]
    public void Provisional_holidays_carry_their_festival_names()
    {
        National.Describe(D("2027-02-05")).Name.ShouldBe("春节");
        National.Describe(D("2027-05-03")).Name.ShouldBe("劳动节补假");
        National.Describe(D("2027-03-03")).Name.ShouldBeNull();
    }

    [Fact]
    public void A_year_with_a_notice_is_not_provisional()
    {
        var day = National.Describe(D("2026-02-14"));
        day.ShouldBe(new CalendarDay(D("2026-02-14"), true, "春节", false));
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2100)]
    public void Years_outside_2000_2099_are_refused(int year)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => National.IsProvisional(year));
        Should.Throw<ArgumentOutOfRangeException>(() => StatutoryHolidays.Holidays(year));
    }
}
