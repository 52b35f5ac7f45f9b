using Microsoft.EntityFrameworkCore;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Triage;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Triage;

public sealed record CategoryGuess(long CategoryId, string Name, float Confidence);
public sealed record CategorySuggestion(IReadOnlyList<CategoryGuess> Top, bool NeedsManual, int ModelVersion);
public sealed record TypeGuess(AppealType Type, string Name, float Confidence);
public sealed record TypeSuggestion(IReadOnlyList<TypeGuess> Top, bool NeedsManual, int ModelVersion);
public sealed record DuplicateView(long Id, string Number, string Title, double Similarity, IReadOnlyList<string> Reasons);
public sealed record RepeatView(long Id, string Number, string Reason);
public sealed record TriageSuggestionsView(CategorySuggestion? Category, TypeSuggestion? Type, RouteSuggestion? Route,
    IReadOnlyList<DuplicateView> Duplicates, IReadOnlyList<RepeatView> Repeats);

/// <summary>What suggestions are computed from; Phone is null when the viewer may not see the complainant.</summary>
public sealed record SuggestionInput(string Title, string Content, string? Phone, string? Address, long? RegionUnitId,
    long? CategoryId, long? ExcludeAppealId);

/// <summary>
/// Category, type, lead unit, near-duplicates and repeat callers for one text. Only appeals the viewer
/// may see are compared, and a phone number leaves here masked only.
/// </summary>
public sealed class TriageSuggestions(TriageService triage, AppealScope scope, AppealPresenter presenter, CurrentUser me, TimeProvider clock, AppealText appealText,
    ShingleCache shingles)
{
    public const double MinSimilarity = 0.5;
    public const int DuplicateDays = 30;
    /// <summary>How far back open appeals are candidates at intake (read as one range per status of the index).</summary>
    public const int OpenWindowDays = 180;
    public const int RepeatDays = 90;
    private const int MaxCandidates = 3000;
    private const int MaxShown = 5;

    /// <param name="neighbours">
    /// False skips near-duplicates and repeats (the text comparison against thousands of appeals, tens of ms),
    /// so a page can show the model's advice at once and fetch the neighbours separately.
    /// </param>
    public async Task<TriageSuggestionsView> SuggestAsync(SuggestionInput input, CancellationToken ct, bool neighbours = true)
    {
        var routing = triage.Routing;
        var category = PredictCategory(input, routing);
        var type = PredictType(input);
        // Place names and rules of another county never steer this desk: only places and units it covers count.
        var mentions = routing.Suggester.Places.Find(input.Title + "\n" + input.Content + "\n" + input.Address)
            .Where(m => !me.IsAuthenticated || me.Covers(m.Unit.Id)).ToList();
        // The operator's own choice beats the model; an unsure prediction is not used for rules.
        var categoryForRules = input.CategoryId ?? (category is { NeedsManual: false, Top.Count: > 0 } ? category.Top[0].CategoryId : null);
        var route = routing.Suggester.Suggest(mentions, categoryForRules, input.RegionUnitId);
        if (route is not null && me.IsAuthenticated && !me.Covers(route.UnitId)) route = null;
        var duplicates = neighbours ? await DuplicatesAsync(input, mentions, routing.Suggester.Places, ct) : [];
        var repeats = neighbours ? await RepeatsAsync(input, ct) : [];
        return new TriageSuggestionsView(category, type, route, duplicates, repeats);
    }

    private CategorySuggestion? PredictCategory(SuggestionInput input, TriageService.RoutingSnapshot routing)
    {
        if (triage.Model(TriageModelRow.CategoryKind) is not { } loaded) return null;
        var p = loaded.Model.Predict(input.Title, input.Content);
        // A category deleted since training cannot be chosen, so it is not offered.
        var top = p.Top.Select(t => long.TryParse(t.Label, out var id) && routing.Categories.TryGetValue(id, out var c)
                ? new CategoryGuess(id, c.Name, t.Confidence) : null)
            .OfType<CategoryGuess>().ToList();
        return new CategorySuggestion(top, p.NeedsManualClassification || top.Count == 0, loaded.Version);
    }

    private TypeSuggestion? PredictType(SuggestionInput input)
    {
        if (triage.Model(TriageModelRow.TypeKind) is not { } loaded) return null;
        var p = loaded.Model.Predict(input.Title, input.Content);
        var top = p.Top.Select(t => Enum.TryParse<AppealType>(t.Label, out var type) ? new TypeGuess(type, Labels.Type(type), t.Confidence) : null)
            .OfType<TypeGuess>().ToList();
        return new TypeSuggestion(top, p.NeedsManualClassification || top.Count == 0, loaded.Version);
    }

    private async Task<IReadOnlyList<DuplicateView>> DuplicatesAsync(SuggestionInput input, IReadOnlyList<PlaceMention> mentions,
        PlaceIndex places, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-DuplicateDays);
        var exclude = input.ExcludeAppealId ?? 0;
        // The candidates: open appeals of the last OpenWindowDays and recently closed ones (merged and invalid appeals
        // are never duplicates to point at), the newest MaxCandidates. Asked as one query with that OR, the engine walks the
        // created_at index through the whole table whenever fewer than MaxCandidates match (a county on SQLite:
        // 686 ms at 100,000 appeals). Asked as two, each reads one part of the (status, created_at) index, which also
        // carries the scope's columns and the version (migration 023), and the newest of both are the same rows.
        // The open ones are read whole and ordered here: they are the live workload (a county's few thousand), and an
        // ORDER BY makes SQLite, which cannot tell open statuses are rare, walk the created_at index again.
        // Ids and versions only; texts are read (and shingled) just for those not cached yet.
        // Open appeals are bounded by a window too (OpenWindowDays): without it a city's desk would read every open
        // appeal of its counties, however old, on each keystroke pause. One stuck for half a year is the supervisors'
        // business, not a duplicate to offer at intake. Inside the window the newest MaxCandidates of both kinds are
        // compared, ordered here by recency.
        var openSince = clock.GetUtcNow().AddDays(-OpenWindowDays);
        var visible = scope.Visible().AsNoTracking().Where(a => a.Id != exclude);
        var open = await visible.Where(a => AppealStatuses.Open.Contains(a.Status) && a.CreatedAt >= openSince)
            .Select(a => new Candidate(a.Id, a.Version, a.CreatedAt)).ToListAsync(ct);
        var closed = await visible.Where(a => a.Status == AppealStatus.Closed && a.CreatedAt >= since)
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(MaxCandidates)
            .Select(a => new Candidate(a.Id, a.Version, a.CreatedAt)).ToListAsync(ct);
        var candidates = open.Concat(closed).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(MaxCandidates).ToList();
        var size = new DuplicateOptions().ShingleSize;
        var missing = candidates.Where(c => !shingles.TryGet(c.Id, c.Version, out _)).Select(c => c.Id).ToList();
        foreach (var chunk in missing.Chunk(1000))
        {
            var texts = await scope.Visible().AsNoTracking().Where(a => chunk.Contains(a.Id))
                .Select(a => new { a.Id, a.Version, a.Title, a.Content }).ToListAsync(ct);
            foreach (var t in texts) shingles.Put(t.Id, t.Version, NearDuplicates.Shingles(t.Title + "\n" + t.Content, size));
        }
        var mine = NearDuplicates.Shingles(input.Title + "\n" + input.Content, size);
        // Two sets whose sizes differ by more than a factor 1 / MinSimilarity cannot reach it (|A ∩ B| / |A ∪ B| is at
        // most min / max): most candidates are ruled out by their length before their shingles are merged.
        var best = candidates
            .Select(c => (c.Id, similarity: shingles.TryGet(c.Id, c.Version, out var theirs) && Comparable(mine.Length, theirs.Length)
                ? NearDuplicates.Jaccard(mine, theirs) : 0))
            .Where(x => x.similarity >= MinSimilarity)
            .OrderByDescending(x => x.similarity).ThenByDescending(x => x.Id).Take(MaxShown).ToList();
        if (best.Count == 0) return [];
        var ids = best.Select(x => x.Id).ToList();
        var shown = await scope.Visible().AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Number, a.Title, a.Content, a.RegionUnitId, a.Address, a.Type, a.SubjectUnitId, a.CitizenName })
            .ToDictionaryAsync(a => a.Id, ct);
        var mentioned = mentions.ToDictionary(m => m.Unit.Id, m => m.Unit.Name);
        return best.Where(x => shown.ContainsKey(x.Id))
            .Select(x =>
            {
                var c = shown[x.Id];
                var reasons = new List<string> { $"文字相似度 {x.similarity:P0}" };
                var shared = places.Find(c.Title + "\n" + c.Content + "\n" + c.Address)
                    .Where(m => mentioned.ContainsKey(m.Unit.Id)).Select(m => m.Unit.Name).ToList();
                if (shared.Count > 0) reasons.Add($"地点一致：{string.Join("、", shared.Select(n => $"“{n}”"))}");
                else if (input.RegionUnitId is { } r && c.RegionUnitId == r) reasons.Add("登记区域相同");
                var title = appealText.Show(c.Title, presenter.Exposure(c.Type, c.SubjectUnitId), c.CitizenName);
                return new DuplicateView(c.Id, c.Number, title, Math.Round(x.similarity, 3), reasons);
            })
            .ToList();
    }

    private static bool Comparable(int a, int b) => Math.Min(a, b) >= MinSimilarity * Math.Max(a, b);

    private sealed record Candidate(long Id, int Version, DateTimeOffset CreatedAt);

    /// <summary>重复件: the same caller or the same place again. Appeals whose complainant is hidden from the viewer are not matched by phone.</summary>
    private async Task<IReadOnlyList<RepeatView>> RepeatsAsync(SuggestionInput input, CancellationToken ct)
    {
        var phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        var address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        if (phone is null && address is null) return [];
        var since = clock.GetUtcNow().AddDays(-RepeatDays);
        var exclude = input.ExcludeAppealId ?? 0;
        var found = await scope.Visible().AsNoTracking()
            .Where(a => a.Id != exclude && a.CreatedAt >= since && ((phone != null && a.CitizenPhone == phone) || (address != null && a.Address == address)))
            .OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Take(50)
            .ToListAsync(ct);
        var result = new List<RepeatView>();
        foreach (var a in found)
        {
            var reasons = new List<string>();
            if (phone is not null && a.CitizenPhone == phone && presenter.MaySeeComplainant(a)) reasons.Add($"同一联系电话 {PhoneNumber.Mask(phone)}");
            if (address is not null && a.Address == address) reasons.Add($"同一事发地址“{address}”");
            if (reasons.Count > 0) result.Add(new RepeatView(a.Id, a.Number, string.Join("；", reasons)));
            if (result.Count == 10) break;
        }
        return result;
    }
}
