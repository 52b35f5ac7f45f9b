using Microsoft.EntityFrameworkCore;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Appeals;

/// <summary>
/// How many appeals a list matches, counted up to <see cref="Cap"/> and no further. At a city's volume an exact
/// count of a county's two years (300,000 appeals) reads the whole table on every page view — seconds, where the page
/// itself needs twenty rows from the created_at index (measured with bench/scale.sh, docs/scaling.md). Beyond the cap
/// the list says "10000+" and the filters narrow it; the statistics pages keep exact counts.
/// </summary>
public static class AppealCount
{
    public const int Cap = 10_000;

    public static async Task<(int Total, bool Capped)> BoundedAsync(IQueryable<Appeal> query, CancellationToken ct, int cap = Cap)
    {
        // Which cap + 1 rows are counted does not matter, but a row limit without an order makes EF Core log a warning
        // on every list request. The lists' own order (newest first) is always given, replacing any order the caller
        // had: its indexes let the engines stop at the cap, and the unit filter's two branches merge on it (UnitFilter).
        query = query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id);
        var n = await query.Select(a => a.Id).Take(cap + 1).CountAsync(ct);
        return n > cap ? (cap, true) : (n, false);
    }
}
