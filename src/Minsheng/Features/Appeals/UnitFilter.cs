using Minsheng.Data;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Appeals;

/// <summary>
/// The list's unit filter: appeals a unit leads or co-handles. Written as <c>lead_unit_id = u OR EXISTS (co-unit u)</c>
/// under the scope's OR of three columns, no engine finds an index path: PostgreSQL and SQLite read every appeal in
/// scope (651 ms at 1,000,000 appeals, bench/scale.sh). Written as <c>id IN (ids led by u UNION ALL ids co-handled by
/// u)</c>, the two halves are index lookups (lead_unit_id, appeal_co_units.unit_id) and the outer query fetches those
/// few thousand rows by primary key; the rows and their order are the same.
/// </summary>
public static class UnitFilter
{
    public static IQueryable<Appeal> LeadOrCoUnit(IQueryable<Appeal> query, long unitId, MinshengDb db)
    {
        var ids = db.Appeals.Where(a => a.LeadUnitId == unitId).Select(a => a.Id)
            .Concat(db.AppealCoUnits.Where(c => c.UnitId == unitId).Select(c => c.AppealId));
        return query.Where(a => ids.Contains(a.Id));
    }
}
