namespace Minsheng.Infrastructure.Web;

/// <summary>
/// Dates people may type into a form. Outside these years a date is a typo, and near year 1 converting China
/// time to UTC would overflow DateTimeOffset (a 500 instead of a field error).
/// </summary>
public static class DateBounds
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const string Message = "日期应在 2000 年至 2100 年之间。";

    public static bool Sane(DateOnly date) => date.Year is >= FirstYear and <= LastYear;

    public static bool Sane(DateTime date) => date.Year is >= FirstYear and <= LastYear;
}
