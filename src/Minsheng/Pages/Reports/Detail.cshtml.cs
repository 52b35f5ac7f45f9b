using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;
using Minsheng.Features.Analysis.Reports;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Documents;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Reports;

/// <summary>One report: the document as leaders read it; for analysts, while a draft, the text editor and 签发.</summary>
[Authorize(Roles = ReportsApi.Readers)]
public sealed class DetailModel(ReportDesk desk, CurrentUser me, Chromium chromium) : AppPage
{
    public Report? Report { get; private set; }
    public string DocumentHtml { get; private set; } = "";
    public bool MayEdit => me.Role == Role.Analyst && Report?.Status == ReportStatus.Draft;
    public bool ExportsAvailable => chromium.Available;

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Analysis { get; set; }
    [BindProperty] public string? Suggestions { get; set; }
    [BindProperty] public int? Version { get; set; }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        Report = await desk.FindAsync(id, ct);
        if (Report is null) return false;
        DocumentHtml = HtmlWriter.Fragment(ReportDocument.Build(Report));
        return true;
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        (Title, Summary, Analysis, Suggestions, Version) = (Report!.Title, Report.Summary, Report.Analysis, Report.Suggestions, Report.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(long id, CancellationToken ct)
    {
        if (await TryAsync(async () =>
            {
                if (await desk.EditAsync(id, new EditReportRequest(Title, Summary, Analysis, Suggestions, Version), ct) is null)
                    throw new OutOfScopeException("报告不存在，或不在您的查看范围内。");
            }))
            return Done("已保存。", $"/reports/{id}");
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(long id, CancellationToken ct)
    {
        if (await TryAsync(async () =>
            {
                if (await desk.IssueAsync(id, Version, ct) is null) throw new OutOfScopeException("报告不存在，或不在您的查看范围内。");
            }))
            return Done("已签发，本辖区领导已收到消息。", $"/reports/{id}");
        if (!await LoadAsync(id, ct)) return NotFound();
        (Title, Summary, Analysis, Suggestions) = (Report!.Title, Report.Summary, Report.Analysis, Report.Suggestions);
        return Page();
    }
}
