using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Notifications;

/// <summary>
/// One message as one person sees it. Read: this person has read it. AddressedToMe: it is addressed to this person's
/// unit (unit staff) or role, so they may mark it read; otherwise it is shown for information only (a dispatcher
/// sees the units' reminders, a leader the 督办单) and never counts as unread.
/// </summary>
public sealed record NotificationView(long Id, NotificationKind Kind, string KindLabel, long? AppealId, string? Stage, string Title, string Body,
    DateTimeOffset? DueAt, DateTimeOffset CreatedAt, bool Read, string? UnitName, bool AddressedToMe = true);

/// <summary>The in-app inbox: unit staff get their units' reminders and 催办单, supervisors the 督办单, leaders the digests.</summary>
public static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").RequireAuthorization().WithTags("消息");
        group.MapGet("/", Inbox).WithSummary("本人的消息；unread=true 只列发给本人且本人未读的");
        group.MapPost("/{id:long}/read", Read).WithSummary("本人标为已读；只有收件人（所发单位的承办人、负责人，或所发岗位）可以标记，其他人 404");
    }

    private static IQueryable<Notification> Visible(MinshengDb db, CurrentUser me, UnitTree units)
    {
        var subtree = units.Subtree(me.UnitId).Select(id => (long?)id).ToArray();
        // Supervision notices carry the lead unit and digests their county: each jurisdiction reads its own.
        // Notices addressed to no unit predate jurisdictions and stay with staff who see the whole deployment.
        var everything = me.SeesEverything;
        var atTop = units.IsRoot(me.UnitId);
        return me.Role switch
        {
            Role.UnitHandler or Role.UnitHead or Role.Dispatcher =>
                db.Notifications.Where(n => n.Audience == Audience.Unit && subtree.Contains(n.UnitId)),
            Role.Supervisor => db.Notifications.Where(n => n.Audience == Audience.Supervisors
                && (subtree.Contains(n.UnitId) || (everything && n.UnitId == null))),
            Role.Leader => db.Notifications.Where(n => (n.Audience == Audience.Leaders || n.Audience == Audience.Supervisors)
                && (subtree.Contains(n.UnitId) || (everything && n.UnitId == null))),
            // Alerts about an address name no unit: every top-level admin gets them.
            Role.Admin => db.Notifications.Where(n => n.Audience == Audience.Admins
                && (subtree.Contains(n.UnitId) || (atTop && n.UnitId == null))),
            _ => db.Notifications.Where(_ => false),
        };
    }

    /// <summary>
    /// The messages this person is an addressee of: a unit's messages go to the staff of exactly that unit (not to a
    /// dispatcher or a parent unit that oversees it), role messages to that role.
    /// </summary>
    private static IQueryable<Notification> Addressed(MinshengDb db, CurrentUser me)
    {
        long? unit = me.UnitId;
        return me.Role switch
        {
            Role.UnitHandler or Role.UnitHead => db.Notifications.Where(n => n.Audience == Audience.Unit && n.UnitId == unit),
            Role.Supervisor => db.Notifications.Where(n => n.Audience == Audience.Supervisors),
            Role.Leader => db.Notifications.Where(n => n.Audience == Audience.Leaders),
            Role.Admin => db.Notifications.Where(n => n.Audience == Audience.Admins),
            _ => db.Notifications.Where(_ => false),
        };
    }

    /// <summary>Read by this person; rows read before migration 009 (read_at, then unit-wide) stay read.</summary>
    private static IQueryable<long> ReadBy(MinshengDb db, long userId) =>
        db.Set<NotificationRead>().Where(r => r.UserId == userId).Select(r => r.NotificationId);

    public static async Task<List<NotificationView>> Inbox(bool? unread, MinshengDb db, CurrentUser me, UnitTree units, CancellationToken ct)
    {
        var mine = ReadBy(db, me.Id);
        var addressed = Addressed(db, me).Select(n => n.Id);
        var q = Visible(db, me, units).AsNoTracking();
        if (unread == true) q = q.Where(n => addressed.Contains(n.Id) && n.ReadAt == null && !mine.Contains(n.Id));
        var rows = await q.OrderByDescending(n => n.Id).Take(200)
            .Select(n => new { n, Read = n.ReadAt != null || mine.Contains(n.Id), Addressed = addressed.Contains(n.Id) })
            .ToListAsync(ct);
        return rows.Select(x => new NotificationView(x.n.Id, x.n.Kind, Label(x.n.Kind), x.n.AppealId, x.n.Stage?.ToString(), x.n.Title, x.n.Body,
            x.n.DueAt, x.n.CreatedAt, x.Read, x.n.UnitId is { } u ? units.NameOf(u) : null, x.Addressed)).ToList();
    }

    /// <summary>Marks the message read for this person only; 404 for anyone it is not addressed to (even if they can see it).</summary>
    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> Read(long id, MinshengDb db, CurrentUser me, UnitTree units, TimeProvider clock, CancellationToken ct)
    {
        var visible = Visible(db, me, units).Select(n => n.Id);
        if (!await Addressed(db, me).AnyAsync(n => n.Id == id && visible.Contains(n.Id), ct))
            return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "消息不存在", Detail = "消息不存在，或不是发给您的。" });
        if (await db.Set<NotificationRead>().AnyAsync(r => r.NotificationId == id && r.UserId == me.Id, ct)) return TypedResults.NoContent();
        db.Set<NotificationRead>().Add(new NotificationRead(id, me.Id, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person clicked twice at once: fine if the other click recorded it, a bug otherwise.
            db.ChangeTracker.Clear();
            if (!await db.Set<NotificationRead>().AnyAsync(r => r.NotificationId == id && r.UserId == me.Id, ct)) throw;
        }
        return TypedResults.NoContent();
    }

    /// <summary>For boards that list a unit's messages (督办 page): which of them someone at the addressed unit has read.</summary>
    public static async Task<HashSet<long>> ReadByAddresseesAsync(MinshengDb db, IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var rows = await (from r in db.Set<NotificationRead>()
                          join n in db.Notifications on r.NotificationId equals n.Id
                          join u in db.Users on r.UserId equals u.Id
                          where ids.Contains(n.Id) && u.UnitId == n.UnitId
                          select n.Id)
            .Union(db.Notifications.Where(n => ids.Contains(n.Id) && n.ReadAt != null).Select(n => n.Id))
            .ToListAsync(ct);
        return rows.ToHashSet();
    }

    public static string Label(NotificationKind kind) => kind switch
    {
        NotificationKind.DeadlineReminder => "临期提醒",
        NotificationKind.ReminderNotice => "催办单",
        NotificationKind.SupervisionOrder => "督办单",
        NotificationKind.ManualSupervision => "督办交办",
        NotificationKind.LoginAttack => "登录异常",
        _ => "高位办日报",
    };
}
