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

    /// <summary>The cap of a text search's count (<see cref="SearchAsync"/>).</summary>
    public const int SearchCap = 1_000;

    /// <summary>
    /// How many appeals a text search (<see cref="AppealTextSearch.Matching"/>) finds, up to <see cref="SearchCap"/>.
    /// No index answers "in the caller's scope" for the gram lookup's candidates, so each counted match costs a table row;
    /// counting stops at the first <see cref="SearchCap"/> + 1 in whatever order the index yields them (no order: an
    /// ordered count would first fetch and sort every candidate, 34,000 rows for 物业 at 1,000,000 appeals). Beyond
    /// the cap the list says "1000+": a term that common is narrowed by a longer term or the other filters.
    /// </summary>
    public static async Task<(int Total, bool Capped)> SearchAsync(IQueryable<Appeal> matching, CancellationToken ct, int cap = SearchCap)
    {
        var n = await matching.Select(a => a.Id).Take(cap + 1).CountAsync(ct);
        return n > cap ? (cap, true) : (n, false);
    }

}
