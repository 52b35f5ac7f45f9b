using Minsheng.Domain.Organization;
using Minsheng.Domain.TimeLimits;

namespace Minsheng.Infrastructure;

/// <summary>Chinese names of the enums the administration pages show.</summary>
public static partial class Labels
{
    public static string UnitKind(UnitKind k) => k switch
    {
        Domain.Organization.UnitKind.County => "县（区）",
        Domain.Organization.UnitKind.City => "市",
        Domain.Organization.UnitKind.Department => "部门",
        Domain.Organization.UnitKind.Township => "乡镇（街道）",
        _ => "村（社区）",
    };

    public static string LimitUnit(LimitUnit u) => u == Domain.TimeLimits.LimitUnit.WorkingDays ? "工作日" : "工作小时";

    /// <summary>The kind of a stored triage model ("category" or "type").</summary>
    public static string TriageModelKind(string kind) => kind == Features.Triage.TriageModelRow.CategoryKind ? "分类" : "性质";
}
