using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Audit;
using Minsheng.Features.Users;

namespace Minsheng.Features.Auth;

public enum SignInResult { Success, Invalid, LockedOut }

/// <summary>Checks a password with lockout after 5 failures; the outcome is written to the audit log.</summary>
public sealed class SignInService(MinshengDb db, AuditLog audit, TimeProvider clock)
{
    public async Task<(SignInResult Result, User? User)> CheckAsync(string username, string password, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Username == username, ct);
        var now = clock.GetUtcNow();
        SignInResult result;
        if (user is null || !user.Active) result = SignInResult.Invalid;
        else if (user.IsLockedOut(now)) result = SignInResult.LockedOut;
        else if (!Passwords.Verify(user, password))
        {
            user.RecordFailedLogin(now);
            result = user.IsLockedOut(now) ? SignInResult.LockedOut : SignInResult.Invalid;
        }
        else
        {
            user.RecordSuccessfulLogin();
            result = SignInResult.Success;
        }
        await audit.AppendAsync(username, result == SignInResult.Success ? "login" : "login-failed", "user", user?.Id.ToString(), result.ToString(), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (result, result == SignInResult.Success ? user : null);
    }

    /// <summary>What a refused sign-in is told (API and login page alike): never which of the two was wrong.</summary>
    public static (string Title, string Detail) Refusal(SignInResult result) => result == SignInResult.LockedOut
        ? ("账户已锁定", "连续 5 次密码错误，账户已锁定 15 分钟。")
        : ("登录失败", "用户名或密码错误。");
}
