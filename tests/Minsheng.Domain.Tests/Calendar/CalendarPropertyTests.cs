using FsCheck;
using FsCheck.Fluent;
using Minsheng.Domain.Calendar;

namespace Minsheng.Domain.Tests.Calendar;

/// <summary>
/// Properties over random instants 2020–2028 (notices, make-up days and the provisional 2027–2028), checked
/// partly against naive day-by-day oracles built only on <see cref="WorkingCalendar.IsWorkingDay"/>.
/// </summary>
public class CalendarPropertyTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Default;
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly DateOnly From = new(2020, 1, 1);

    /// <summary>Any instant 2020–2028 to the second, given in a random offset to exercise the conversion.</summary>
    private static readonly Arbitrary<DateTimeOffset> Instants = Arb.From(
        from day in Gen.Choose(0, 9 * 365)
        from second in Gen.Choose(0, 86_399)
        from offsetHours in Gen.Choose(-12, 14)
        select ChinaTime.At(From.AddDays(day), TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(second)))
            .ToOffset(TimeSpan.FromHours(offsetHours)));

    private static readonly Arbitrary<int> Days = Arb.From(Gen.Choose(1, 60));
    private static readonly Arbitrary<(int, int)> TwoDays = Arb.From(
        from n in Gen.Choose(1, 60) from m in Gen.Choose(1, 60) select (n, m));

    /// <summary>Whole minutes up to about a month of working time.</summary>
    private static readonly Arbitrary<TimeSpan> Durations = Arb.From(Gen.Choose(0, 30 * 390).Select(m => TimeSpan.FromMinutes(m)));

    private static void Check(Property property) => FsCheck.Check.One(Runs, property);

    [Fact]
    public void Adding_n_then_m_days_equals_adding_n_plus_m() => Check(Prop.ForAll(Instants, Days, Days, (a, n, m) =>
        Calendar.AddWorkingDays(Calendar.AddWorkingDays(a, n).Due, m) == Calendar.AddWorkingDays(a, n + m)));

    [Fact]
    public void A_deadline_closes_a_working_day() => Check(Prop.ForAll(Instants, Days, (a, n) =>
    {
        var due = Calendar.AddWorkingDays(a, n).Due;
        return Calendar.IsWorkingDay(DateOnly.FromDateTime(due.DateTime)) && due == ChinaTime.EndOfDay(DateOnly.FromDateTime(due.DateTime));
    }));

    [Fact]
    public void Exactly_n_working_days_lie_after_the_starting_day_up_to_the_deadline() =>
        Check(Prop.ForAll(Instants, Days, (a, n) =>
        {
            var start = ChinaTime.DateOf(a);
            var end = DateOnly.FromDateTime(Calendar.AddWorkingDays(a, n).Due.DateTime);
            var counted = 0;
            for (var d = start.AddDays(1); d <= end; d = d.AddDays(1))
                if (Calendar.IsWorkingDay(d)) counted++;
            return counted == n;
        }));

    [Fact]
    public void Deadlines_are_monotone() => Check(Prop.ForAll(Instants, Instants, TwoDays, (a, b, nm) =>
    {
        var (n, m) = nm;
        var (early, late) = a <= b ? (a, b) : (b, a);
        var (few, many) = n <= m ? (n, m) : (m, n);
        return Calendar.AddWorkingDays(early, few).Due <= Calendar.AddWorkingDays(late, few).Due
            && Calendar.AddWorkingDays(early, few).Due <= Calendar.AddWorkingDays(early, many).Due
            && (few == many || Calendar.AddWorkingDays(early, few).Due < Calendar.AddWorkingDays(early, many).Due);
    }));

    [Fact]
    public void Provisional_exactly_when_a_counted_year_has_no_notice() => Check(Prop.ForAll(Instants, Days, (a, n) =>
    {
        var deadline = Calendar.AddWorkingDays(a, n);
        var first = ChinaTime.DateOf(a).AddDays(1).Year;
        var expected = Enumerable.Range(first, deadline.Due.Year - first + 1).Any(Calendar.IsProvisional);
        return deadline.Provisional == expected;
    }));

    [Fact]
    public void Working_time_between_an_instant_and_h_later_is_h() => Check(Prop.ForAll(Instants, Durations, (a, h) =>
        Calendar.WorkingTimeBetween(a, Calendar.AddWorkingTime(a, h).Due) == h));

    [Fact]
    public void Adding_hours_gives_the_earliest_instant_inside_working_hours() => Check(Prop.ForAll(Instants, Durations, (a, h) =>
    {
        var due = Calendar.AddWorkingTime(a, h).Due;
        if (h == TimeSpan.Zero) return due == a;
        var time = TimeOnly.FromDateTime(due.DateTime);
        return Calendar.IsWorkingDay(DateOnly.FromDateTime(due.DateTime))
            && Calendar.Hours.Periods.Any(p => time > p.Start && time <= p.End)
            && Calendar.WorkingTimeBetween(a, due.AddTicks(-1)) < h;
    }));

    [Fact]
    public void Adding_h1_then_h2_equals_adding_h1_plus_h2() => Check(Prop.ForAll(Instants, Durations, Durations, (a, h1, h2) =>
        Calendar.AddWorkingTime(Calendar.AddWorkingTime(a, h1).Due, h2) == Calendar.AddWorkingTime(a, h1 + h2)));

    [Fact]
    public void Working_time_between_is_additive() => Check(Prop.ForAll(Instants, Durations, Durations, (a, h1, h2) =>
    {
        var b = a.Add(h1);
        var c = b.Add(h2);
        return Calendar.WorkingTimeBetween(a, b) + Calendar.WorkingTimeBetween(b, c) == Calendar.WorkingTimeBetween(a, c);
    }));

    [Fact]
    public void Working_time_between_matches_a_day_by_day_sum() => Check(Prop.ForAll(Instants, Arb.From(Gen.Choose(0, 20 * 1440)), (a, minutes) =>
    {
        var b = a.AddMinutes(minutes);
        return Calendar.WorkingTimeBetween(a, b) == NaiveWorkingTime(a, b) && Calendar.WorkingTimeBetween(b, a) == TimeSpan.Zero;
    }));

    /// <summary>Overlap of [a, b) with each working period of each working day, one day at a time.</summary>
    private static TimeSpan NaiveWorkingTime(DateTimeOffset a, DateTimeOffset b)
    {
        var total = TimeSpan.Zero;
        for (var d = ChinaTime.DateOf(a); d <= ChinaTime.DateOf(b); d = d.AddDays(1))
        {
            if (!Calendar.IsWorkingDay(d)) continue;
            foreach (var (start, end) in Calendar.Hours.Periods)
            {
                var from = Max(a, ChinaTime.At(d, start));
                var to = Min(b, ChinaTime.At(d, end));
                if (to > from) total += to - from;
            }
        }
        return total;
    }

    private static DateTimeOffset Max(DateTimeOffset x, DateTimeOffset y) => x > y ? x : y;
    private static DateTimeOffset Min(DateTimeOffset x, DateTimeOffset y) => x < y ? x : y;
}
