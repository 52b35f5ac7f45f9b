namespace Minsheng.Domain.Calendar;

/// <summary>
/// China Standard Time is UTC+8 all year (no daylight saving since 1991), so a fixed offset is exact and we
/// need no time-zone database, which differs between Linux and Windows.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The same instant, expressed at +08:00.</summary>
    public static DateTimeOffset ToChina(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The calendar day in China on which the instant falls.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToChina(instant).DateTime);

    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);

    /// <summary>The last representable instant of a China day: 23:59:59.9999999+08:00.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) => At(date, TimeOnly.MaxValue);
}
