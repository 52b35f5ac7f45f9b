using Microsoft.EntityFrameworkCore;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;
using Minsheng.Features.Knowledge;
using Minsheng.Features.Triage;
using Minsheng.Infrastructure;

namespace Minsheng.Pages.Console;

public sealed record SimilarAppeal(long Id, string Number, string Title, string Status, string Reason);

/// <summary>What the console shows beside the form while the operator types.</summary>
public sealed record HintsView(
    IReadOnlyList<KnowledgeView> Articles,
    TriageSuggestionsView? Triage,
    IReadOnlyList<SimilarAppeal> Similar,
    Choice? CommonCategory,
    string? CommonUnit,
    bool Typed,
    AppealType? Type = null,
    DirectAnswerSettings? DirectAnswer = null)
{
    /// <summary>The article may be offered as a direct answer: the type allows it and it matches well enough.</summary>
    public bool Offers(KnowledgeView article) => DirectAnswer is { } d && d.Allows(Type) && d.Matches(article.Score);

    /// <summary>Why an article is shown for reading only, or null when it is offered.</summary>
    public string? NotOfferedBecause(KnowledgeView article) => DirectAnswer is not { } d ? "不提供直接办结。"
        : d.TypeRefusal(Type) is { } why ? why
        : !d.Matches(article.Score) ? $"匹配度低于 {d.MinScore * 100:0}%，仅供参考，不提供直接办结。"
        : null;
}

/// <summary>
/// Knowledge-base answers for the caller's words, and triage hints: the trained models' suggestions
/// (as POST /api/triage/suggest gives them) once a model exists, otherwise recent appeals whose title
/// shares words with this one and the category and unit most of them went to.
/// </summary>
public sealed class IntakeHints(KnowledgeBase kb, TriageService triage, TriageSuggestions suggestions, AppealScope scope,
    Data.MinshengDb db, UnitTree units, TimeProvider clock, AppealPresenter presenter, AppealText appealText,
    Microsoft.Extensions.Options.IOptions<DirectAnswerSettings> directAnswer)
{
    public const int RecentDays = 90;
    private const int Terms = 8;

    public async Task<HintsView> ForAsync(IntakeForm form, CancellationToken ct)
    {
        var title = Clip(form.Title, AppealDraft.TitleMax);
        var content = Clip(form.Content, AppealDraft.ContentMax);
        if (title.Length + content.Length < 2) return new HintsView([], null, [], null, null, Typed: false);
        var articles = await kb.SearchAsync(Clip(title + "\n" + content, KnowledgeBase.QueryMax), 3, ct);
        if (triage.Model(TriageModelRow.CategoryKind) is not null || triage.Model(TriageModelRow.TypeKind) is not null)
        {
            var phone = form.CitizenPhone is { } p && PhoneNumber.IsValid(p) ? p.Trim() : null;
            var region = form.RegionUnitId is { } r && units.Find(r) is not null ? r : (long?)null;
            var category = form.CategoryId is { } c && await db.Categories.AnyAsync(x => x.Id == c, ct) ? c : (long?)null;
            var view = await suggestions.SuggestAsync(new SuggestionInput(title, content, phone, Clip(form.Address, AppealDraft.AddressMax),
                region, category, null), ct);
            return new HintsView(articles, view, [], null, null, Typed: true, form.Type, directAnswer.Value);
        }
        var (similar, commonCategory, commonUnit) = await ByTitleAsync(title.Length > 0 ? title : content, ct);
        return new HintsView(articles, null, similar, commonCategory, commonUnit, Typed: true, form.Type, directAnswer.Value);
    }

    /// <summary>
    /// Without a model: appeals of the last 90 days whose title contains one of the text's bigrams (LIKE),
    /// ranked by how many they share; the category and lead unit most of the closest went to.
    /// </summary>
    private async Task<(IReadOnlyList<SimilarAppeal>, Choice?, string?)> ByTitleAsync(string text, CancellationToken ct)
    {
        var mine = KnowledgeRanking.Bigrams(text.Length > 60 ? text[..60] : text);
        var terms = mine.Where(t => t.Length == 2).Take(Terms).ToArray();
        if (terms.Length == 0) return ([], null, null);
        var since = clock.GetUtcNow().AddDays(-RecentDays);
        var rows = await scope.Visible().AsNoTracking()
            .Where(a => a.CreatedAt >= since && a.Status != AppealStatus.Invalid)
            .Where(a => terms.Any(t => EF.Functions.Like(a.Title, "%" + t + "%")))
            .OrderByDescending(a => a.CreatedAt).Take(200)
            .Select(a => new { a.Id, a.Number, a.Title, a.Status, a.CategoryId, a.LeadUnitId, a.Type, a.SubjectUnitId, a.CitizenName })
            .ToListAsync(ct);
        var ranked = rows.Select(a => (a, shared: KnowledgeRanking.Bigrams(a.Title).Count(mine.Contains)))
            .Where(x => x.shared >= Math.Min(2, terms.Length))
            .OrderByDescending(x => x.shared).ThenByDescending(x => x.a.Id).Take(5).ToList();
        var similar = ranked.Select(x => new SimilarAppeal(x.a.Id, x.a.Number,
            appealText.Show(x.a.Title, presenter.Exposure(x.a.Type, x.a.SubjectUnitId), x.a.CitizenName), Labels.Status(x.a.Status), $"标题有 {x.shared} 处相同字词")).ToList();
        Choice? category = null;
        if (ranked.Where(x => x.a.CategoryId is not null).GroupBy(x => x.a.CategoryId!.Value).OrderByDescending(g => g.Count()).FirstOrDefault() is { } top && top.Count() >= 2)
            category = await db.Categories.AsNoTracking().Where(c => c.Id == top.Key && c.Active).Select(c => new Choice(c.Id, c.Name)).FirstOrDefaultAsync(ct);
        var unit = ranked.Where(x => x.a.LeadUnitId is not null).GroupBy(x => x.a.LeadUnitId!.Value).OrderByDescending(g => g.Count())
            .FirstOrDefault(g => g.Count() >= 2)?.Key;
        return (similar, category, unit is null ? null : units.NameOf(unit));
    }

    private static string Clip(string? text, int max)
    {
        var t = text?.Trim() ?? "";
        return t.Length > max ? t[..max] : t;
    }
}
