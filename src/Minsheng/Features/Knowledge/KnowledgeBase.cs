using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Knowledge;

public sealed record KnowledgeView(long Id, string Title, long? CategoryId, string? CategoryName, string Content,
    IReadOnlyList<string> Keywords, bool Active, DateTimeOffset UpdatedAt, string UpdatedBy, double? Score);

/// <summary>
/// Reading and maintaining the knowledge base; shared by the API, the admin page and the console. Articles are
/// inherited downwards: a county reads the deployment's shared articles, its city's and its own, and writes its own;
/// shared ones are written by the top-level admin.
/// </summary>
public sealed class KnowledgeBase(MinshengDb db, KnowledgeIndex index, AuditedCommit commit, TimeProvider clock, CurrentUser me, UnitTree units)
{
    public const int TitleMax = 100;
    /// <summary>An article may close a call as its answer (直接办结), and an answer is at most 2,000 characters.</summary>
    public const int ContentMax = 2000;
    public const int KeywordsMax = 200;
    public const int QueryMax = 5000;
    public const int MaxHits = 10;

    private IQueryable<KnowledgeArticle> Articles => db.Set<KnowledgeArticle>();

    public async Task<IReadOnlyList<KnowledgeView>> ListAsync(bool includeInactive, CancellationToken ct)
    {
        var rows = (await Articles.AsNoTracking().Where(a => includeInactive || a.Active)
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).ToListAsync(ct)).Where(Readable).ToList();
        var names = await CategoryNamesAsync(ct);
        return rows.Select(a => View(a, names, null)).ToList();
    }

    /// <summary>Active articles for a caller's words, best first.</summary>
    public async Task<IReadOnlyList<KnowledgeView>> SearchAsync(string? query, int max, CancellationToken ct)
    {
        new FieldErrors().Text("q", query, "查询内容", QueryMax, required: false).ThrowIfAny();
        // The index is shared by every county: rank generously, then keep what this reader may read.
        var hits = index.Search(query, Math.Clamp(max, 1, MaxHits) * 4).Where(h => Readable(h.Article)).Take(Math.Clamp(max, 1, MaxHits)).ToList();
        if (hits.Count == 0) return [];
        var names = await CategoryNamesAsync(ct);
        return hits.Select(h => View(h.Article, names, h.Score)).ToList();
    }

    public async Task<KnowledgeArticle?> FindAsync(long id, CancellationToken ct) =>
        await Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } a && Readable(a) ? a : null;

    /// <summary>Shared articles, and those of the reader's jurisdiction, of the jurisdictions above it and (a city) below it.</summary>
    private bool Readable(KnowledgeArticle a) =>
        !me.IsAuthenticated || a.UnitId is not { } owner || units.IsWithin(owner, me.JurisdictionId) || units.IsWithin(me.JurisdictionId, owner);

    /// <summary>Refuses to change an article the caller reads but does not own (a county's admin and a shared article).</summary>
    private void CheckWritable(KnowledgeArticle a)
    {
        var mine = a.UnitId is { } owner ? me.Covers(owner) : me.SeesEverything;
        if (!mine) throw new OutOfScopeException("这是上级共用的知识条目，只能由上级管理员修改；可新建本辖区的条目。");
    }

    public async Task<KnowledgeView> CreateAsync(KnowledgeInput input, CancellationToken ct)
    {
        await ValidateAsync(input, ct);
        // The admin over the whole tree writes for everyone; any other admin (a county's, or one of several top-level
        // counties) writes for their own jurisdiction.
        var article = new KnowledgeArticle(input, me.Username, clock.GetUtcNow(), me.IsAuthenticated && !me.SeesEverything ? me.JurisdictionId : null);
        await commit.RunAsync(notes =>
        {
            db.Add(article);
            notes.Record(AuditActions.KnowledgeCreate, () => article.Id.ToString(), () => article.Title);
            return Task.CompletedTask;
        }, ct);
        index.Invalidate();
        return View(article, await CategoryNamesAsync(ct), null);
    }

    /// <summary>Null when there is no such article the caller may read.</summary>
    public async Task<KnowledgeView?> UpdateAsync(long id, KnowledgeInput input, CancellationToken ct)
    {
        await ValidateAsync(input, ct);
        var article = await commit.RunAsync(async notes =>
        {
            if (await Articles.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } row || !Readable(row)) return null;
            CheckWritable(row);
            row.Apply(input, me.Username, clock.GetUtcNow());
            notes.Record(AuditActions.KnowledgeUpdate, id.ToString(), $"{row.Title} active={row.Active}");
            return row;
        }, ct);
        if (article is null) return null;
        index.Invalidate();
        return View(article, await CategoryNamesAsync(ct), null);
    }

    /// <summary>False when there is no such article the caller may read.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        var deleted = await commit.RunAsync(async notes =>
        {
            if (await Articles.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } article || !Readable(article)) return false;
            CheckWritable(article);
            db.Remove(article);
            notes.Record(AuditActions.KnowledgeDelete, id.ToString(), article.Title);
            return true;
        }, ct);
        if (deleted) index.Invalidate();
        return deleted;
    }

    private async Task ValidateAsync(KnowledgeInput input, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Text("title", input.Title, "标题", TitleMax)
            .Text("content", input.Content, "答复内容", ContentMax)
            .Text("keywords", input.Keywords, "关键词", KeywordsMax, required: false);
        if (input.CategoryId is { } c && !await db.Categories.AnyAsync(x => x.Id == c, ct)) errors.Add("categoryId", "所选分类不存在。");
        errors.ThrowIfAny();
    }

    private Task<Dictionary<long, string>> CategoryNamesAsync(CancellationToken ct) =>
        db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

    private static KnowledgeView View(KnowledgeArticle a, Dictionary<long, string> categories, double? score) =>
        new(a.Id, a.Title, a.CategoryId, a.CategoryId is { } c ? categories.GetValueOrDefault(c) : null, a.Content,
            KnowledgeRanking.SplitKeywords(a.Keywords), a.Active, a.UpdatedAt, a.UpdatedBy, score);
}
