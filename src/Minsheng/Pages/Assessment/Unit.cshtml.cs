using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Assessment;
using Minsheng.Features.Assessment;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Assessment;

/// <summary>
/// 本单位考核: the unit's score and rank of a month, every item that cost or earned it points, and a 申诉 form per item
/// while the window is open (unit heads; evidence as text and/or a file). Readers of the jurisdiction open any unit's
/// sheet with ?unitId=.
/// </summary>
[Authorize(Roles = AssessmentAccess.AllRoles)]
[RequestSizeLimit(ScoreAppeal.FileMax + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = ScoreAppeal.FileMax + 64 * 1024)]
public sealed class UnitModel(ScoreAppeals appeals, AssessmentDesk desk) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public long? UnitId { get; set; }
    [BindProperty(SupportsGet = true)] public long? J { get; set; }
    [BindProperty] public string? ItemKey { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Evidence { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public UnitSheet? Sheet { get; private set; }
    public IReadOnlyList<PeriodSummary> Periods { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAppealAsync(CancellationToken ct)
    {
        byte[]? bytes = null;
        if (Upload is { Length: > 0 } f)
        {
            if (f.Length > ScoreAppeal.FileMax) ModelState.AddModelError("file", "附件不能超过 5 MB。");
            else
            {
                using var ms = new MemoryStream();
                await f.CopyToAsync(ms, ct);
                bytes = ms.ToArray();
            }
        }
        if (await TryAsync(() => appeals.FileAsync(new ScoreAppealRequest(Month, ItemKey, Reason, Evidence), Upload?.FileName, Upload?.ContentType, bytes, ct)))
            return Done("申诉已提交，考核办审核后会通知本单位。", $"/assessment/unit?month={Month}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Periods = await desk.PeriodsAsync(J, ct);
        await TryAsync(async () => Sheet = await appeals.SheetAsync(Month, UnitId, J, ct));
        Month ??= Sheet?.Period.Month;
    }
}
