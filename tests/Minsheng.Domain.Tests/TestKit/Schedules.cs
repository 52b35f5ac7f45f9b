using Minsheng.Domain.Calendar;
using Minsheng.Domain.TimeLimits;

namespace Minsheng.Domain.Tests.TestKit;

/// <summary>
/// The deadline schedule the domain requires for every action that sets or checks a time limit: the default
/// policies and rules on the working-day calendar of the embedded holiday data with the default office hours,
/// so every test computes the same deadlines (T0, 2025-03-03, is an ordinary working Monday).
/// </summary>
public static class Schedules
{
    public static readonly DeadlineSchedule Default = With(new TimeLimitRules());

    public static DeadlineSchedule With(TimeLimitRules rules) =>
        new(new PolicySet(PolicySet.Defaults(DateTimeOffset.UnixEpoch)), new CalendarWorkingTime(WorkingCalendar.Create()), rules);
}
