using Minsheng.Domain.Organization;
using Minsheng.Domain.TimeLimits;

namespace Minsheng.Infrastructure;

/// <summary>Chinese names of the enums the administration pages show.</summary>
public static partial class Labels
{
    public static string LimitUnit(LimitUnit u) => u == Domain.TimeLimits.LimitUnit.WorkingDays ? "工作日" : "工作小时";

    /// <summary>The kind of a stored triage model ("category" or "type").</summary>
    public static string TriageModelKind(string kind) => kind == Features.Triage.TriageModelRow.CategoryKind ? "分类" : "性质";
}
