using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Knowledge;

/// <summary>
/// The active articles prepared for ranking, shared by every request: the console searches on each pause
/// in typing, and a few hundred articles rank in memory in about a millisecond. Refreshed when this
/// instance changes an article and at least every 30 seconds for changes made by other instances.
/// </summary>
public sealed class KnowledgeIndex(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly RefreshingSnapshot<Snapshot> _current = new(() => Load(scopes, clock), clock);

    public sealed record Snapshot(KnowledgeCorpus Corpus, IReadOnlyDictionary<long, KnowledgeArticle> Articles, DateTimeOffset LoadedAt);

    public void Invalidate() => _current.Invalidate();

    public Snapshot Current => _current.Value;

    /// <summary>The best active articles for a text, with their scores.</summary>
    public IReadOnlyList<(KnowledgeArticle Article, double Score)> Search(string? text, int max)
    {
        var s = Current;
        return KnowledgeRanking.Rank(text, s.Corpus, max).Select(r => (s.Articles[r.Id], r.Score)).ToList();
    }

    private static Snapshot Load(IServiceScopeFactory scopes, TimeProvider clock)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var articles = db.Set<KnowledgeArticle>().AsNoTracking().Where(a => a.Active).ToList();
        var corpus = KnowledgeCorpus.Build(articles.Select(a => new KnowledgeDocument(a.Id, a.Title, a.Keywords, a.Content)));
        return new Snapshot(corpus, articles.ToDictionary(a => a.Id), clock.GetUtcNow());
    }
}
