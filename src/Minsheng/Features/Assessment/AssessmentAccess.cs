using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Assessment;

/// <summary>
/// Who may do what with the assessment. The assessment office (考核办) is a supervisor of the jurisdiction; supervisors,
/// leaders and analysts of a jurisdiction read all of it (a city's read its counties', a county never another county's);
/// unit staff read their own unit's sheet once the draft is out, and rankings once published; a unit head contests.
/// </summary>
public sealed class AssessmentAccess(CurrentUser me, UnitTree units)
{
    public const string ReaderRoles = "Supervisor,Leader,Analyst";
    public const string AllRoles = "Supervisor,Leader,Analyst,UnitHandler,UnitHead";

    public bool IsReaderRole => me.Role is Role.Supervisor or Role.Leader or Role.Analyst;
    public bool IsUnitStaff => me.Role.IsUnitStaff();

    public bool Reads(long jurisdictionId) => IsReaderRole && me.InJurisdiction(jurisdictionId);

    public bool Acts(long jurisdictionId) => me.Role == Role.Supervisor && me.InJurisdiction(jurisdictionId);

    /// <summary>The jurisdiction asked for, or the caller's own; null when it is not a jurisdiction the caller may read.</summary>
    public long? Jurisdiction(long? asked)
    {
        var j = asked ?? me.JurisdictionId;
        if (units.Find(j) is not { } u || !u.Kind.IsJurisdiction()) return null;
        if (IsReaderRole) return me.InJurisdiction(j) ? j : null;
        return IsUnitStaff && j == me.JurisdictionId ? j : null;
    }

    public IReadOnlyList<UnitInfo> Jurisdictions() =>
        IsReaderRole ? units.Jurisdictions().Where(j => me.InJurisdiction(j.Id)).ToList()
        : units.Find(me.JurisdictionId) is { } own ? [own] : [];

    public void RequireOffice(long jurisdictionId)
    {
        if (!Acts(jurisdictionId)) throw new OutOfScopeException("只有本辖区的考核办（督查人员）可以执行此操作。");
    }
}
