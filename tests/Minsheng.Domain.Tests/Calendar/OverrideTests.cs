using Minsheng.Domain.Calendar;
using static Minsheng.Domain.Tests.Calendar.Cal;

namespace Minsheng.Domain.Tests.Calendar;

/// <summary>A county's own closures and extra working days, applied on top of the national calendar.</summary>
public class OverrideTests
{
    [Fact]
    public void A_county_closure_pushes_the_deadline()
    {
        var county = WorkingCalendar.Create([new CalendarOverride(D("2026-03-10"), false, "县城停电停工")]);
        county.AddWorkingDays(China("2026-03-09T10:00"), 1).ShouldCloseOn("2026-03-11");
        county.Describe(D("2026-03-10")).ShouldBe(new CalendarDay(D("2026-03-10"), false, "县城停电停工", false));
    }

    [Fact]
    public void A_working_weekend_or_holiday_counts()
    {
        var county = WorkingCalendar.Create([
            new CalendarOverride(D("2026-03-07"), true, "防汛值班"),
            new CalendarOverride(D("2026-10-05"), true, "防汛值班"),
        ]);
        county.AddWorkingDays(China("2026-03-06T10:00"), 1).ShouldCloseOn("2026-03-07");
        county.AddWorkingDays(China("2026-09-30T10:00"), 1).ShouldCloseOn("2026-10-05");
        county.AddWorkingHours(China("2026-03-06T17:00"), 1).Due.ShouldBe(China("2026-03-07T09:00"));
    }

    [Fact]
    public void The_national_calendar_is_not_changed()
    {
        WorkingCalendar.Create([new CalendarOverride(D("2026-03-10"), false, "县城停电停工")]);
        WorkingCalendar.Default.IsWorkingDay(D("2026-03-10")).ShouldBeTrue();
        WorkingCalendar.Default.Overrides.ShouldBeEmpty();
    }

    [Fact]
    public void An_override_in_a_provisional_year_leaves_the_year_provisional()
    {
        var county = WorkingCalendar.Create([new CalendarOverride(D("2027-01-04"), false, "县里放假")]);
        var deadline = county.AddWorkingDays(China("2026-12-31T10:00"), 1);
        deadline.ShouldCloseOn("2027-01-05");
        deadline.Provisional.ShouldBeTrue();
    }

    [Fact]
    public void Overrides_are_validated_together()
    {
        var error = Should.Throw<DomainValidationException>(() => WorkingCalendar.Create([
            new CalendarOverride(D("2026-03-10"), false, "停工"),
            new CalendarOverride(D("2026-03-10"), true, "上班"),
            new CalendarOverride(D("2100-01-04"), false, "停工"),
        ]));
        error.Errors["overrides"].Length.ShouldBe(2);
        error.Errors["overrides"].ShouldContain("2026-03-10 有多条调整，只能保留一条。");
    }

    [Fact]
    public void A_blank_name_leaves_the_day_unnamed()
    {
        var county = WorkingCalendar.Create([new CalendarOverride(D("2026-02-16"), true, " ")]);
        county.Describe(D("2026-02-16")).ShouldBe(new CalendarDay(D("2026-02-16"), true, null, false));
    }
}
