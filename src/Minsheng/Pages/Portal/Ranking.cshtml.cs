using Minsheng.Features.Assessment;
using Minsheng.Features.Public;

namespace Minsheng.Pages.Portal;

/// <summary>红黑榜 on the portal: the published monthly rankings of the jurisdiction viewed (a city's whole view shows each county's).</summary>
public sealed class RankingModel(AssessmentBoards boards, PortalJurisdictions portal) : PortalPage(portal)
{
    public string? Month { get; private set; }
    public IReadOnlyList<BoardsView> Items { get; private set; } = [];

    public async Task OnGetAsync(string? month, CancellationToken ct)
    {
        Month = Domain.Priorities.PriorityMonth.TryParse(month, out var m) ? m.ToString() : null;
        Items = await boards.PortalAsync(County, Month, ct);
    }
}
