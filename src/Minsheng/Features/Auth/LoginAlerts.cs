using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Notifications;
using Minsheng.Features.Monitor;
using Minsheng.Features.Users;

namespace Minsheng.Features.Auth;

/// <summary>
/// Tells the administrators (in-app inbox, and whatever senders are configured) when guessing locks an
/// account or an address. One notice per account or address per hour, however many locks follow.
/// </summary>
public sealed class LoginAlerts(MinshengDb db, SqlWriter writer)
{
    public async Task AccountLockedAsync(User user, LoginThrottle account, string address, DateTimeOffset now, CancellationToken ct)
    {
        // The admin user list shows the lock from the users row.
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockedUntil, account.LockedUntil), ct);
        await writer.AddAsync([new Notification($"login-attack:u:{user.Id}:{now:yyyyMMddHH}", NotificationKind.LoginAttack, Audience.Admins,
            user.UnitId, null, null, $"账户 {user.Username} 疑似被猜测密码",
            $"账户 {user.Username}（{user.DisplayName}）连续多次密码错误，已暂时锁定 {Minutes(account, now)} 分钟（连续第 {account.Lockouts} 次锁定），最近一次来自 {address}。" +
            "本人常用地址仍可登录；如非本人操作，请核实并考虑重置密码。", null, now)], ct);
    }

    public Task AddressLockedAsync(string address, LoginThrottle row, DateTimeOffset now, CancellationToken ct) =>
        writer.AddAsync([new Notification($"login-attack:a:{address}:{now:yyyyMMddHH}", NotificationKind.LoginAttack, Audience.Admins,
            null, null, null, $"地址 {address} 多次登录失败",
            $"来自 {address} 的登录在多个账户上连续失败，该地址已暂时禁止登录 {Minutes(row, now)} 分钟（第 {row.Lockouts} 次）。已在该地址成功登录过的账户不受影响。",
            null, now)], ct);

    private static int Minutes(LoginThrottle row, DateTimeOffset now) => (int)Math.Ceiling(row.LockLength(now).TotalMinutes);
}
