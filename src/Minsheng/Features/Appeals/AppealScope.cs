using System.Linq.Expressions;
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
    /// <summary>Set by <see cref="OfJurisdiction"/>: the scope is that jurisdiction's, whoever is signed in.</summary>
    private long? _jurisdiction;

    /// <summary>
    /// The appeals of one jurisdiction exactly as its own desk, analysts and leaders see them. A report, a hot-topic run
    /// or a 每月一题 count is about a jurisdiction, not about whoever happens to start it (a background job has no user,
    /// a city analyst may write one county's report).
    /// </summary>
    public AppealScope OfJurisdiction(long jurisdictionId) => new(db, me, units) { _jurisdiction = jurisdictionId };

    /// <summary>
    /// The one definition of "the appeals of a jurisdiction": owned by a county or city desk within its subtree, or whose
    /// region or lead unit lies within it. <paramref name="subtree"/> is the jurisdiction's unit and every unit below it.
    /// </summary>
    public static Expression<Func<Appeal, bool>> InJurisdiction(long[] subtree) =>
        a => (a.JurisdictionId != null && subtree.Contains(a.JurisdictionId.Value))
             || (a.RegionUnitId != null && subtree.Contains(a.RegionUnitId.Value))
             || (a.LeadUnitId != null && subtree.Contains(a.LeadUnitId.Value));

    public bool MaySeeAppeals => _jurisdiction is not null || (me.IsAuthenticated && me.Role != Role.Admin);

    /// <summary>True when the scope is every appeal: a desk, supervision or leadership role over the whole tree.</summary>
    public bool SeesAll => _jurisdiction is null && MaySeeAppeals && !me.Role.IsUnitStaff() && me.SeesEverything;

    public IQueryable<Appeal> Visible() => Within(db.Appeals);

    /// <summary>The scope applied to another row source of appeals (statistics read them through a raw SELECT on SQLite).</summary>
    public IQueryable<Appeal> Within(IQueryable<Appeal> source)
    {
        var (kind, subtree) = Rule();
        return kind switch
        {
            ScopeKind.None => source.Where(_ => false),
            ScopeKind.All => source,
            ScopeKind.Units => source.Where(a => (a.LeadUnitId != null && subtree.Contains(a.LeadUnitId.Value))
                                                 || a.CoUnits.Any(c => subtree.Contains(c.UnitId))),
            ScopeKind.Township => source.Where(a => (a.RegionUnitId != null && subtree.Contains(a.RegionUnitId.Value))
                                                    || (a.LeadUnitId != null && subtree.Contains(a.LeadUnitId.Value))),
            _ => source.Where(InJurisdiction(subtree)),
        };
    }

    /// <summary>
    /// The scope as data, so that other row sources keyed by the same unit ids (the statistics' daily facts) apply
    /// exactly the predicate <see cref="Within"/> applies. Subtree is empty for None and All.
    /// </summary>
    public (ScopeKind Kind, long[] Subtree) Rule()
    {
        // The top of the tree sees every appeal, also those registered without any unit yet, as its own desk does.
        if (_jurisdiction is { } fixedJurisdiction)
            return units.CoversAll(fixedJurisdiction) ? (ScopeKind.All, []) : (ScopeKind.Jurisdiction, units.Subtree(fixedJurisdiction).ToArray());
        if (!MaySeeAppeals) return (ScopeKind.None, []);
        if (SeesAll) return (ScopeKind.All, []);
        var subtree = units.Subtree(me.UnitId).ToArray();
        if (me.Role.IsUnitStaff()) return (ScopeKind.Units, subtree);
        // A township's supervisor has a township scope: the appeals of its region or led by its units. Only the
        // staff of a county or city also own what was registered there without a region yet.
        return (me.JurisdictionId != me.UnitId ? ScopeKind.Township : ScopeKind.Jurisdiction, subtree);
    }
}

/// <summary>
/// The shapes a caller's scope takes: nothing; everything; unit staff (lead or co-unit within the subtree);
/// a township (region or lead within); a jurisdiction (owner, region or lead within).
/// </summary>
public enum ScopeKind { None, All, Units, Township, Jurisdiction }
