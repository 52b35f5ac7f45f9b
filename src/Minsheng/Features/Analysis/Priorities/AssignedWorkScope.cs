using Minsheng.Domain.Organization;
using Minsheng.Domain.Priorities;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.Priorities;

internal static class AssignedWorkScope
{
    /// <summary>
    /// What the caller sees of a jurisdiction's assigned work: unit staff what their unit (subtree) leads; analysts,
    /// leaders and supervisors what their jurisdiction (a city: with its counties) gave out; everyone else nothing.
    /// </summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> rows, CurrentUser me, UnitTree units) where T : class, IAssignedWork
    {
        if (me.Role.IsUnitStaff())
        {
            var mine = units.Subtree(me.UnitId).ToArray();
            return rows.Where(p => mine.Contains(p.LeadUnitId));
        }
        if (me.Role is Role.Analyst or Role.Leader or Role.Supervisor)
        {
            var jurisdiction = units.Subtree(me.JurisdictionId).ToArray();
            return rows.Where(p => jurisdiction.Contains(p.JurisdictionId));
        }
        return rows.Where(_ => false);
    }
}
