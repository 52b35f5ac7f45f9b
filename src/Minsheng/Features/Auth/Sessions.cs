using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Audit;

namespace Minsheng.Features.Auth;

/// <summary>
/// Signing out ends every session of the account, on the server: a new security stamp makes
/// ValidateUserMiddleware refuse all cookies and bearer tokens issued before it (the cookie and token
/// themselves cannot be recalled from the client). A shared desk PC's old cookie is worthless after 退出.
/// </summary>
public sealed class Sessions(MinshengDb db, AuditLog audit)
{
    public async Task RevokeAllAsync(long userId, string username, CancellationToken ct)
    {
        var stamp = Guid.NewGuid().ToString("N");
        await db.WriteAsync(async () =>
        {
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), ct);
            await audit.AppendAsync(username, "logout", "user", userId.ToString(), null, ct);
        }, ct);
    }
}
