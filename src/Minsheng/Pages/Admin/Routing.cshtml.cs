using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Triage;
using Minsheng.Infrastructure;
using Minsheng.Pages.Console;

namespace Minsheng.Pages.Admin;

/// <summary>分派规则 and 地名库, which drive the lead-unit suggestions, and the triage models learned from past appeals.</summary>
[Authorize(Roles = nameof(Role.Admin))]
public sealed class RoutingModel(RoutingAdmin routing, TriageTraining training, MinshengDb db, UnitTree tree, CurrentUser me, TriageService triage) : AdminPage
{
    public sealed record ModelLine(string Kind, int Version, DateTimeOffset TrainedAt, int TrainCount, double? CvMacroF1, bool InUse);

    public IReadOnlyList<RoutingRuleView> Rules { get; private set; } = [];
    public IReadOnlyList<GazetteerView> Aliases { get; private set; } = [];
    public IReadOnlyList<ModelLine> Models { get; private set; } = [];
    public IReadOnlyList<CategoryGroup> Categories { get; private set; } = [];
    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];
    public IReadOnlyList<UnitInfo> Places { get; private set; } = [];
    public IReadOnlyList<TrainOutcome>? Trained { get; private set; }

    public long? RuleCategoryId { get; private set; }
    public long? RuleRegionUnitId { get; private set; }
    public long? RuleUnitId { get; private set; }
    public string? RuleNote { get; private set; }
    public string? PlaceAlias { get; private set; }
    public long? PlaceUnitId { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddRuleAsync(long? ruleCategoryId, long? ruleRegionUnitId, long? ruleUnitId, string? ruleNote, CancellationToken ct)
    {
        (RuleCategoryId, RuleRegionUnitId, RuleUnitId, RuleNote) = (ruleCategoryId, ruleRegionUnitId, ruleUnitId, ruleNote);
        var ok = await TryAsync("rule", () => routing.AddRuleAsync(new RoutingRuleRequest(ruleCategoryId, ruleRegionUnitId, ruleUnitId, ruleNote), ct));
        if (ok) return Done($"已添加分派规则：交“{tree.NameOf(ruleUnitId)}”办理。", Url.Page(null));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteRuleAsync(long id, CancellationToken ct)
    {
        var removed = false;
        var ok = await TryAsync(async () => removed = await routing.DeleteRuleAsync(id, ct));
        if (ok && removed) return Done("已删除分派规则。", Url.Page(null));
        if (ok) Gone("分派规则");
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddPlaceAsync(string? placeAlias, long? placeUnitId, CancellationToken ct)
    {
        (PlaceAlias, PlaceUnitId) = (placeAlias, placeUnitId);
        var ok = await TryAsync("place", () => routing.AddAliasAsync(new GazetteerRequest(placeAlias, placeUnitId), ct));
        if (ok) return Done($"已将“{placeAlias!.Trim()}”加入地名库，指向“{tree.NameOf(placeUnitId)}”。", Url.Page(null));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeletePlaceAsync(long id, CancellationToken ct)
    {
        var removed = false;
        var ok = await TryAsync(async () => removed = await routing.DeleteAliasAsync(id, ct));
        if (ok && removed) return Done("已从地名库删除。", Url.Page(null));
        if (ok) Gone("地名");
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The same retraining as POST /api/triage/retrain; the outcome is shown on the page that asked.</summary>
    public async Task<IActionResult> OnPostRetrainAsync(CancellationToken ct)
    {
        Trained = await training.RetrainAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rules = await routing.RulesAsync(ct);
        Aliases = await routing.AliasesAsync(ct);
        Categories = await PickLists.CategoriesAsync(db, ct);
        Units = tree.All.Where(u => u.Active && me.Covers(u.Id)).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        Places = Units.Where(u => u.Kind is UnitKind.Township or UnitKind.Village).ToList();
        var inUse = new[] { triage.Model(TriageModelRow.CategoryKind)?.Id, triage.Model(TriageModelRow.TypeKind)?.Id };
        Models = (await db.TriageModels.AsNoTracking().OrderBy(m => m.Kind).ThenByDescending(m => m.Version)
                .Select(m => new { m.Id, m.Kind, m.Version, m.TrainedAt, m.TrainCount, m.CvMacroF1 }).ToListAsync(ct))
            .Select(m => new ModelLine(m.Kind, m.Version, m.TrainedAt, m.TrainCount, m.CvMacroF1, inUse.Contains(m.Id))).ToList();
    }
}
