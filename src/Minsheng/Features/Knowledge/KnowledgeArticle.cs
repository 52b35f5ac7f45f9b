using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minsheng.Features.Knowledge;

/// <summary>
/// 知识库条目: a standard answer an operator reads to a caller (and may close the call with, 直接办结).
/// Keywords are stored space-separated; they weigh more than the content when searching.
/// </summary>
public sealed class KnowledgeArticle
{
    public long Id { get; private set; }
    public string Title { get; private set; } = "";
    public long? CategoryId { get; private set; }
    public string Content { get; private set; } = "";
    public string Keywords { get; private set; } = "";
    public bool Active { get; private set; } = true;
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    /// <summary>The county or city whose article this is; null for one shared by the whole deployment (全域共用).</summary>
    public long? UnitId { get; private set; }

    private KnowledgeArticle() { }

    public KnowledgeArticle(KnowledgeInput input, string by, DateTimeOffset now, long? unitId = null)
    {
        UnitId = unitId;
        Apply(input, by, now);
    }

    /// <summary>Takes validated input (see KnowledgeBase.Validate).</summary>
    public void Apply(KnowledgeInput input, string by, DateTimeOffset now)
    {
        Title = input.Title!.Trim();
        CategoryId = input.CategoryId;
        Content = input.Content!.Trim();
        Keywords = string.Join(' ', KnowledgeRanking.SplitKeywords(input.Keywords));
        Active = input.Active ?? true;
        UpdatedAt = now;
        UpdatedBy = by;
    }
}

/// <summary>What an admin writes; the API body and the admin page's form alike.</summary>
public sealed record KnowledgeInput(string? Title, long? CategoryId, string? Content, string? Keywords, bool? Active);

public sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> e) => e.ToTable("knowledge_articles");
}
