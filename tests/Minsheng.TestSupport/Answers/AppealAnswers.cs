using Minsheng.Domain.Appeals;

namespace Minsheng.TestSupport.Answers;

// The staff API's appeal answers as the tests read them: only the fields some test looks at, under the names
// the API sends. Enums travel as names and are read strictly (an unknown name fails the read).

public sealed record DeadlinesAnswer(DateTimeOffset? SignFor, DateTimeOffset? FirstContact, DateTimeOffset? Reply, DateTimeOffset? Resolve);

public sealed record AppealSummaryAnswer(
    long Id, string Number, string Title, AppealStatus Status, AppealType Type, Tier Tier, Channel Channel,
    string? RegionName, long? LeadUnitId, DeadlinesAnswer Deadlines);

public sealed record TimelineAnswer(AppealAction Action, AppealStatus? From, AppealStatus To, string ActorName, string? ActorRole, string? ActorUnit, string? Comment);

public sealed record AttachmentAnswer(long Id, string FileName, string ContentType, long Size);

/// <summary>GET /api/appeals/{id} and the answer of every workflow step.</summary>
public sealed record AppealAnswer(
    AppealSummaryAnswer Summary, int Version, string? Reply, int ReturnCount, int RedoCount, bool ExtensionUsed, long? MergedIntoId,
    IReadOnlyList<AttachmentAnswer> Attachments, IReadOnlyList<string> AvailableActions, IReadOnlyList<TimelineAnswer> Timeline)
{
    public long Id => Summary.Id;
    public string Number => Summary.Number;
    public AppealStatus Status => Summary.Status;

    /// <summary>The timeline's actions in order.</summary>
    public IEnumerable<AppealAction> Actions => Timeline.Select(t => t.Action);
}

/// <summary>A page of a list (GET /api/appeals and the other paged lists).</summary>
public sealed record PageAnswer<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize, bool TotalCapped = false);
