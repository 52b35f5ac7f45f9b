using Microsoft.EntityFrameworkCore;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Appeals;

/// <summary>Query-string filters of the appeal list. Parsed by hand so a bad value names its field.</summary>
public sealed record AppealFilter(
    string? Status, long? UnitId, long? CategoryId, string? Channel, string? Type, string? Tier,
    DateTimeOffset? From, DateTimeOffset? To, string? Q, int? Page, int? PageSize)
{
    public const int MaxPageSize = 100;
    public const int MaxPage = 100_000;

    public (int Page, int Size) Validate()
    {
        var errors = new FieldErrors();
        Check<AppealStatus>(Status, "status", errors);
        Check<Channel>(Channel, "channel", errors);
        Check<AppealType>(Type, "type", errors);
        Check<Tier>(Tier, "tier", errors);
        if (Page is < 1 or > MaxPage) errors.Add("page", $"页码应在 1 到 {MaxPage} 之间。");
        if (PageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"每页条数应在 1 到 {MaxPageSize} 之间。");
        if (From > To) errors.Add("from", "开始时间不能晚于结束时间。");
        if (Q is { Length: > 100 }) errors.Add("q", "搜索词不能超过 100 个字。");
        errors.ThrowIfAny();
        return (Page ?? 1, PageSize ?? 20);
    }

    private static void Check<T>(string? value, string field, FieldErrors errors) where T : struct, Enum
    {
        if (value is not null && Parse<T>(value) is null) errors.Add(field, $"取值无效：{value}。可选值：{string.Join("、", Enum.GetNames<T>())}。");
    }

    private static T? Parse<T>(string? value) where T : struct, Enum =>
        value is not null && Enum.TryParse<T>(value, true, out var v) && Enum.IsDefined(v) && !int.TryParse(value, out _) ? v : null;

    /// <summary>True when the list searches text (number or title/content): counted and paged as a search (AppealTextSearch).</summary>
    public bool SearchesText => !string.IsNullOrWhiteSpace(Q);

    /// <summary>The filters on <paramref name="q"/>; <paramref name="db"/> serves the unit filter's id lists and the text search's index.</summary>
    public IQueryable<Appeal> Apply(IQueryable<Appeal> q, Data.MinshengDb db)
    {
        q = ApplyButUnit(q, db);
        // Last: the unit filter splits the query into two branches (UnitFilter), each carrying the filters above.
        return UnitId is { } u ? UnitFilter.LeadOrCoUnit(q, u, db) : q;
    }

    /// <summary>
    /// How many of <paramref name="visible"/> the filters match, as every appeal list counts: a text search up to
    /// AppealCount.SearchCap in the gram index's order; with a unit, branch by branch (UnitFilter); else up to AppealCount.Cap.
    /// </summary>
    public Task<(int Total, bool Capped)> BoundedCountAsync(IQueryable<Appeal> visible, Data.MinshengDb db, CancellationToken ct)
    {
        if (SearchesText) return AppealCount.SearchAsync(Apply(visible, db), ct);
        var q = ApplyButUnit(visible, db);
        return UnitId is { } u ? UnitFilter.BoundedCountAsync(q, u, db, ct) : AppealCount.BoundedAsync(q, ct);
    }

    /// <summary>
    /// One page (1-based) of the filtered list, newest first (the list's order): a text search looks among the newest
    /// appeals first (AppealTextSearch.NewestAsync); with a unit, asked id-first (UnitFilter.NewestPage).
    /// </summary>
    public async Task<List<Appeal>> NewestPageAsync(IQueryable<Appeal> visible, Data.MinshengDb db, int page, int size, CancellationToken ct)
    {
        var skip = (page - 1) * size;
        if (SearchesText) return await AppealTextSearch.NewestAsync(Apply(visible, db), db, skip, size, ct);
        var q = ApplyButUnit(visible, db);
        var rows = UnitId is { } u
            ? UnitFilter.NewestPage(q, u, db, skip, size)
            : q.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).Skip(skip).Take(size);
        return await rows.AsNoTracking().ToListAsync(ct);
    }

    private IQueryable<Appeal> ApplyButUnit(IQueryable<Appeal> q, Data.MinshengDb db)
    {
        if (Parse<AppealStatus>(Status) is { } s) q = q.Where(a => a.Status == s);
        if (Parse<Channel>(Channel) is { } c) q = q.Where(a => a.Channel == c);
        if (Parse<AppealType>(Type) is { } t) q = q.Where(a => a.Type == t);
        if (Parse<Tier>(Tier) is { } tier) q = q.Where(a => a.Tier == tier);
        if (CategoryId is { } cat) q = q.Where(a => a.CategoryId == cat);
        if (From is { } from) q = q.Where(a => a.CreatedAt >= from);
        if (To is { } to) q = q.Where(a => a.CreatedAt <= to);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim();
            // Searching the text for a phone or ID number would tell a viewer what masking hides from them: such a
            // term matches appeal numbers only.
            if (text.Count(char.IsAsciiDigit) >= 5 || Domain.Privacy.PiiDetector.Default.Find(text).Count > 0) q = q.Where(a => a.Number == text);
            else q = AppealTextSearch.Matching(q, text, db);
        }
        return q;
    }
}
