using Microsoft.EntityFrameworkCore;
using Minsheng.Data;

namespace Minsheng.Features.Statistics;

/// <summary>Each category's top-level ancestor (一级分类), from the small category table: the grouping every statistic uses.</summary>
public static class CategoryRoots
{
    public static async Task<Dictionary<long, (long Id, string Name)>> LoadAsync(MinshengDb db, CancellationToken ct)
    {
        var all = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.ParentId, c.Name }).ToDictionaryAsync(c => c.Id, ct);
        var roots = new Dictionary<long, (long, string)>();
        foreach (var c in all.Values)
        {
            var node = c;
            // A depth cap, so a cycle written by hand into the table cannot hang the dashboard.
            for (var depth = 0; node.ParentId is { } parent && all.TryGetValue(parent, out var up) && depth < 32; depth++) node = up;
            roots[c.Id] = (node.Id, node.Name);
        }
        return roots;
    }
}
