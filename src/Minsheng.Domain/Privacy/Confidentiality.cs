using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;

namespace Minsheng.Domain.Privacy;

/// <summary>
/// 信访工作条例: reports must not be passed to those reported on. Decides whether a viewer may see the
/// complainant at all; what they see is still masked until they unmask it with a reason.
/// </summary>
public static class Confidentiality
{
    /// <param name="isWithin">isWithin(unit, ancestor): unit lies in ancestor's subtree (or is it).</param>
    public static bool MaySeeComplainant(Appeal appeal, Role viewerRole, long viewerUnitId, Func<long, long, bool> isWithin)
    {
        if (appeal.SubjectUnitId is { } subject && isWithin(viewerUnitId, subject)) return false;
        // A 举报 whose subject was not recorded: no handling unit may see the whistleblower.
        if (appeal.Type == AppealType.Report && appeal.SubjectUnitId is null && viewerRole.IsUnitStaff()) return false;
        return true;
    }
}
