using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minsheng.Features.Public;

/// <summary>The bytes of one attachment, found by the attachment's StorageKey.</summary>
public sealed class AttachmentBlob
{
    public string StorageKey { get; private set; } = "";
    public byte[] Bytes { get; private set; } = [];

    private AttachmentBlob() { }

    public AttachmentBlob(string storageKey, byte[] bytes)
    {
        StorageKey = storageKey;
        Bytes = bytes;
    }
}

public enum CitizenRatingValue
{
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
}

/// <summary>How the citizen rated the answer on the portal; at most one per appeal.</summary>
public sealed class CitizenRating
{
    public long Id { get; private set; }
    public long AppealId { get; private set; }
    public CitizenRatingValue Rating { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset RatedAt { get; private set; }

    private CitizenRating() { }

    public CitizenRating(long appealId, CitizenRatingValue rating, string? comment, DateTimeOffset ratedAt)
    {
        AppealId = appealId;
        Rating = rating;
        Comment = comment;
        RatedAt = ratedAt;
    }
}

/// <summary>
/// 办理公开: the redacted copy of a closed appeal that a publicity officer published. The portal reads only this
/// table, never the appeal itself, so nothing the officer did not approve can reach the public.
/// </summary>
public sealed class PublishedCase
{
    public long Id { get; private set; }
    public long AppealId { get; private set; }
    public string Title { get; private set; } = "";
    public string Content { get; private set; } = "";
    public string Reply { get; private set; } = "";
    public string? CategoryName { get; private set; }
    public string? UnitName { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset PublishedAt { get; private set; }
    public string PublishedBy { get; private set; } = "";

    private PublishedCase() { }

    public PublishedCase(long appealId, string title, string content, string reply, string? categoryName, string? unitName,
        DateTimeOffset receivedAt, DateTimeOffset? repliedAt, DateTimeOffset? closedAt, DateTimeOffset publishedAt, string publishedBy)
    {
        AppealId = appealId;
        Title = title;
        Content = content;
        Reply = reply;
        CategoryName = categoryName;
        UnitName = unitName;
        ReceivedAt = receivedAt;
        RepliedAt = repliedAt;
        ClosedAt = closedAt;
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
    }
}

internal sealed class AttachmentBlobMap : IEntityTypeConfiguration<AttachmentBlob>
{
    public void Configure(EntityTypeBuilder<AttachmentBlob> e)
    {
        e.ToTable("attachment_blobs");
        e.HasKey(b => b.StorageKey);
    }
}

internal sealed class CitizenRatingMap : IEntityTypeConfiguration<CitizenRating>
{
    public void Configure(EntityTypeBuilder<CitizenRating> e)
    {
        e.ToTable("citizen_ratings");
        e.HasIndex(r => r.AppealId).IsUnique();
    }
}

internal sealed class PublishedCaseMap : IEntityTypeConfiguration<PublishedCase>
{
    public void Configure(EntityTypeBuilder<PublishedCase> e)
    {
        e.ToTable("published_cases");
        e.HasIndex(c => c.AppealId).IsUnique();
    }
}
