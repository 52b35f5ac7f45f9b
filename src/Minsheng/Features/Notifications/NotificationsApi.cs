using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Notifications;

namespace Minsheng.Features.Notifications;

/// <summary>
/// One message as one person sees it. Read: this person has read it. AddressedToMe: it is addressed to this person's
/// unit (unit staff) or role, so they may mark it read; otherwise it is shown for information only (a dispatcher
/// sees the units' reminders, a leader the 督办单) and never counts as unread.
/// </summary>
public sealed record NotificationView(long Id, NotificationKind Kind, string KindLabel, long? AppealId, string? Stage, string Title, string Body,
    DateTimeOffset? DueAt, DateTimeOffset CreatedAt, bool Read, string? UnitName, bool AddressedToMe = true);

/// <summary>The in-app inbox over HTTP, for every signed-in staff member.</summary>
public static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").RequireAuthorization().WithTags("消息");
        group.MapGet("/", (bool? unread, NotificationInbox inbox, CancellationToken ct) => inbox.ListAsync(unread == true, ct))
            .WithSummary("本人的消息；unread=true 只列发给本人且本人未读的");
        group.MapPost("/{id:long}/read", Read)
            .WithSummary("本人标为已读；只有收件人（所发单位的承办人、负责人，或所发岗位）可以标记，其他人 404");
    }

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> Read(long id, NotificationInbox inbox, CancellationToken ct) =>
        await inbox.MarkReadAsync(id, ct) ? TypedResults.NoContent()
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "消息不存在", Detail = "消息不存在，或不是发给您的。" });
}
