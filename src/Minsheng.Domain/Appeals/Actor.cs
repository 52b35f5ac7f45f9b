using Minsheng.Domain.Organization;

namespace Minsheng.Domain.Appeals;

/// <summary>
/// Who takes an action. Covers answers whether a unit lies in the actor's own unit subtree; the
/// application builds it from the unit tree so the domain stays free of storage.
/// </summary>
public sealed record Actor(long? UserId, string Name, Role? Role, long? UnitId, Func<long, bool> Covers)
{
    public static Actor Citizen { get; } = new(null, "群众", null, null, _ => false);

    public static Actor System { get; } = new(null, "系统", null, null, _ => false);
}
