using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Features.Analysis.Bulletins;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Bulletins;

/// <summary>
/// The issue as an official bulletin (red masthead, 第 N 期, office and date, a red rule, items 一、二、…), for printing
/// and for the export infrastructure, which prints this page to PDF and reads it for Word.
/// </summary>
[Authorize(Roles = IndexModel.Roles)]
public sealed class PrintModel(Features.Analysis.Bulletins.Bulletins bulletins) : AppPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    public BulletinView Bulletin { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await bulletins.GetAsync(Id, ct) is not { } b) return NotFound();
        Bulletin = b;
        return Page();
    }
}
