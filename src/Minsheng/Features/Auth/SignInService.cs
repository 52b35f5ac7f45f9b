using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minsheng.Data;
using Minsheng.Features.Audit;
using Minsheng.Features.Users;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Auth;

public enum SignInResult { Success, Invalid, Throttled }

/// <summary>
/// Checks a password under three throttles (see LoginThrottle): the account from this address, the account
/// from anywhere, and this address against any account. Each reaching its threshold locks for 1, 2, 4 …
/// minutes up to a cap. An address the account signed in from before (trusted) passes the account and
/// address locks — a stranger can slow guessing but cannot keep the owner out — yet its own pair lock
/// still applies, so a guesser on the owner's network gains nothing. Unknown accounts are throttled and
/// answered exactly like real ones, and a dummy hash is checked for them so they take as long.
/// </summary>
public sealed class SignInService(MinshengDb db, AuditLog audit, LoginAlerts alerts, IOptions<RateLimitOptions> limits, TimeProvider clock)
{
    private RateLimitOptions Limits => limits.Value;
    private TimeSpan Cap => TimeSpan.FromMinutes(Math.Max(1, Limits.LoginLockMaxMinutes));

    public async Task<(SignInResult Result, User? User)> CheckAsync(string username, string password, string address, CancellationToken ct)
    {
        var keys = new Keys(username, address);
        if (!await ReserveAsync(keys, ct)) return (SignInResult.Throttled, null);

        // Outside any transaction: the hash takes tens of milliseconds and must not hold the rows locked.
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == username, ct);
        bool ok;
        if (user is null) { Passwords.VerifyDummy(password); ok = false; }
        else ok = Passwords.Verify(user, password) && user.Active;

        await SettleAsync(keys, user, ok, ct);
        return ok ? (SignInResult.Success, user) : (SignInResult.Invalid, null);
    }

    /// <summary>What every refused sign-in is told (API and login page alike): never which part was wrong, nor whether the account exists.</summary>
    public static (string Title, string Detail) Refusal => ("登录失败", "用户名或密码错误，或账户暂时锁定。请稍后再试，多次失败请联系管理员。");

    private async Task<bool> ReserveAsync(Keys keys, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var allowed = false;
        await db.WriteAsync(async () =>
        {
            var (pair, account, addr) = await LockRowsAsync(keys, now, ct);
            var threshold = Limits.LoginFailuresBeforeLock;
            pair.LockIfAbandoned(threshold, Cap, now);
            account.LockIfAbandoned(threshold, Cap, now);
            // Attempts still being checked count against the threshold: with 30 guesses at once only 5 get checked.
            allowed = !pair.IsLocked(now) && pair.HasRoom(threshold)
                && (pair.IsTrusted(now) || (!account.IsLocked(now) && account.HasRoom(threshold) && !addr.IsLocked(now)));
            if (allowed)
            {
                pair.Count(now);
                account.Count(now);
            }
            else await audit.AppendAsync(keys.Username, AuditActions.LoginFailed, null, $"{SignInResult.Throttled} from {keys.Address}", ct);
        }, ct);
        return allowed;
    }

    private async Task SettleAsync(Keys keys, User? user, bool ok, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.WriteAsync(async () =>
        {
            var (pair, account, addr) = await LockRowsAsync(keys, now, ct);
            if (ok)
            {
                pair.SucceedAsPair(now);
                account.SucceedAsAccount();
            }
            else
            {
                // An address is counted only on a wrong password, so a whole office signing in at once is never held up.
                addr.Count(now);
                await LockIfDueAsync(keys, pair, account, addr, user, now, ct);
            }
            var result = ok ? SignInResult.Success : SignInResult.Invalid;
            var detail = user is null ? "no such account" : !ok && !user.Active ? "inactive" : null;
            await audit.AppendAsync(keys.Username, ok ? AuditActions.Login : AuditActions.LoginFailed, user?.Id.ToString(),
                $"{result} from {keys.Address}{(detail is null ? "" : $" ({detail})")}", ct);
        }, ct);
        db.ChangeTracker.Clear();
    }

    private async Task LockIfDueAsync(Keys keys, LoginThrottle pair, LoginThrottle account, LoginThrottle addr, User? user, DateTimeOffset now, CancellationToken ct)
    {
        pair.LockIfDue(Limits.LoginFailuresBeforeLock, Cap, now);
        if (account.LockIfDue(Limits.LoginFailuresBeforeLock, Cap, now))
        {
            user ??= await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == keys.Username, ct);
            // Only real accounts are worth an admin's attention; made-up names still show in the audit log.
            if (user is not null) await alerts.AccountLockedAsync(user, account, keys.Address, now, ct);
        }
        if (addr.LockIfDue(Limits.AddressFailuresBeforeLock, Cap, now)) await alerts.AddressLockedAsync(keys.Address, addr, now, ct);
    }

    /// <summary>
    /// Creates the three rows if new and locks them for this transaction: FOR UPDATE on PostgreSQL, in key
    /// order so two sign-ins never wait on each other in a cycle; SQLite transactions already hold the write lock.
    /// </summary>
    private async Task<(LoginThrottle Pair, LoginThrottle Account, LoginThrottle Address)> LockRowsAsync(Keys keys, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        string[] all = [keys.Pair, keys.Account, keys.AddressKey];
        await db.Database.ExecuteSqlRawAsync(
            "insert into login_throttles (key, failures, lockouts) values ({0}, 0, 0), ({1}, 0, 0), ({2}, 0, 0) on conflict (key) do nothing",
            [.. all.Cast<object>()], ct);
        var sql = "select * from login_throttles where key in ({0}, {1}, {2}) order by key" + (db.IsSqlite ? "" : " for update");
        var rows = await db.Set<LoginThrottle>().FromSqlRaw(sql, [.. all.Cast<object>()]).ToListAsync(ct);
        foreach (var row in rows) row.ForgetIfQuiet(now);
        return (rows.Single(r => r.Key == keys.Pair), rows.Single(r => r.Key == keys.Account), rows.Single(r => r.Key == keys.AddressKey));
    }

    private sealed record Keys(string Username, string Address)
    {
        public string Pair => LoginThrottle.Pair(Username, Address);
        public string Account => LoginThrottle.Account(Username);
        public string AddressKey => LoginThrottle.Address(Address);
    }
}
