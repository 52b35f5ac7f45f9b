using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Appeals;

// Bodies of the appeal endpoints. Every workflow body may carry the Version the client last saw:
// when present and stale, the action is refused with 409 instead of acting on a changed appeal.

public sealed record CreateAppealRequest(
    Channel? Channel, AppealType? Type, long? CategoryId, Tier? Tier, string? Title, string? Content,
    long? RegionUnitId, string? Address, double? Latitude, double? Longitude,
    string? CitizenName, string? CitizenPhone, string? CitizenAddress, long? SubjectUnitId);

public sealed record DispatchRequest(long? LeadUnitId, long[]? CoUnitIds, long? CategoryId, Tier? Tier, AppealType? Type, string? Comment, int? Version);

public sealed record CommentRequest(string? Comment, int? Version);

public sealed record ReasonRequest(string? Reason, int? Version);

public sealed record ContentRequest(string? Content, int? Version);

public sealed record ExtensionRequest(int? Days, string? Reason, int? Version);

public sealed record CallbackRequest(CallbackOutcome? Outcome, bool? Resolved, bool? UnitAtFault, string? Comment, int? Version);

public sealed record MergeRequest(long? TargetId, int? Version);

public sealed record UnmaskRequest(string? Reason);
