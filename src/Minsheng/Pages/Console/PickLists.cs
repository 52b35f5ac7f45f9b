using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;

namespace Minsheng.Pages.Console;

public sealed record Choice(long Id, string Name);

/// <summary>A first-level category and its subcategories, for a select with option groups.</summary>
public sealed record CategoryGroup(long Id, string Name, IReadOnlyList<Choice> Children);

/// <summary>A township and its villages (村/社区).</summary>
public sealed record Township(long Id, string Name, IReadOnlyList<Choice> Villages, bool Selectable = true);

/// <summary>The option lists the intake, visit and admin forms share.</summary>
public static class PickLists
{
    public static async Task<IReadOnlyList<CategoryGroup>> CategoriesAsync(MinshengDb db, CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Code).ToListAsync(ct);
        var children = all.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        return all.Where(c => c.ParentId is null)
            .Select(p => new CategoryGroup(p.Id, p.Name, children[p.Id].Select(c => new Choice(c.Id, c.Name)).ToList()))
            .ToList();
    }

    /// <summary>Active townships with their active villages, all of them or only those within one unit's subtree.</summary>
    public static IReadOnlyList<Township> Townships(UnitTree tree, long? within = null)
    {
        var units = tree.All.Where(u => u.Active && (within is null || tree.IsWithin(u.Id, within.Value))).ToList();
        var villages = units.Where(u => u.Kind == UnitKind.Village && u.ParentId is not null).ToLookup(u => u.ParentId!.Value);
        var towns = units.Where(u => u.Kind == UnitKind.Township).OrderBy(u => u.Code, StringComparer.Ordinal)
            .Select(t => new Township(t.Id, t.Name, villages[t.Id].OrderBy(v => v.Code, StringComparer.Ordinal).Select(v => new Choice(v.Id, v.Name)).ToList()))
            .ToList();
        // A village cadre's subtree holds his village but not its township.
        var orphans = units.Where(u => u.Kind == UnitKind.Village && !towns.Any(t => t.Id == u.ParentId))
            .GroupBy(u => u.ParentId ?? 0)
            .Select(g => new Township(g.Key, tree.NameOf(g.Key), g.Select(v => new Choice(v.Id, v.Name)).ToList(), Selectable: false));
        return towns.Concat(orphans).ToList();
    }
}
