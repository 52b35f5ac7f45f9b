using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Portal;

/// <summary>
/// The receipt after a submission. The number and code travel in TempData (an encrypted cookie) across the
/// redirect, so they never appear in a URL, a log or the browser history; Peek keeps them for a reload.
/// </summary>
public sealed class SubmittedModel : AppPage
{
    public const string NumberKey = "Receipt.Number";
    public const string CodeKey = "Receipt.Code";

    public string? Number { get; private set; }
    public string? Code { get; private set; }

    public void OnGet()
    {
        Number = TempData.Peek(NumberKey) as string;
        Code = TempData.Peek(CodeKey) as string;
    }
}
