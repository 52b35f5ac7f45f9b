using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;
using Minsheng.Features.Analysis.Priorities;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Analysis;

/// <summary>未诉先办: seasonal work scheduled before the appeals come, with last year's volume as the evidence.</summary>
[Authorize(Roles = Monthly.IndexModel.Roles)]
public sealed class ProactiveModel(ProactivePlans plans, MonthlyPriorities priorities, CurrentUser me) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Title { get; set; }
    [BindProperty] public string? Measures { get; set; }
    [BindProperty(SupportsGet = true)] public string? KeyPhrases { get; set; }
    [BindProperty] public long? LeadUnitId { get; set; }
    [BindProperty] public int? SeasonMonth { get; set; }
    [BindProperty] public int? SeasonDay { get; set; }
    [BindProperty] public int? RemindDaysBefore { get; set; } = 30;

    public bool MayCreate => me.Role == Role.Analyst;
    public IReadOnlyList<ProactiveView> Items { get; private set; } = [];
    public IReadOnlyList<UnitInfo> LeadUnits { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ProactiveView? plan = null;
        if (await TryAsync(async () => plan = await plans.CreateAsync(
                new ProactiveRequest(Title, Measures, KeyPhrases, LeadUnitId, SeasonMonth, SeasonDay, RemindDaysBefore), ct)))
            return Done($"已安排未诉先办事项“{plan!.Title}”，将于 {plan.NextReminder:yyyy-MM-dd} 提醒{plan.LeadUnitName}。");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostActiveAsync(long id, bool active, CancellationToken ct)
    {
        ProactiveView? plan = null;
        if (await TryAsync(async () => plan = await plans.SetActiveAsync(id, active, ct)))
            return plan is null ? NotFound() : Done(active ? $"已启用“{plan.Title}”。" : $"已停用“{plan.Title}”，不再提醒。");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Items = await plans.ListAsync(ct);
        if (MayCreate) LeadUnits = priorities.LeadUnitChoices();
    }
}
