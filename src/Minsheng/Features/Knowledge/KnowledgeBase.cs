using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Features.Audit;

namespace Minsheng.Features.Knowledge;

public sealed record KnowledgeView(long Id, string Title, long? CategoryId, string? CategoryName, string Content,
    IReadOnlyList<string> Keywords, bool Active, DateTimeOffset UpdatedAt, string UpdatedBy, double? Score);

/// <summary>Reading and maintaining the knowledge base; shared by the API, the admin page and the console.</summary>
public sealed class KnowledgeBase(MinshengDb db, KnowledgeIndex index, AuditLog audit, TimeProvider clock)
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
        var rows = await Articles.AsNoTracking().Where(a => includeInactive || a.Active)
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).ToListAsync(ct);
        var names = await CategoryNamesAsync(ct);
        return rows.Select(a => View(a, names, null)).ToList();
    }

    /// <summary>Active articles for a caller's words, best first.</summary>
    public async Task<IReadOnlyList<KnowledgeView>> SearchAsync(string? query, int max, CancellationToken ct)
    {
        new FieldErrors().Text("q", query, "查询内容", QueryMax, required: false).ThrowIfAny();
        var hits = index.Search(query, Math.Clamp(max, 1, MaxHits));
        if (hits.Count == 0) return [];
        var names = await CategoryNamesAsync(ct);
        return hits.Select(h => View(h.Article, names, h.Score)).ToList();
    }

    public Task<KnowledgeArticle?> FindAsync(long id, CancellationToken ct) =>
        Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);

    public async Task<KnowledgeView> CreateAsync(KnowledgeInput input, string actor, CancellationToken ct)
    {
        await ValidateAsync(input, ct);
        var article = new KnowledgeArticle(input, actor, clock.GetUtcNow());
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Add(article);
            await db.SaveChangesAsync(ct);
            await audit.AppendAsync(actor, "knowledge.create", "knowledge", article.Id.ToString(), article.Title, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        index.Invalidate();
        return View(article, await CategoryNamesAsync(ct), null);
    }

    public async Task<KnowledgeView?> UpdateAsync(long id, KnowledgeInput input, string actor, CancellationToken ct)
    {
        await ValidateAsync(input, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await Articles.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } article) return null;
        article.Apply(input, actor, clock.GetUtcNow());
        await audit.AppendAsync(actor, "knowledge.update", "knowledge", id.ToString(), $"{article.Title} active={article.Active}", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        index.Invalidate();
        return View(article, await CategoryNamesAsync(ct), null);
    }

    public async Task<bool> DeleteAsync(long id, string actor, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await Articles.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } article) return false;
        db.Remove(article);
        await audit.AppendAsync(actor, "knowledge.delete", "knowledge", id.ToString(), article.Title, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        index.Invalidate();
        return true;
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
