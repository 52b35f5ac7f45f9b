using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Appeals;

// Bodies of the appeal endpoints. Workflow actions take ActionInput (AppealActionCatalog.cs); each may carry the
// Version the client last saw: when present and stale, the action is refused with 409 instead of acting on a changed appeal.

public sealed record CreateAppealRequest(
    Channel? Channel, AppealType? Type, long? CategoryId, Tier? Tier, string? Title, string? Content,
    long? RegionUnitId, string? Address, double? Latitude, double? Longitude,
    string? CitizenName, string? CitizenPhone, string? CitizenAddress, long? SubjectUnitId);

public sealed record UnmaskRequest(string? Reason);
