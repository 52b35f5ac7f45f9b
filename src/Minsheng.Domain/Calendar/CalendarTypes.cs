namespace Minsheng.Domain.Calendar;

/// <summary>
/// An admin's correction of one day, applied on top of the State Council data: a county's own closure
/// (<c>IsWorkingDay = false</c>) or a day it works although the national calendar rests. A blank name is
/// allowed and leaves the day unnamed.
/// </summary>
public sealed record CalendarOverride(DateOnly Date, bool IsWorkingDay, string Name);

/// <summary>What the calendar says about one day. <see cref="Name"/> is null for an ordinary weekday or weekend.</summary>
public sealed record CalendarDay(DateOnly Date, bool IsWorkingDay, string? Name, bool Provisional);

/// <summary>
/// A computed time limit. <see cref="Due"/> is in China Standard Time (+08:00) and is the last instant that is
/// still on time: a limit counted in days ends at 23:59:59.9999999 of its last day, so "overdue" is
/// <c>now &gt; Due</c>. <see cref="Provisional"/> is true when the counted span touches a year whose
/// State Council holiday notice is not loaded, so the date may move once the notice is published.
/// </summary>
public readonly record struct Deadline(DateTimeOffset Due, bool Provisional);
