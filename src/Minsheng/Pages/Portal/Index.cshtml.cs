using Minsheng.Features.Appeals;
using Minsheng.Features.Public;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Portal;

/// <summary>The portal's front page: what the service is, the two main entries, the newest published cases.</summary>
public sealed class IndexModel(PublishedCases cases, PortalJurisdictions portal) : PortalPage(portal)
{
    public Page<PublicCaseSummary> Recent { get; private set; } = new([], 0, 1, 5);

    public async Task OnGetAsync(CancellationToken ct) => Recent = await cases.ListAsync(null, 1, 5, ct, County);
}
