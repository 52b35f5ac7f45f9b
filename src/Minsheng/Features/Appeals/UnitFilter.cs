using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
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
    public static IQueryable<Appeal> LeadOrCoUnit(IQueryable<Appeal> query, long unitId)
    {
        // The id lists need their own roots (the appeals and co-unit tables without the caller's filters); they are
        // taken from the query's own root so this stays a filter on any appeal query of the same context.
        if (query.Provider is not IAsyncQueryProvider provider || RootOf(query.Expression) is not { } root)
            return query.Where(a => a.LeadUnitId == unitId || a.CoUnits.Any(c => c.UnitId == unitId));
        var coUnitType = root.EntityType.Model.FindEntityType(typeof(AppealCoUnit))!;
        var appeals = provider.CreateQuery<Appeal>(new EntityQueryRootExpression(provider, root.EntityType));
        var coUnits = provider.CreateQuery<AppealCoUnit>(new EntityQueryRootExpression(provider, coUnitType));
        var ids = appeals.Where(a => a.LeadUnitId == unitId).Select(a => a.Id)
            .Concat(coUnits.Where(c => c.UnitId == unitId).Select(c => c.AppealId));
        return query.Where(a => ids.Contains(a.Id));
    }

    private static EntityQueryRootExpression? RootOf(Expression expression)
    {
        var finder = new RootFinder();
        finder.Visit(expression);
        return finder.Root;
    }

    private sealed class RootFinder : ExpressionVisitor
    {
        public EntityQueryRootExpression? Root { get; private set; }

        protected override Expression VisitExtension(Expression node)
        {
            // Query roots are leaves, and other extension nodes need not be reducible: neither is descended into.
            if (node is EntityQueryRootExpression r && r.ElementType == typeof(Appeal)) Root ??= r;
            return node;
        }
    }
}
