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
    public static bool MaySeeComplainant(Appeal appeal, Role viewerRole, long viewerUnitId, Func<long, long, bool> isWithin) =>
        MaySeeComplainant(appeal.Type, appeal.SubjectUnitId, viewerRole, viewerUnitId, isWithin);

    /// <summary>The same rule on the two fields it reads, for lists that load only some columns of an appeal.</summary>
    public static bool MaySeeComplainant(AppealType type, long? subjectUnitId, Role viewerRole, long viewerUnitId, Func<long, long, bool> isWithin)
    {
        if (subjectUnitId is { } subject && isWithin(viewerUnitId, subject)) return false;
        // A 举报 whose subject was not recorded: no handling unit may see the whistleblower.
        if (type == AppealType.Report && subjectUnitId is null && viewerRole.IsUnitStaff()) return false;
        return true;
    }

    /// <summary>
    /// How much of the personal data in an appeal's free text a viewer gets: removed where the complainant is withheld,
    /// masked by default, as written only after a logged 查阅.
    /// </summary>
    public static TextExposure TextExposureFor(bool maySeeComplainant, bool unmasked) =>
        !maySeeComplainant ? TextExposure.Removed : unmasked ? TextExposure.Original : TextExposure.Masked;
}
