using Minsheng.Domain.Organization;

namespace Minsheng.Features.Users;

/// <summary>A staff account. Its role applies to the subtree under its unit.</summary>
public sealed class User
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public long Id { get; private set; }
    public string Username { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";
    public Role Role { get; private set; }
    public long UnitId { get; private set; }
    public int FailedLogins { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public bool Active { get; private set; } = true;
    /// <summary>Changes on password reset or deactivation, which invalidates outstanding tokens.</summary>
    public string SecurityStamp { get; private set; } = NewStamp();
    public DateTimeOffset CreatedAt { get; private set; }

    private User() { }

    public User(string username, string displayName, Role role, long unitId, DateTimeOffset now)
    {
        Username = username;
        DisplayName = displayName;
        Role = role;
        UnitId = unitId;
        CreatedAt = now;
    }

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public void SetPasswordHash(string hash)
    {
        PasswordHash = hash;
        SecurityStamp = NewStamp();
        FailedLogins = 0;
        LockedUntil = null;
    }

    public void RecordFailedLogin(DateTimeOffset now)
    {
        FailedLogins++;
        if (FailedLogins >= MaxFailedLogins)
        {
            LockedUntil = now + LockoutDuration;
            FailedLogins = 0;
        }
    }

    public void RecordSuccessfulLogin() => FailedLogins = 0;

    public void Update(string displayName, Role role, long unitId, bool active)
    {
        if (role != Role || unitId != UnitId || active != Active) SecurityStamp = NewStamp();
        DisplayName = displayName;
        Role = role;
        UnitId = unitId;
        Active = active;
    }
}
