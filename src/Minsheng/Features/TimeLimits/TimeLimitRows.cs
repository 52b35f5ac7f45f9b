namespace Minsheng.Features.TimeLimits;

/// <summary>A key/value setting; the time-limit rules are stored as JSON under one key.</summary>
public sealed class SettingRow
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>An admin's override of one calendar day (a county closure or an extra working day), date as yyyy-MM-dd.</summary>
public sealed class CalendarDayRow
{
    public string Date { get; set; } = "";
    public bool IsWorkingDay { get; set; }
    public string? Name { get; set; }
}
