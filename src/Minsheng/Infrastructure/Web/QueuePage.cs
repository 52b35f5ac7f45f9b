using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;

namespace Minsheng.Infrastructure.Web;

/// <summary>One tab of a work queue: which appeals it holds and in what order.</summary>
public sealed record QueueTab(string Key, string Label, Func<IQueryable<Appeal>, IQueryable<Appeal>> Filter,
    Func<IQueryable<Appeal>, IOrderedQueryable<Appeal>> Order);

public sealed record TabCount(string Key, string Label, int Count);

/// <summary>
/// A page of tabs over the viewer's visible appeals (the dispatcher's workbench, a unit's inbox): counts on
/// every tab, one page of the chosen tab.
/// </summary>
public abstract class QueuePage(AppealScope scope, AppealPresenter presenter) : AppPage
{
    public IReadOnlyList<TabCount> Tabs { get; private set; } = [];
    public string Current { get; private set; } = "";
    public AppealPage Results { get; private set; } = null!;

    protected abstract IReadOnlyList<QueueTab> Definitions { get; }

    /// <summary>The appeals every tab starts from; by default all the viewer may see.</summary>
    protected virtual IQueryable<Appeal> Source() => scope.Visible();

    public async Task<IActionResult> OnGetAsync(string? tab, int? p, CancellationToken ct)
    {
        var definitions = Definitions;
        var chosen = definitions.FirstOrDefault(d => d.Key == tab) ?? definitions[0];
        Current = chosen.Key;
        var counts = new List<TabCount>();
        foreach (var d in definitions) counts.Add(new(d.Key, d.Label, await d.Filter(Source()).CountAsync(ct)));
        Tabs = counts;
        Results = await AppealPage.ReadAsync(chosen.Order(chosen.Filter(Source())), p, presenter, ct);
        return Page();
    }

    /// <summary>Urgent first, then high-level, coordinated, timely (enums are stored as text, so spelled out for SQL).</summary>
    protected static IOrderedQueryable<Appeal> ByTierThenAge(IQueryable<Appeal> q) =>
        q.OrderBy(a => a.Tier == Tier.Urgent ? 0 : a.Tier == Tier.HighLevel ? 1 : a.Tier == Tier.Coordinated ? 2 : 3).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id);

    protected static IOrderedQueryable<Appeal> Oldest(IQueryable<Appeal> q) => q.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id);
}
