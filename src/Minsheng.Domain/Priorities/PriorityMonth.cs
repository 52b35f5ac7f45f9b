using System.Globalization;

namespace Minsheng.Domain.Priorities;

/// <summary>A calendar month ("yyyy-MM"), the unit of 每月一题 and of its before/after volume.</summary>
public readonly record struct PriorityMonth(int Year, int Month) : IComparable<PriorityMonth>
{
    public static bool TryParse(string? text, out PriorityMonth month)
    {
        month = default;
        if (text is null || !DateTime.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        month = new PriorityMonth(d.Year, d.Month);
        return true;
    }

    public static PriorityMonth Parse(string text) =>
        TryParse(text, out var m) ? m : throw new FormatException($"Not a yyyy-MM month: {text}");

    public static PriorityMonth Of(DateOnly day) => new(day.Year, day.Month);

    public PriorityMonth AddMonths(int n)
    {
        var index = Year * 12 + (Month - 1) + n;
        return new PriorityMonth(index / 12, index % 12 + 1);
    }

    public DateOnly FirstDay => new(Year, Month, 1);

    public int CompareTo(PriorityMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(PriorityMonth a, PriorityMonth b) => a.CompareTo(b) < 0;
    public static bool operator >(PriorityMonth a, PriorityMonth b) => a.CompareTo(b) > 0;
    public static bool operator <=(PriorityMonth a, PriorityMonth b) => a.CompareTo(b) <= 0;
    public static bool operator >=(PriorityMonth a, PriorityMonth b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
