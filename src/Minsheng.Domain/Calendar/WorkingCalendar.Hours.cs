namespace Minsheng.Domain.Calendar;

/// <summary>
/// Limits counted in working hours (特别办). Working time only runs inside <see cref="Hours"/> on working days.
/// Both operations go through one coordinate: the working time elapsed from the start of the calendar's range
/// to an instant, i.e. (working days before its day) × hours per day + the working time of its own day before
/// it. The coordinate never decreases, so "between" is a difference and "add" its inverse, each O(1).
/// </summary>
public sealed partial class WorkingCalendar
{
    /// <summary>Whole working hours; see <see cref="AddWorkingTime"/>.</summary>
    public Deadline AddWorkingHours(DateTimeOffset instant, int hours)
    {
        if (hours < 0) throw new ArgumentOutOfRangeException(nameof(hours), hours, "工作小时数不能为负。");
        return AddWorkingTime(instant, TimeSpan.FromHours(hours));
    }

    /// <summary>
    /// The earliest instant by which <paramref name="duration"/> of working time has passed since
    /// <paramref name="instant"/>. An instant outside working hours starts at the next working period; a total
    /// that ends exactly at a period's end gives that end (12:00 or 17:30), not the next start.
    /// A zero duration gives the instant itself.
    /// </summary>
    public Deadline AddWorkingTime(DateTimeOffset instant, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "工作时长不能为负。");
        var from = Coordinate(instant, out var start);
        var local = ChinaTime.ToChina(instant);
        if (duration == TimeSpan.Zero) return new Deadline(local, IsProvisional(DateAt(start).Year));

        var perDay = Hours.PerDay.Ticks;
        if (duration.Ticks / perDay > _workingDays.Length) throw OutOfRange(nameof(duration));
        var target = from + duration.Ticks;                  // > 0, and cannot overflow after the check above
        var k = (target - 1) / perDay;                       // the working day (0-based) in which target is reached
        var date = DateAt(WorkingDay(k));
        var due = ChinaTime.At(date, Hours.TimeAfter(new TimeSpan(target - k * perDay)));
        return new Deadline(due, AnyProvisional(DateAt(start), date));
    }

    /// <summary>
    /// Working time between two instants: the part of [from, to) inside working hours of working days.
    /// Zero when <paramref name="to"/> is not after <paramref name="from"/> (time left before a passed deadline);
    /// for how far a deadline is overrun, swap the arguments.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to) =>
        new(Math.Max(0, Coordinate(to, out _) - Coordinate(from, out _)));

    private long Coordinate(DateTimeOffset instant, out int index)
    {
        var local = ChinaTime.ToChina(instant).DateTime;
        index = Index(DateOnly.FromDateTime(local));
        var ticks = _workingBefore[index] * Hours.PerDay.Ticks;
        if (_working[index]) ticks += Hours.WorkedBefore(TimeOnly.FromDateTime(local)).Ticks;
        return ticks;
    }
}
