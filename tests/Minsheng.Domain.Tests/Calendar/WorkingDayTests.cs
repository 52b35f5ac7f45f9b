using Minsheng.Domain.Calendar;
using static Minsheng.Domain.Tests.Calendar.Cal;

namespace Minsheng.Domain.Tests.Calendar;

/// <summary>N working days end at the close of the Nth working day after the starting instant's day.</summary>
public class WorkingDayTests
{
    [Fact]
    public void Example_spring_festival_2026()
    {
        // Saturday 14 Feb is a make-up working day; 15–23 Feb are off.
        var deadline = National.AddWorkingDays(China("2026-02-13T10:00"), 3);
        deadline.Due.ToString("o").ShouldBe("2026-02-25T23:59:59.9999999+08:00");
        deadline.Provisional.ShouldBeFalse();
    }

    [Fact]
    public void Example_national_day_2026() =>
        National.AddWorkingDays(China("2026-09-30T10:00"), 3).ShouldCloseOn("2026-10-10");   // a make-up Saturday

    [Fact]
    public void Example_new_year_2027_on_the_provisional_calendar()
    {
        var deadline = National.AddWorkingDays(China("2026-12-31T10:00"), 1);
        deadline.ShouldCloseOn("2027-01-04");
        deadline.Provisional.ShouldBeTrue();
    }

    [Theory]
    // 春节 2025: Sun 26 Jan works, 28 Jan–4 Feb off, Sat 8 Feb works.
    [InlineData("2025-01-24T10:00", 1, "2025-01-26")]
    [InlineData("2025-01-24T10:00", 2, "2025-01-27")]
    [InlineData("2025-01-24T10:00", 3, "2025-02-05")]
    [InlineData("2025-01-27T16:00", 1, "2025-02-05")]
    [InlineData("2025-01-30T10:00", 1, "2025-02-05")]
    [InlineData("2025-01-27T10:00", 4, "2025-02-08")]
    [InlineData("2025-01-27T10:00", 5, "2025-02-10")]
    // 春节 2026: Sat 14 Feb works, 15–23 Feb off, Sat 28 Feb works.
    [InlineData("2026-02-13T10:00", 1, "2026-02-14")]
    [InlineData("2026-02-13T10:00", 2, "2026-02-24")]
    [InlineData("2026-02-14T17:00", 1, "2026-02-24")]
    [InlineData("2026-02-20T10:00", 1, "2026-02-24")]
    [InlineData("2026-02-26T10:00", 2, "2026-02-28")]
    [InlineData("2026-02-26T10:00", 3, "2026-03-02")]
    // 国庆 2025: Sun 28 Sep works, 1–8 Oct off, Sat 11 Oct works.
    [InlineData("2025-09-26T10:00", 1, "2025-09-28")]
    [InlineData("2025-09-26T10:00", 2, "2025-09-29")]
    [InlineData("2025-09-26T10:00", 4, "2025-10-09")]
    [InlineData("2025-09-26T10:00", 6, "2025-10-11")]
    [InlineData("2025-09-26T10:00", 7, "2025-10-13")]
    [InlineData("2025-09-30T10:00", 1, "2025-10-09")]
    // 中秋 + 国庆 2026: Sun 20 Sep works, 25–27 Sep and 1–7 Oct off, Sat 10 Oct works.
    [InlineData("2026-09-18T10:00", 1, "2026-09-20")]
    [InlineData("2026-09-24T10:00", 1, "2026-09-28")]
    [InlineData("2026-09-30T10:00", 1, "2026-10-08")]
    [InlineData("2026-09-30T10:00", 4, "2026-10-12")]
    // 元旦 2026: 1–3 Jan off, Sun 4 Jan works.
    [InlineData("2025-12-31T10:00", 1, "2026-01-04")]
    [InlineData("2025-12-31T10:00", 2, "2026-01-05")]
    [InlineData("2026-01-02T10:00", 1, "2026-01-04")]
    // 元旦 2027, provisional: Fri 1 Jan off, then the weekend.
    [InlineData("2026-12-30T10:00", 1, "2026-12-31")]
    [InlineData("2026-12-30T10:00", 2, "2027-01-04")]
    [InlineData("2027-01-01T10:00", 1, "2027-01-04")]
    public void Holiday_tables(string start, int days, string closes) =>
        National.AddWorkingDays(China(start), days).ShouldCloseOn(closes);

    [Theory]
    [InlineData("2026-03-06T10:00")]   // Friday
    [InlineData("2026-03-07T10:00")]   // Saturday: the first working day after it, Monday, is day 1
    [InlineData("2026-03-08T23:59")]   // Sunday night
    public void From_a_weekend_day_1_is_the_first_working_day_after_it(string start) =>
        National.AddWorkingDays(China(start), 1).ShouldCloseOn("2026-03-09");

    [Fact]
    public void The_starting_day_never_counts_even_from_its_first_instant() =>
        National.AddWorkingDays(China("2026-03-09T00:00"), 1).ShouldCloseOn("2026-03-10");

    [Theory]
    [InlineData("2026-02-13T02:30:00Z", "2026-02-25")]         // 10:30 in China
    [InlineData("2026-02-12T20:00:00Z", "2026-02-25")]         // already 04:00 on the 13th in China
    [InlineData("2026-02-12T15:59:59Z", "2026-02-24")]         // still 23:59:59 on the 12th in China
    [InlineData("2026-02-13T09:00:00+09:00", "2026-02-25")]
    public void The_day_is_the_day_in_China_whatever_the_offset(string instant, string closes) =>
        National.AddWorkingDays(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), 3)
            .ShouldCloseOn(closes);

    [Fact]
    public void Provisional_only_when_a_counted_day_is_in_a_provisional_year()
    {
        National.AddWorkingDays(China("2026-12-29T10:00"), 2).Provisional.ShouldBeFalse();   // 30, 31 Dec
        National.AddWorkingDays(China("2026-12-29T10:00"), 3).Provisional.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Days_must_be_positive(int days) =>
        Should.Throw<ArgumentOutOfRangeException>(() => National.AddWorkingDays(China("2026-03-09T10:00"), days));

    [Fact]
    public void Limits_past_2099_are_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => National.AddWorkingDays(China("2099-12-30T10:00"), 5));

    [Theory]
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-15", false)]
    [InlineData("2026-03-07", false)]
    [InlineData("2026-03-09", true)]
    public void IsWorkingDay(string date, bool working) => National.IsWorkingDay(D(date)).ShouldBe(working);
}
