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
        var n = await query.Select(a => a.Id).Take(cap + 1).CountAsync(ct);
        return n > cap ? (cap, true) : (n, false);
    }
}
