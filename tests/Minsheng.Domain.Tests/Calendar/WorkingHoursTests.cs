using Minsheng.Domain.Calendar;
using static Minsheng.Domain.Tests.Calendar.Cal;

namespace Minsheng.Domain.Tests.Calendar;

/// <summary>Limits in working hours (特别办), default hours 08:30–12:00 and 14:30–17:30.</summary>
public class WorkingHoursTests
{
    [Theory]
    [InlineData("2026-03-09T08:30", 4, "2026-03-09T15:00")]
    [InlineData("2026-03-09T10:00", 2, "2026-03-09T12:00")]   // ends at the period's end, not at 14:30
    [InlineData("2026-03-09T11:00", 2, "2026-03-09T15:30")]
    [InlineData("2026-03-09T13:00", 1, "2026-03-09T15:30")]   // lunch break: starts at 14:30
    [InlineData("2026-03-09T16:30", 2, "2026-03-10T09:30")]
    [InlineData("2026-03-09T20:00", 1, "2026-03-10T09:30")]
    [InlineData("2026-03-09T06:00", 7, "2026-03-10T09:00")]
    [InlineData("2026-03-06T17:00", 1, "2026-03-09T09:00")]   // Friday evening → Monday
    [InlineData("2026-02-13T16:00", 4, "2026-02-14T11:00")]   // into the make-up Saturday
    [InlineData("2026-02-14T17:00", 1, "2026-02-24T09:00")]   // over 春节
    public void AddWorkingHours(string start, int hours, string due)
    {
        var deadline = National.AddWorkingHours(China(start), hours);
        deadline.Due.ShouldBe(China(due));
        deadline.Due.Offset.ShouldBe(ChinaTime.Offset);
        deadline.Provisional.ShouldBeFalse();
    }

    [Fact]
    public void Hours_into_a_provisional_year_are_provisional()
    {
        var deadline = National.AddWorkingHours(China("2026-12-31T17:00"), 1);
        deadline.ShouldBe(new Deadline(China("2027-01-04T09:00"), Provisional: true));
    }

    [Fact]
    public void Zero_hours_is_the_instant_itself_in_China_time()
    {
        var deadline = National.AddWorkingHours(DateTimeOffset.Parse("2026-03-09T12:00:00Z"), 0);
        deadline.Due.ShouldBe(China("2026-03-09T20:00"));
        deadline.Due.Offset.ShouldBe(ChinaTime.Offset);
    }

    [Fact]
    public void Input_in_another_offset_is_converted() =>
        National.AddWorkingHours(DateTimeOffset.Parse("2026-03-09T01:00:00Z"), 1).Due.ShouldBe(China("2026-03-09T10:00"));

    [Theory]
    [InlineData("2026-03-09T08:00", "2026-03-09T18:00", 6.5)]
    [InlineData("2026-03-09T10:00", "2026-03-09T15:00", 2.5)]
    [InlineData("2026-03-06T17:00", "2026-03-09T09:00", 1)]
    [InlineData("2026-03-07T09:00", "2026-03-08T18:00", 0)]
    [InlineData("2026-02-13T08:30", "2026-02-25T08:30", 19.5)]   // Fri, make-up Sat, Tue 24; 15–23 Feb off
    [InlineData("2026-03-09T18:00", "2026-03-09T08:00", 0)]      // not later: nothing left
    public void WorkingTimeBetween(string from, string to, double hours) =>
        National.WorkingTimeBetween(China(from), China(to)).ShouldBe(TimeSpan.FromHours(hours));

    [Fact]
    public void Configurable_hours()
    {
        var calendar = WorkingCalendar.Create(hours: WorkingHours.Parse("09:00-17:00"));
        calendar.Hours.PerDay.ShouldBe(TimeSpan.FromHours(8));
        calendar.AddWorkingHours(China("2026-03-09T16:00"), 2).Due.ShouldBe(China("2026-03-10T10:00"));
        calendar.WorkingTimeBetween(China("2026-03-09T00:00"), China("2026-03-10T00:00")).ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public void Default_hours_are_six_and_a_half_per_day()
    {
        WorkingHours.Default.PerDay.ShouldBe(TimeSpan.FromHours(6.5));
        WorkingHours.Default.ToString().ShouldBe("08:30-12:00,14:30-17:30");
        WorkingHours.Parse("08:30-12:00, 14:30-17:30").Periods.ShouldBe(WorkingHours.Default.Periods);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12:00-08:30")]
    [InlineData("08:30-12:00,11:00-17:30")]
    [InlineData("14:30-17:30,08:30-12:00")]
    public void Invalid_hours_are_refused(string text) => Should.Throw<ArgumentException>(() => WorkingHours.Parse(text));

    [Fact]
    public void Malformed_hours_are_a_format_error() => Should.Throw<FormatException>(() => WorkingHours.Parse("8点半-12点"));

    [Fact]
    public void Durations_past_2099_are_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => National.AddWorkingTime(China("2026-03-09T10:00"), TimeSpan.MaxValue));

    [Fact]
    public void Negative_hours_are_refused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => National.AddWorkingHours(China("2026-03-09T10:00"), -1));
}
