using Minsheng.Domain.Instructions;

namespace Minsheng.Features.Analysis.Bulletins;

public sealed record BulletinSummary(long Id, long JurisdictionId, string Jurisdiction, BulletinStatus Status, string StatusLabel,
    int? Year, int? Number, string NumberLabel, string IssuingOffice, int ItemCount, string AuthorName, DateTimeOffset CreatedAt,
    string? ReviewedBy, DateTimeOffset? ReviewedAt, string? IssuedBy, DateTimeOffset? IssuedAt);

public sealed record BulletinItemView(long Id, int Position, string Ordinal, string Title, string Problem, int PeopleCount, int AppealCount,
    IReadOnlyList<string> Voices, string Handling, string Recommendation, IReadOnlyList<long> AppealIds, string? TopicRef);

public sealed record BulletinView(BulletinSummary Summary, IReadOnlyList<BulletinItemView> Items);

/// <summary>An item to draft: a title, the appeals behind it (ids), and optionally where it came from (a hot topic's reference).</summary>
public sealed record ItemDraftRequest(string? Title, long[]? AppealIds, string? TopicRef, string? Problem, string? Recommendation);

public sealed record ItemEditRequest(string? Title, string? Problem, string? Handling, string? Recommendation);

public sealed record BulletinCreateRequest(string? IssuingOffice);

/// <summary>An appeal an analyst may draw an item from (suggestions, or a search), title shown masked.</summary>
public sealed record CandidateAppeal(long Id, string Number, string Title, string TypeLabel, string StatusLabel, DateTimeOffset CreatedAt);

public static class BulletinNumbering
{
    /// <summary>"2026年第1期", or "草稿（签发时编号）" before it is issued.</summary>
    public static string Label(int? year, int? number) => year is { } y && number is { } n ? $"{y}年第{n}期" : "未编号（签发时编号）";
}
