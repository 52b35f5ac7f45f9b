using Minsheng.Domain.Organization;
using Minsheng.Domain.TimeLimits;

namespace Minsheng.Pages.Admin;

/// <summary>Chinese names of the enums only the admin pages show.</summary>
public static class AdminLabels
{
    public static string Kind(UnitKind k) => k switch
    {
        UnitKind.County => "县（区）",
        UnitKind.City => "市",
        UnitKind.Department => "部门",
        UnitKind.Township => "乡镇（街道）",
        _ => "村（社区）",
    };

    public static string LimitUnit(LimitUnit u) => u == Domain.TimeLimits.LimitUnit.WorkingDays ? "工作日" : "工作小时";

    public static string Stage(Stage s) => DeadlineWatch.Label(s);

    /// <summary>A unit in a select, indented under its parent with ideographic spaces.</summary>
    public static string Indented(Infrastructure.UnitInfo u) => new string('\u3000', Math.Max(0, u.Path.Count(c => c == '/') - 2)) + u.Name;
}
