using Minsheng.Domain.Calendar;

namespace Minsheng.Domain.Tests.Calendar;

/// <summary>Short helpers: instants in China time and the day a deadline closes.</summary>
internal static class Cal
{
    public static WorkingCalendar National => WorkingCalendar.Default;

    /// <summary>"2026-02-13T10:00" as China time.</summary>
    public static DateTimeOffset China(string local) =>
        new(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), ChinaTime.Offset);

    public static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The deadline must be the close (23:59:59.9999999+08:00) of <paramref name="date"/>.</summary>
    public static void ShouldCloseOn(this Deadline deadline, string date)
    {
        deadline.Due.ShouldBe(ChinaTime.EndOfDay(D(date)));
        deadline.Due.Offset.ShouldBe(ChinaTime.Offset);
    }
}
