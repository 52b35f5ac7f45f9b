using Microsoft.EntityFrameworkCore;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;

namespace Minsheng.Infrastructure.Web;

/// <summary>
/// One page of an appeal list, as the list pages show it. The page number travels as "p": Razor Pages keeps
/// "page" as a route value of its own (the page path), which would shadow a query parameter of that name.
/// </summary>
public sealed record AppealPage(IReadOnlyList<AppealSummary> Items, int Total, int Number, int Size, bool Capped = false)
{
    /// <summary>The count as shown: "10000+" when counting stopped at the cap (AppealCount).</summary>
    public string TotalText => Capped ? $"{Total}+" : Total.ToString();

    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    public const int DefaultSize = 20;

    /// <summary>Counts and reads one page of an ordered query; a page number past the end shows the last page.</summary>
    public static async Task<AppealPage> ReadAsync(IQueryable<Appeal> ordered, int? page, AppealPresenter presenter, CancellationToken ct, int size = DefaultSize)
    {
        var (total, capped) = await AppealCount.BoundedAsync(ordered, ct);
        var pages = Math.Max(1, (total + size - 1) / size);
        var number = Math.Clamp(page ?? 1, 1, pages);
        var items = await ordered.Skip((number - 1) * size).Take(size).AsNoTracking().ToListAsync(ct);
        return new AppealPage(await presenter.SummariesAsync(items, ct), total, number, size, capped);
    }

    /// <summary>
    /// Counts and reads one page of the appeals <paramref name="filter"/> picks from <paramref name="visible"/>, as the
    /// list API does (AppealFilter.BoundedCountAsync / NewestPageAsync); a page number past the end shows the last page.
    /// </summary>
    public static async Task<AppealPage> ReadAsync(AppealFilter filter, IQueryable<Appeal> visible, Data.MinshengDb db, int? page,
        AppealPresenter presenter, CancellationToken ct, int size = DefaultSize)
    {
        var (total, capped) = await filter.BoundedCountAsync(visible, db, ct);
        var number = Math.Clamp(page ?? 1, 1, Math.Max(1, (total + size - 1) / size));
        var items = await filter.NewestPageAsync(visible, db, number, size, ct);
        return new AppealPage(await presenter.SummariesAsync(items, ct), total, number, size, capped);
    }
}
