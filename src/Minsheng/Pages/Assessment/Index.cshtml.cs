using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Features.Assessment;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Assessment;

/// <summary>
/// 考核排名: a month's ranking by group. The office (supervisors) drives the cycle from here and declares force majeure;
/// leaders and analysts read every state; unit staff see published months only. Same use cases as /api/assessment.
/// </summary>
[Authorize(Roles = AssessmentAccess.AllRoles)]
public sealed class IndexModel(AssessmentDesk desk, ScoreAppeals appeals, AssessmentAccess access) : AppPage
{
    [BindProperty(SupportsGet = true)] public long? J { get; set; }
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty] public string? Action { get; set; }
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? To { get; set; }
    [BindProperty] public List<long>? UnitIds { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<UnitInfo> Jurisdictions { get; private set; } = [];
    public IReadOnlyList<PeriodSummary> Periods { get; private set; } = [];
    public RankingView? View { get; private set; }
    public bool IsReader => access.IsReaderRole;
    public IReadOnlyList<Minsheng.Domain.Assessment.GroupableUnit> Assessed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCycleAsync(CancellationToken ct)
    {
        PeriodSummary? done = null;
        if (await TryAsync(async () => done = await desk.CycleAsync(new CycleRequest(Month, Action, J), ct)))
            return Done($"{done!.Month} 考核：{done.StatusLabel}。", $"/assessment?j={done.JurisdictionId}&month={done.Month}");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostForceMajeureAsync(CancellationToken ct)
    {
        if (await TryAsync(() => appeals.DeclareAsync(new ForceMajeureRequest(From, To, UnitIds, Reason), ct)))
            return Done("已声明不可抗力期间，未冻结的月份已重新计算。", $"/assessment?month={Month}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Jurisdictions = access.Jurisdictions();
        Periods = await desk.PeriodsAsync(J, ct);
        await TryAsync(async () => View = await desk.RankingAsync(J, Month, ct));
        J ??= View?.Period.JurisdictionId;
        Month ??= View?.Period.Month;
    }
}
