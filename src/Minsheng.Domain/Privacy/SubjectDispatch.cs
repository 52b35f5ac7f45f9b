using Minsheng.Domain.Appeals;

namespace Minsheng.Domain.Privacy;

/// <summary>
/// What dispatching needs to know about the unit tree and the dispatcher to keep 信访工作条例's rule that a report
/// is not handed to the unit it is about. The application fills it from its unit tree; without one only the
/// subject unit itself is refused.
/// </summary>
/// <param name="IsWithin">IsWithin(unit, ancestor): unit lies in ancestor's subtree (or is it).</param>
/// <param name="DispatcherAtRoot">The dispatcher works at a root unit (市、县本级) and may override with a reason.</param>
/// <param name="OverrideReason">Why the appeal must go to the unit it is about anyway; recorded in the timeline.</param>
public sealed record SubjectDispatch(Func<long, long, bool> IsWithin, bool DispatcherAtRoot = false, string? OverrideReason = null)
{
    public const int OverrideReasonMax = 500;
    public const string OverrideMark = "【越级派单】";

    public static SubjectDispatch SameUnitOnly { get; } = new((unit, ancestor) => unit == ancestor);

    /// <summary>
    /// The field errors of a dispatch to the subject unit or its subtree, and the note the timeline keeps when a root
    /// dispatcher overrides. No errors and no note when the appeal is about no unit or goes elsewhere.
    /// </summary>
    public (FieldErrors Errors, string? Note) Check(Appeal appeal, long leadUnitId, IEnumerable<long> coUnitIds)
    {
        var errors = new FieldErrors();
        if (appeal.SubjectUnitId is not { } subject) return (errors, null);
        var leadHit = IsWithin(leadUnitId, subject);
        var coHit = coUnitIds.Any(c => IsWithin(c, subject));
        if (!leadHit && !coHit) return (errors, null);

        var reason = OverrideReason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            var how = DispatcherAtRoot ? "确需交其办理的，请填写越级派单理由（overrideReason）。" : "确需交其办理的，须由根单位（市、县本级）派单员填写理由后派出。";
            if (leadHit) errors.Add("leadUnitId", $"主办单位不能是本件的被反映单位或其下属单位：{Kind(appeal)}不得交由被反映单位办理。{how}");
            if (coHit) errors.Add("coUnitIds", $"协办单位不能包含本件的被反映单位或其下属单位：{Kind(appeal)}不得交由被反映单位办理。{how}");
            return (errors, null);
        }
        if (!DispatcherAtRoot) errors.Add("overrideReason", "只有根单位（市、县本级）的派单员可以把诉求越级派给被反映单位。");
        else if (reason.Length > OverrideReasonMax) errors.Add("overrideReason", $"越级派单理由不能超过 {OverrideReasonMax} 个字。");
        return errors.Any ? (errors, null) : (errors, $"{OverrideMark}派给被反映单位{(leadHit ? "（主办）" : "（协办）")}，理由：{reason}");
    }

    private static string Kind(Appeal appeal) => appeal.Type == AppealType.Report ? "举报" : "反映某单位的诉求";
}
