namespace Minsheng.Domain.Priorities;

/// <summary>Work a jurisdiction gives a lead unit; who may see it follows from these two ids.</summary>
public interface IAssignedWork
{
    long JurisdictionId { get; }
    long LeadUnitId { get; }
}
