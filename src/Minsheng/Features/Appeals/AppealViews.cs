using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Appeals;

public sealed record Deadlines(DateTimeOffset? SignFor, DateTimeOffset? FirstContact, DateTimeOffset? Reply, DateTimeOffset? Resolve);

/// <summary>One stage clock: its deadline, when it stopped, and the working hours left (negative: overdue by).</summary>
public sealed record ClockView(string Stage, string StageLabel, DateTimeOffset Due, DateTimeOffset? DoneAt, bool Overdue, double RemainingWorkingHours);

public sealed record AppealSummary(
    long Id, string Number, string Title, AppealStatus Status, string StatusLabel,
    AppealType Type, string TypeLabel, Tier Tier, string TierLabel, Channel Channel, string ChannelLabel,
    long? CategoryId, string? CategoryName, long? RegionUnitId, string? RegionName, long? LeadUnitId, string? LeadUnitName,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Deadlines Deadlines, DateTimeOffset? NextDue);

/// <summary>
/// The complainant as the viewer may see them: masked by default, absent when confidential. After a logged 查阅
/// it also carries the appeal's free text as written (Text), since that too is masked by default.
/// </summary>
public sealed record CitizenView(bool Anonymous, string? Name, string? Phone, string? Address, bool Masked, RevealedText? Text = null);

/// <summary>The free texts of an appeal as written, shown only after 查阅.</summary>
public sealed record RevealedText(string Title, string Content, string? Reply, string? ReplyDraft, IReadOnlyList<TimelineView> Timeline);

public sealed record UnitRef(long Id, string Name);

public sealed record TimelineView(
    long Id, DateTimeOffset At, AppealAction Action, string ActionLabel, AppealStatus? From, AppealStatus To, string ToLabel,
    string ActorName, string? ActorRole, string? ActorUnit, string? Comment);

public sealed record AttachmentView(long Id, string FileName, string ContentType, long Size);

public sealed record AppealDetail(
    AppealSummary Summary, string Content, string? Address, double? Latitude, double? Longitude,
    CitizenView? Citizen, bool ComplainantHidden, UnitRef? SubjectUnit, IReadOnlyList<UnitRef> CoUnits,
    string? Reply, string? ReplyDraft, DateTimeOffset? RepliedAt, DateTimeOffset? ClosedAt, string? CloseReason,
    string? ReturnReason, int ReturnCount, int RedoCount, bool ExtensionUsed, int? PendingExtensionDays, string? PendingExtensionReason,
    int CallbackAttempts, CallbackOutcome? CallbackOutcome, long? MergedIntoId,
    IReadOnlyList<AttachmentView> Attachments, IReadOnlyList<string> AvailableActions, int Version,
    IReadOnlyList<ClockView> Clocks, bool DeadlinesProvisional,
    IReadOnlyList<TimelineView> Timeline);

/// <param name="TotalCapped">True when Total is <see cref="AppealCount.Cap"/> and more match (the count stopped there).</param>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize, bool TotalCapped = false);
