using Minsheng.Domain.Calendar;

namespace Minsheng.Domain.TimeLimits;

/// <summary>The working-day calendar seen through what deadlines need.</summary>
public sealed class CalendarWorkingTime(WorkingCalendar calendar) : IWorkingTime
{
    public WorkingCalendar Calendar => calendar;

    public Deadline AddWorkingDays(DateTimeOffset from, int days) => calendar.AddWorkingDays(from, days);

    public Deadline AddWorkingHours(DateTimeOffset from, int hours) => calendar.AddWorkingHours(from, hours);

    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to) => calendar.WorkingTimeBetween(from, to);

    /// <summary>Walks back through the working periods of working days until the span is used up.</summary>
    public DateTimeOffset BeforeByWorkingTime(DateTimeOffset deadline, TimeSpan span)
    {
        var local = ChinaTime.ToChina(deadline);
        var day = DateOnly.FromDateTime(local.DateTime);
        var left = span;
        for (var guard = 0; guard < 3660; guard++, day = day.AddDays(-1))
        {
            if (!calendar.IsWorkingDay(day)) continue;
            foreach (var (start, end) in calendar.Hours.Periods.Reverse())
            {
                var periodStart = ChinaTime.At(day, start);
                var periodEnd = ChinaTime.At(day, end);
                if (periodStart >= deadline) continue;
                var usable = (periodEnd < deadline ? periodEnd : deadline) - periodStart;
                if (usable >= left) return (periodEnd < deadline ? periodEnd : deadline) - left;
                left -= usable;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(span), span, "Working time span too long.");
    }

    public DateTimeOffset NextWorkingDayStart(DateTimeOffset after)
    {
        var day = ChinaTime.DateOf(after).AddDays(1);
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return ChinaTime.At(day, calendar.Hours.Periods[0].Start);
    }
}
