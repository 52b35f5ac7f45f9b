using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Appeals;

/// <summary>
/// Which appeals the current user may see at all. Unit staff: those dispatched to their subtree (as lead
/// or co-unit). Desk, supervision and leadership roles: their jurisdiction — appeals owned by a county or
/// city within it, or whose region or lead unit lies within it (a city sees its counties, a county never
/// another county). Admins configure the system and see no appeals. Anything outside the scope answers 404, not 403,
/// so ids of other units' appeals cannot be probed.
/// </summary>
public sealed class AppealScope(MinshengDb db, CurrentUser me, UnitTree units)
{
    public bool MaySeeAppeals => me.IsAuthenticated && me.Role != Role.Admin;

    /// <summary>True when the scope is every appeal: a desk, supervision or leadership role over the whole tree.</summary>
    public bool SeesAll => MaySeeAppeals && !me.Role.IsUnitStaff() && me.SeesEverything;

    public IQueryable<Appeal> Visible() => Within(db.Appeals);

    /// <summary>The scope applied to another row source of appeals (statistics read them through a raw SELECT on SQLite).</summary>
    public IQueryable<Appeal> Within(IQueryable<Appeal> source)
    {
        if (!MaySeeAppeals) return source.Where(_ => false);
        if (SeesAll) return source;
        var subtree = units.Subtree(me.UnitId).ToArray();
        if (me.Role.IsUnitStaff())
            return source.Where(a => (a.LeadUnitId != null && subtree.Contains(a.LeadUnitId.Value))
                                     || a.CoUnits.Any(c => subtree.Contains(c.UnitId)));
        // A township's supervisor has a township scope: the appeals of its region or led by its units. Only the
        // staff of a county or city also own what was registered there without a region yet.
        if (me.JurisdictionId != me.UnitId)
            return source.Where(a => (a.RegionUnitId != null && subtree.Contains(a.RegionUnitId.Value))
                                     || (a.LeadUnitId != null && subtree.Contains(a.LeadUnitId.Value)));
        return source.Where(a => (a.JurisdictionId != null && subtree.Contains(a.JurisdictionId.Value))
                                 || (a.RegionUnitId != null && subtree.Contains(a.RegionUnitId.Value))
                                 || (a.LeadUnitId != null && subtree.Contains(a.LeadUnitId.Value)));
    }
}
