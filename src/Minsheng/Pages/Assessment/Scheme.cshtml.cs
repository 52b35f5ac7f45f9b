using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Assessment;
using Minsheng.Features.Assessment;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Assessment;

/// <summary>考核方案: the jurisdiction's scheme; the office (supervisors) edits it, leaders and analysts read it.</summary>
[Authorize(Roles = AssessmentAccess.ReaderRoles)]
public sealed class SchemeModel(AssessmentDesk desk, AssessmentAccess access, AssessmentSource source, CurrentUser me) : AppPage
{
    [BindProperty] public Dictionary<Metric, double>? Weights { get; set; }
    [BindProperty] public double? PerSupervisionOrder { get; set; }
    [BindProperty] public double? PerConfirmedLead { get; set; }
    [BindProperty] public double? PerPraise { get; set; }
    [BindProperty] public double? PerCompletedPriority { get; set; }
    [BindProperty] public double? BonusCap { get; set; }
    [BindProperty] public int? MinSample { get; set; }
    [BindProperty] public int? ContestWorkingDays { get; set; }
    [BindProperty] public int? BoardSize { get; set; }
    [BindProperty] public bool DefaultGroups { get; set; }
    /// <summary>Unit id → group name, when the groups are set by hand.</summary>
    [BindProperty] public Dictionary<long, string>? GroupOf { get; set; }

    public AssessmentScheme Scheme { get; private set; } = AssessmentScheme.Default;
    public IReadOnlyList<UnitGroup> Groups { get; private set; } = [];
    public IReadOnlyList<GroupableUnit> Units { get; private set; } = [];
    public bool MayEdit => access.Acts(me.JurisdictionId);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var groups = DefaultGroups || GroupOf is null ? [] : GroupOf.Where(kv => !string.IsNullOrWhiteSpace(kv.Value))
            .GroupBy(kv => kv.Value.Trim()).Select(g => new GroupRequest(g.Key, g.Select(kv => kv.Key).ToList())).ToList();
        if (await TryAsync(() => desk.SaveSchemeAsync(null, new SchemeRequest(Weights, PerSupervisionOrder, PerConfirmedLead, PerPraise,
                PerCompletedPriority, BonusCap, MinSample, ContestWorkingDays, BoardSize, groups), ct)))
            return Done("考核方案已保存，自下次计算起生效（已冻结的月份不受影响）。");
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Scheme = await desk.SchemeAsync(me.JurisdictionId, ct);
        Units = source.AssessedUnits(me.JurisdictionId);
        Groups = UnitGroups.Effective(Scheme, Units);
    }
}
