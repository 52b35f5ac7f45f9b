namespace Minsheng.Domain.Calendar;

/// <summary>
/// The Chinese working-day calendar (工作日历) for time limits, immutable and safe to share between threads.
/// Each day's status is decided once, at construction, in this order (later wins):
/// Monday–Friday work and weekends rest → for a year without a loaded notice, the provisional statutory
/// holidays (<see cref="StatutoryHolidays.DaysOff"/>) → the State Council notices (holiday-cn data) → the
/// admins' <see cref="CalendarOverride"/>s.
/// <para>
/// Conventions (all in China Standard Time, +08:00, whatever offset the caller passes):
/// N working days from an instant end at the close of the Nth working day strictly after the instant's day
/// (《民法典》第二百零一条: the starting day is not counted). Whether that day is a working day does not matter,
/// so a Saturday submission + 1 day ends with the first working day after it, as does a Friday one.
/// "Close" is 23:59:59.9999999 of that day: the deadline is the last instant still on time.
/// </para>
/// <para>
/// Cost: construction is O(days in range) ≈ 36,500 days and ~300 KB; after that <see cref="IsWorkingDay"/>,
/// <see cref="AddWorkingDays"/>, <see cref="AddWorkingTime"/> and <see cref="WorkingTimeBetween"/> are O(1)
/// (plus a loop over the few years a deadline spans for the provisional flag). Build a calendar when the
/// overrides change and reuse it.
/// </para>
/// </summary>
public sealed partial class WorkingCalendar
{
    public static readonly DateOnly FirstDate = new(StatutoryHolidays.FirstYear, 1, 1);
    public static readonly DateOnly LastDate = new(StatutoryHolidays.LastYear, 12, 31);

    private static readonly Lazy<WorkingCalendar> Shared = new(() => Create());

    private readonly bool[] _working;            // by day index (days since FirstDate)
    private readonly int[] _workingBefore;       // [i] = number of working days with index < i; length days + 1
    private readonly int[] _workingDays;         // [k] = day index of the k-th working day (0-based)
    private readonly bool[] _provisionalYear;    // by year - FirstYear
    private readonly Dictionary<DateOnly, string> _names = new();

    /// <summary>The national calendar from the embedded data, without overrides, with default working hours.</summary>
    public static WorkingCalendar Default => Shared.Value;

    public WorkingHours Hours { get; }
    public IReadOnlyList<CalendarOverride> Overrides { get; }

    /// <summary>The embedded national data plus a county's overrides.</summary>
    public static WorkingCalendar Create(IEnumerable<CalendarOverride>? overrides = null, WorkingHours? hours = null) =>
        new(HolidayDataSet.Default, overrides ?? [], hours ?? WorkingHours.Default);

    public WorkingCalendar(HolidayDataSet data, IEnumerable<CalendarOverride> overrides, WorkingHours hours)
    {
        Hours = hours;
        Overrides = Validate(overrides);
        var count = LastDate.DayNumber - FirstDate.DayNumber + 1;
        _working = new bool[count];
        for (var i = 0; i < count; i++) _working[i] = !StatutoryHolidays.IsWeekend(DateAt(i));

        _provisionalYear = new bool[StatutoryHolidays.LastYear - StatutoryHolidays.FirstYear + 1];
        for (var year = StatutoryHolidays.FirstYear; year <= StatutoryHolidays.LastYear; year++)
        {
            if (data.NoticeYears.Contains(year)) continue;
            _provisionalYear[year - StatutoryHolidays.FirstYear] = true;
            foreach (var day in StatutoryHolidays.DaysOff(year)) Set(day.Date, false, day.Name);
        }
        // Notice days also land in a provisional year when a neighbour's notice names them; they are official.
        foreach (var day in data.Days.Values.Where(d => d.Date >= FirstDate && d.Date <= LastDate))
            Set(day.Date, !day.IsOffDay, day.Name);
        foreach (var o in Overrides) Set(o.Date, o.IsWorkingDay, o.Name);

        _workingBefore = new int[count + 1];
        for (var i = 0; i < count; i++) _workingBefore[i + 1] = _workingBefore[i] + (_working[i] ? 1 : 0);
        _workingDays = new int[_workingBefore[count]];
        for (int i = 0, k = 0; i < count; i++)
            if (_working[i]) _workingDays[k++] = i;
    }

    /// <summary>True when the State Council notice for the year is not loaded and its holidays are only inferred.</summary>
    public bool IsProvisional(int year)
    {
        if (year is < StatutoryHolidays.FirstYear or > StatutoryHolidays.LastYear) throw OutOfRange(nameof(year));
        return _provisionalYear[year - StatutoryHolidays.FirstYear];
    }

    public bool IsWorkingDay(DateOnly date) => _working[Index(date)];

    /// <summary>The day's status and, for a holiday, make-up day or override, its name (e.g. 春节, 国庆节).</summary>
    public CalendarDay Describe(DateOnly date) =>
        new(date, IsWorkingDay(date), _names.GetValueOrDefault(date), IsProvisional(date.Year));

    /// <summary>
    /// The close (23:59:59.9999999+08:00) of the <paramref name="days"/>-th working day after the instant's day.
    /// Provisional when any counted day lies in a provisional year.
    /// </summary>
    public Deadline AddWorkingDays(DateTimeOffset instant, int days)
    {
        if (days < 1) throw new ArgumentOutOfRangeException(nameof(days), days, "工作日数必须是正整数。");
        var start = Index(ChinaTime.DateOf(instant));
        var due = DateAt(WorkingDay(_workingBefore[start + 1] + (long)days - 1));
        return new Deadline(ChinaTime.EndOfDay(due), AnyProvisional(DateAt(start + 1), due));
    }

    private void Set(DateOnly date, bool working, string? name)
    {
        _working[Index(date)] = working;
        if (string.IsNullOrWhiteSpace(name)) _names.Remove(date);
        else _names[date] = name.Trim();
    }

    private bool AnyProvisional(DateOnly from, DateOnly to)
    {
        for (var year = from.Year; year <= to.Year; year++)
            if (IsProvisional(year)) return true;
        return false;
    }

    private static int Index(DateOnly date)
    {
        if (date < FirstDate || date > LastDate) throw OutOfRange(nameof(date));
        return date.DayNumber - FirstDate.DayNumber;
    }

    private static DateOnly DateAt(int index) => FirstDate.AddDays(index);

    /// <summary>The day index of the k-th working day (0-based) of the whole range.</summary>
    private int WorkingDay(long k) => k < _workingDays.Length ? _workingDays[k] : throw OutOfRange("instant");

    private static ArgumentOutOfRangeException OutOfRange(string param) =>
        new(param, $"超出工作日历支持的范围（{StatutoryHolidays.FirstYear}—{StatutoryHolidays.LastYear} 年）。");

    private static IReadOnlyList<CalendarOverride> Validate(IEnumerable<CalendarOverride> overrides)
    {
        var list = overrides.ToList();
        var errors = new FieldErrors();
        foreach (var o in list)
        {
            if (o.Date < FirstDate || o.Date > LastDate)
                errors.Add("overrides", $"{o.Date:yyyy-MM-dd} 超出工作日历支持的范围（{StatutoryHolidays.FirstYear}—{StatutoryHolidays.LastYear} 年）。");
        }
        foreach (var dup in list.GroupBy(o => o.Date).Where(g => g.Count() > 1))
            errors.Add("overrides", $"{dup.Key:yyyy-MM-dd} 有多条调整，只能保留一条。");
        errors.ThrowIfAny();
        return list.AsReadOnly();
    }
}
