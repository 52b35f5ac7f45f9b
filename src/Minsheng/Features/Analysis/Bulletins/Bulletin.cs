using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Domain.Instructions;

namespace Minsheng.Features.Analysis.Bulletins;

/// <summary>One issue of 《民意参考》 for a jurisdiction (county or city). Its number (第 N 期) is given when it is issued.</summary>
public sealed class Bulletin
{
    public long Id { get; private set; }
    public long JurisdictionId { get; private set; }
    public BulletinStatus Status { get; private set; }
    public int? Year { get; private set; }
    public int? Number { get; private set; }
    public string IssuingOffice { get; private set; } = "";
    public long AuthorId { get; private set; }
    public string AuthorName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public long? ReviewedById { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? IssuedBy { get; private set; }
    public DateTimeOffset? IssuedAt { get; private set; }
    public int Version { get; private set; }

    private Bulletin() { }

    public Bulletin(long jurisdictionId, string issuingOffice, long authorId, string authorName, DateTimeOffset now)
    {
        JurisdictionId = jurisdictionId;
        IssuingOffice = issuingOffice;
        AuthorId = authorId;
        AuthorName = authorName;
        CreatedAt = now;
        Status = BulletinStatus.Draft;
    }

    /// <summary>Any change to the content voids a review.</summary>
    public void Edited()
    {
        Status = BulletinWorkflow.Edit(Status);
        (ReviewedById, ReviewedBy, ReviewedAt) = (null, null, null);
        Version++;
    }

    public void Review(long reviewerId, string reviewer, int itemCount, DateTimeOffset now)
    {
        Status = BulletinWorkflow.Review(Status, AuthorId, reviewerId, itemCount);
        (ReviewedById, ReviewedBy, ReviewedAt) = (reviewerId, reviewer, now);
        Version++;
    }

    public void Issue(string by, int year, int number, DateTimeOffset now)
    {
        Status = BulletinWorkflow.Issue(Status);
        (Year, Number, IssuedBy, IssuedAt) = (year, number, by, now);
        Version++;
    }
}

/// <summary>
/// One item of an issue: a problem, how many people raised it, their voices with personal data removed, how it is being
/// handled, and the analysts' recommendations. Figures and quotes are taken when drafted (and when refreshed).
/// </summary>
public sealed class BulletinItem
{
    public long Id { get; private set; }
    public long BulletinId { get; private set; }
    public int Position { get; private set; }
    public string Title { get; private set; } = "";
    public string Problem { get; private set; } = "";
    public int PeopleCount { get; private set; }
    public int AppealCount { get; private set; }
    /// <summary>The quotes, one per line, already stripped of personal data.</summary>
    public string Voices { get; private set; } = "";
    public string Handling { get; private set; } = "";
    public string Recommendation { get; private set; } = "";
    /// <summary>The ids of the source appeals, comma-separated.</summary>
    public string SourceAppealIds { get; private set; } = "";
    /// <summary>Where the item came from when it is not a hand-picked set, e.g. a hot topic's reference.</summary>
    public string? TopicRef { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private BulletinItem() { }

    public BulletinItem(long bulletinId, int position, string title, string problem, ItemFacts facts, string recommendation, string? topicRef, DateTimeOffset now)
    {
        BulletinId = bulletinId;
        Position = position;
        TopicRef = topicRef;
        CreatedAt = now;
        Edit(title, problem, facts.Handling, recommendation);
        Apply(facts);
    }

    public IReadOnlyList<long> AppealIds => SourceAppealIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();

    public IReadOnlyList<string> VoiceList => Voices.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public void Edit(string title, string problem, string handling, string recommendation) =>
        (Title, Problem, Handling, Recommendation) = (title.Trim(), problem.Trim(), handling.Trim(), recommendation.Trim());

    private void Apply(ItemFacts facts)
    {
        (PeopleCount, AppealCount) = (facts.People, facts.Appeals);
        Voices = string.Join('\n', facts.Voices);
        SourceAppealIds = string.Join(',', facts.AppealIds);
    }
}

/// <summary>What the source appeals say about an item, computed by <see cref="ItemFactsReader"/>.</summary>
public sealed record ItemFacts(IReadOnlyList<long> AppealIds, int Appeals, int People, IReadOnlyList<string> Voices, string Handling);

internal sealed class BulletinMap : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> e)
    {
        e.ToTable("bulletins");
        e.Property(b => b.Version).IsConcurrencyToken();
    }
}

internal sealed class BulletinItemMap : IEntityTypeConfiguration<BulletinItem>
{
    public void Configure(EntityTypeBuilder<BulletinItem> e)
    {
        e.ToTable("bulletin_items");
        e.Ignore(i => i.AppealIds);
        e.Ignore(i => i.VoiceList);
    }
}
