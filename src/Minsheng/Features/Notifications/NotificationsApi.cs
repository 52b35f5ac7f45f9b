using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Notifications;

public sealed record NotificationView(long Id, NotificationKind Kind, string KindLabel, long? AppealId, string? Stage, string Title, string Body,
    DateTimeOffset? DueAt, DateTimeOffset CreatedAt, bool Read, string? UnitName);

/// <summary>The in-app inbox: unit staff get their units' reminders and 催办单, supervisors the 督办单, leaders the digests.</summary>
public static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").RequireAuthorization().WithTags("消息");
        group.MapGet("/", Inbox);
        group.MapPost("/{id:long}/read", Read);
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

    public static async Task<List<NotificationView>> Inbox(bool? unread, MinshengDb db, CurrentUser me, UnitTree units, CancellationToken ct)
    {
        var q = Visible(db, me, units).AsNoTracking();
        if (unread == true) q = q.Where(n => n.ReadAt == null);
        var rows = await q.OrderByDescending(n => n.Id).Take(200).ToListAsync(ct);
        return rows.Select(n => new NotificationView(n.Id, n.Kind, Label(n.Kind), n.AppealId, n.Stage?.ToString(), n.Title, n.Body,
            n.DueAt, n.CreatedAt, n.ReadAt is not null, n.UnitId is { } u ? units.NameOf(u) : null)).ToList();
    }

    public static async Task<Results<NoContent, NotFound<ProblemDetails>>> Read(long id, MinshengDb db, CurrentUser me, UnitTree units, TimeProvider clock, CancellationToken ct)
    {
        var n = await Visible(db, me, units).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "消息不存在" });
        n.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
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
