using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minsheng.Features.Auth;

/// <summary>
/// Failure counter and lock of one throttle key (see migration 008). For an account (and an account at an
/// address) every attempt is counted as a failure before its password is checked and forgiven if it was
/// right, so parallel guesses cannot all reach the check before the first failure is recorded.
/// </summary>
public sealed class LoginThrottle
{
    /// <summary>Counters forget after a day without a failure, so old typos never add up to a lock.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromDays(1);
    /// <summary>How long a successful sign-in from an address keeps that address trusted for that account.</summary>
    public static readonly TimeSpan TrustFor = TimeSpan.FromDays(30);

    public string Key { get; private set; } = "";
    public int Failures { get; private set; }
    public int Lockouts { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public DateTimeOffset? LastFailureAt { get; private set; }
    public DateTimeOffset? TrustedUntil { get; private set; }

    private LoginThrottle() { }

    public static string Pair(string username, string address) => $"p:{username.ToLowerInvariant()}|{address}";
    public static string Account(string username) => $"u:{username.ToLowerInvariant()}";
    public static string Address(string address) => $"a:{address}";

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;
    public bool IsTrusted(DateTimeOffset now) => TrustedUntil is { } until && until > now;

    public void ForgetIfQuiet(DateTimeOffset now)
    {
        if (LastFailureAt is not { } last || now - last < Memory || IsLocked(now)) return;
        Failures = 0;
        Lockouts = 0;
    }

    /// <summary>Attempts still being checked settle within this; a count older than it belongs to attempts that never came back.</summary>
    public static readonly TimeSpan InFlight = TimeSpan.FromMinutes(1);

    public bool HasRoom(int threshold) => Failures < threshold;

    /// <summary>Counts an attempt as a failure: before its password is checked (accounts) or after (addresses).</summary>
    public void Count(DateTimeOffset now)
    {
        Failures++;
        LastFailureAt = now;
    }

    /// <summary>
    /// Locks once the threshold is reached: 1, 2, 4 … minutes, capped. Returns whether this call locked it,
    /// so the alert goes out once per lock.
    /// </summary>
    public bool LockIfDue(int threshold, TimeSpan cap, DateTimeOffset now)
    {
        if (Failures < threshold || IsLocked(now)) return false;
        Lockouts++;
        var minutes = Math.Pow(2, Math.Min(Lockouts - 1, 20));
        LockedUntil = now + TimeSpan.FromMinutes(Math.Min(minutes, cap.TotalMinutes));
        Failures = 0;
        return true;
    }

    /// <summary>The right password for this account from this address: forget its failures and trust it.</summary>
    public void SucceedAsPair(DateTimeOffset now)
    {
        Failures = 0;
        Lockouts = 0;
        LockedUntil = null;
        TrustedUntil = now + TrustFor;
    }

    /// <summary>
    /// The account's owner got in: its failures are forgiven, but a lock others caused stays until it runs out,
    /// so a guesser elsewhere does not get a fresh set of tries each time the owner signs in.
    /// </summary>
    public void SucceedAsAccount() => Failures = 0;

    /// <summary>An attempt that died between counting and settling (a crash) is taken as the failure it was counted as.</summary>
    public bool LockIfAbandoned(int threshold, TimeSpan cap, DateTimeOffset now) =>
        LastFailureAt is { } last && now - last >= InFlight && LockIfDue(threshold, cap, now);

    public TimeSpan LockLength(DateTimeOffset now) => LockedUntil is { } until && until > now ? until - now : TimeSpan.Zero;
}

internal sealed class LoginThrottleMap : IEntityTypeConfiguration<LoginThrottle>
{
    public void Configure(EntityTypeBuilder<LoginThrottle> e)
    {
        e.ToTable("login_throttles");
        e.HasKey(t => t.Key);
    }
}
