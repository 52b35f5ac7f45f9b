using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Organization;
using Minsheng.Features.Analysis.Priorities;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Analysis.Monthly;

/// <summary>
/// 每月一题: the jurisdiction's monthly priorities and, for analysts, the form that sets one — prefilled from a hot topic
/// by <c>?title=…&amp;keyPhrases=…&amp;place=…</c>. Same use case as GET/POST /api/analysis/monthly.
/// </summary>
[Authorize(Roles = Roles)]
public sealed class IndexModel(MonthlyPriorities priorities, CurrentUser me, TimeProvider clock) : AppPage
{
    public const string Roles = "Analyst,Leader,Supervisor,UnitHandler,UnitHead";

    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public string? Title { get; set; }
    [BindProperty] public string? Problem { get; set; }
    [BindProperty(SupportsGet = true)] public string? KeyPhrases { get; set; }
    [BindProperty(SupportsGet = true)] public string? Place { get; set; }
    [BindProperty] public long? LeadUnitId { get; set; }
    [BindProperty] public string? Measures { get; set; }

    public bool MayCreate => me.Role == Role.Analyst;
    public IReadOnlyList<PrioritySummary> Items { get; private set; } = [];
    public IReadOnlyList<UnitInfo> LeadUnits { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The next month is the usual choice: a priority is set before the month begins.
        Month ??= ChinaTime.DateOf(clock.GetUtcNow()).AddMonths(1).ToString("yyyy-MM");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        PriorityDetail? created = null;
        if (await TryAsync(async () => created = await priorities.CreateAsync(
                new PriorityRequest(Month, Title, Problem, KeyPhrases, Place, LeadUnitId, Measures), ct)))
            return Done($"已确定 {created!.Month} 的每月一题“{created.Title}”，已通知牵头单位。", $"/analysis/monthly/{created.Id}");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await priorities.ListAsync(ct);
        if (MayCreate) LeadUnits = priorities.LeadUnitChoices();
    }
}
