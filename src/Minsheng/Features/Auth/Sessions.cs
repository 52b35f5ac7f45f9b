using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Auth;

/// <summary>
/// Signing out ends every session of the account, on the server: a new security stamp makes
/// ValidateUserMiddleware refuse all cookies and bearer tokens issued before it (the cookie and token
/// themselves cannot be recalled from the client). A shared desk PC's old cookie is worthless after 退出.
/// </summary>
public sealed class Sessions(MinshengDb db, AuditedCommit commit, CurrentUser me)
{
    /// <summary>Ends the sessions of the signed-in user (退出 signs out oneself only).</summary>
    public Task RevokeAllAsync(CancellationToken ct)
    {
        var userId = me.Id;
        var stamp = Guid.NewGuid().ToString("N");
        return commit.RunAsync(async notes =>
        {
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), ct);
            notes.Record(AuditActions.Logout, userId.ToString());
        }, ct);
    }
}
