namespace Minsheng.Domain.Organization;

/// <summary>Staff roles from product.md. Citizens have no account; they act through the public portal.</summary>
public enum Role
{
    Operator,
    Dispatcher,
    UnitHandler,
    UnitHead,
    Supervisor,
    Analyst,
    Leader,
    Publicity,
    Admin,
}

public static class Roles
{
    /// <summary>Roles that work on appeals dispatched to their unit subtree, as opposed to a jurisdiction.</summary>
    public static bool IsUnitStaff(this Role role) => role is Role.UnitHandler or Role.UnitHead;
}
