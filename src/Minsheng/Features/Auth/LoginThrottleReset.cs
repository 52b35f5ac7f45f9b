using Microsoft.EntityFrameworkCore;
using Minsheng.Data;

namespace Minsheng.Features.Auth;

public static class LoginThrottleReset
{
    /// <summary>A password reset lifts the account's locks (from anywhere and from each address); trust in known addresses stays.</summary>
    public static Task<int> ForgetAccountAsync(MinshengDb db, string username, CancellationToken ct)
    {
        var account = LoginThrottle.Account(username);
        var pairs = LoginThrottle.Pair(username, "");
        return db.Set<LoginThrottle>().Where(t => t.Key == account || t.Key.StartsWith(pairs))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Failures, 0).SetProperty(t => t.Lockouts, 0).SetProperty(t => t.LockedUntil, (DateTimeOffset?)null), ct);
    }
}
