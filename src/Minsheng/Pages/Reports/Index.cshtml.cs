using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;
using Minsheng.Features.Analysis.Reports;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Reports;

/// <summary>报告: the reports of the caller's jurisdiction (leaders: issued ones), and for analysts the form that makes a draft.</summary>
[Authorize(Roles = ReportsApi.Readers)]
public sealed class IndexModel(ReportDesk desk, CurrentUser me, UnitTree units, TimeProvider clock) : AppPage
{
    public IReadOnlyList<ReportListItem> Items { get; private set; } = [];
    public bool MayWrite => me.Role == Role.Analyst;

    [BindProperty] public string Kind { get; set; } = "weekly";
    [BindProperty] public string? Period { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public long? JurisdictionId { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Focus { get; set; }
    [BindProperty] public string? AppealNumbers { get; set; }

    /// <summary>The jurisdictions a report may be about: the caller's own and, for a city, its counties.</summary>
    public IReadOnlyList<UnitInfo> Jurisdictions => units.Jurisdictions().Where(u => me.InJurisdiction(u.Id)).ToList();

    public string LastWeek => IsoWeeks.Of(Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow()).AddDays(-7));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Period ??= LastWeek;
        Items = await desk.ListAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ReportView? made = null;
        var numbers = (AppealNumbers ?? "").Split([',', '，', ' ', '\n', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var weekly = Kind != "special";
        var byWeek = weekly && !string.IsNullOrWhiteSpace(Period) && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To);
        if (await TryAsync(async () => made = (await desk.CreateAsync(new CreateReportRequest(Kind, byWeek ? Period : null, byWeek ? null : From,
                byWeek ? null : To, JurisdictionId, Title, Focus, null, numbers), ct)).View))
            return Done("已生成报告草稿。", $"/reports/{made!.Report.Id}");
        Items = await desk.ListAsync(ct);
        return Page();
    }
}
