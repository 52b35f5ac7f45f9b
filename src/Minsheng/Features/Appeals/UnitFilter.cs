using Minsheng.Data;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Appeals;

/// <summary>
/// The list's unit filter: appeals a unit leads or co-handles, as two branches — led (the lead_unit_id index) and
/// co-handled (the co-unit index, a few hundred appeals) — of one <c>UNION ALL</c>. An appeal both led and co-handled
/// by the unit is in the led branch only, so the rows are those of the single filter.
/// <para>
/// Written as <c>lead_unit_id = u OR EXISTS (co-unit u)</c> under the scope's OR no engine finds an index path (651 ms
/// at 1,000,000 appeals); as <c>id IN (led UNION ALL co-handled)</c> the page fetched and sorted all of the unit's
/// ~13,500 rows by created_at (286 ms). PostgreSQL 15 does not merge the branches of a UNION ALL in order (it sorts
/// their union), so a page is asked id-first (<see cref="NewestPage"/>): each branch gives its own newest
/// <c>skip + take</c> — the led ones straight from the <c>(lead_unit_id, created_at, id)</c> index of migration 028,
/// which also carries the scope's columns so neither the page nor the bounded count visits rows out of scope — and
/// the page is cut from those. Same rows, same order.
/// </para>
/// </summary>
public static class UnitFilter
{
    /// <summary>All matching appeals (for the bounded count); <paramref name="query"/> carries every other filter.</summary>
    public static IQueryable<Appeal> LeadOrCoUnit(IQueryable<Appeal> query, long unitId, MinshengDb db) =>
        Led(query, unitId).Concat(CoHandled(query, unitId, db));

    /// <summary>One page of the list's order (newest first): the page is among each branch's newest skip + take.</summary>
    public static IQueryable<Appeal> NewestPage(IQueryable<Appeal> query, long unitId, MinshengDb db, int skip, int take) =>
        Newest(Led(query, unitId)).Take(skip + take)
            .Concat(Newest(CoHandled(query, unitId, db)).Take(skip + take))
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(skip).Take(take);

    /// <summary>
    /// The bounded count (AppealCount) of the two branches one after the other: the led one from the index alone
    /// (it carries the scope's columns), stopping at the cap; the co-handled one only when the led ones fall short.
    /// Counted as one ordered union, PostgreSQL would read and sort every row of both (0.5 s for a unit with 13,500).
    /// </summary>
    public static async Task<(int Total, bool Capped)> BoundedCountAsync(IQueryable<Appeal> query, long unitId, MinshengDb db, CancellationToken ct)
    {
        var (led, capped) = await AppealCount.BoundedAsync(Led(query, unitId), ct);
        if (capped) return (led, true);
        var (co, more) = await AppealCount.BoundedAsync(CoHandled(query, unitId, db), ct, AppealCount.Cap - led);
        return more ? (AppealCount.Cap, true) : (led + co, false);
    }

    private static IQueryable<Appeal> Led(IQueryable<Appeal> query, long unitId) => query.Where(a => a.LeadUnitId == unitId);

    // As "id IN (the unit's co-unit rows)", not EXISTS: SQLite then starts from the co-unit index; with EXISTS it walked
    // the created_at index testing every appeal (543 ms at 100,000). PostgreSQL plans both as the same semi-join.
    private static IQueryable<Appeal> CoHandled(IQueryable<Appeal> query, long unitId, MinshengDb db)
    {
        var ids = db.AppealCoUnits.Where(c => c.UnitId == unitId).Select(c => c.AppealId);
        return query.Where(a => a.LeadUnitId != unitId && ids.Contains(a.Id));
    }

    private static IOrderedQueryable<Appeal> Newest(IQueryable<Appeal> query) => query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
}
