using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Appeals;

// Bodies of the appeal endpoints. Each workflow action has its own body, next to its descriptor in Actions/.

public sealed record CreateAppealRequest(
    Channel? Channel, AppealType? Type, long? CategoryId, Tier? Tier, string? Title, string? Content,
    long? RegionUnitId, string? Address, double? Latitude, double? Longitude,
    string? CitizenName, string? CitizenPhone, string? CitizenAddress, long? SubjectUnitId);

public sealed record UnmaskRequest(string? Reason);
