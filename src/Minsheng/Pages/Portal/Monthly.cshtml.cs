using Minsheng.Features.Analysis.Priorities;
using Minsheng.Features.Public;

namespace Minsheng.Pages.Portal;

/// <summary>每月一题 on the portal: the published priorities of the jurisdiction viewed, with results and before/after volume.</summary>
public sealed class MonthlyModel(MonthlyPriorities priorities, PortalJurisdictions portal) : PortalPage(portal)
{
    public IReadOnlyList<PublicPriority> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Items = await priorities.PublishedAsync(County?.Id ?? Jurisdictions.Top?.Id, ct);
}
