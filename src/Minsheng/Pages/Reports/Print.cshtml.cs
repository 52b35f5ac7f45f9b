using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Minsheng.Features.Analysis.Reports;
using Minsheng.Infrastructure.Documents;

namespace Minsheng.Pages.Reports;

/// <summary>
/// The report alone on a white page, as it is printed: the same HTML that Chromium prints to PDF, with the
/// stylesheet linked (the site's CSP forbids inline styles), so a browser's 打印 gives the same pages.
/// </summary>
[Authorize(Roles = ReportsApi.Readers)]
public sealed class PrintModel(ReportDesk desk) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await desk.FindAsync(id, ct) is { } r
            ? Content(HtmlWriter.Page(ReportDocument.Build(r), "/css/document.css"), "text/html; charset=utf-8")
            : NotFound();
}
