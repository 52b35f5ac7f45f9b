using Minsheng.Features.Public;

namespace Minsheng.Pages.Portal;

/// <summary>
/// The receipt after a submission. The number and code travel in TempData (an encrypted cookie) across the
/// redirect, so they never appear in a URL, a log or the browser history; Peek keeps them for a reload.
/// </summary>
public sealed class SubmittedModel(PortalJurisdictions portal) : PortalPage(portal)
{
    public const string NumberKey = "Receipt.Number";
    public const string CodeKey = "Receipt.Code";

    public string? Number { get; private set; }
    public string? Code { get; private set; }

    public void OnGet()
    {
        // Read (not peeked) so the receipt is shown once: on a shared service-hall computer the next visitor
        // must not find the previous citizen's number and query code by opening this page.
        Number = TempData[NumberKey] as string;
        Code = TempData[CodeKey] as string;
    }
}
