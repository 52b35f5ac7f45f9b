using Microsoft.AspNetCore.Mvc;
using Minsheng.Features.Public;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Portal;

/// <summary>One published case: the redacted appeal and its reply.</summary>
public sealed class CaseModel(PublishedCases cases, PortalJurisdictions portal) : PortalPage(portal)
{
    public PublicCase Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await cases.FindAsync(id, ct) is not { } c) return NotFound();
        Case = c;
        return Page();
    }
}
