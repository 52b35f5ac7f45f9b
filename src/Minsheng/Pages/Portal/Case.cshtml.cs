using Microsoft.AspNetCore.Mvc;
using Minsheng.Features.Analysis.HotTopics;
using Minsheng.Features.Public;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Portal;

/// <summary>One published case: the redacted appeal and its reply, and 我也遇到 for visitors with the same problem.</summary>
public sealed class CaseModel(PublishedCases cases, PortalJurisdictions portal, CaseSupports supports) : PortalPage(portal)
{
    public PublicCase Case { get; private set; } = null!;
    public int Supporters { get; private set; }
    public bool Supported { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await cases.FindAsync(id, ct) is not { } c) return NotFound();
        Case = c;
        Supporters = await supports.CountAsync(id, ct);
        Supported = await supports.SupportedAsync(id, HttpContext, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSupportAsync(long id, CancellationToken ct)
    {
        var view = await supports.SupportAsync(id, HttpContext, ct);
        if (view.Outcome == SupportOutcome.NotFound) return NotFound();
        return Done(view.Message, Href($"/cases/{id}") + "#support");
    }
}
