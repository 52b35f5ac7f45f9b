using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Notifications;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Inbox;

/// <summary>
/// 消息: the notifications API as a page, for every signed-in staff member as the API is. Unit staff and
/// dispatchers get their units' reminders and 催办单, supervisors the 督办单, leaders those and the digests.
/// </summary>
[Authorize]
public sealed class IndexModel(MinshengDb db, CurrentUser me, UnitTree units, TimeProvider clock) : AppPage
{
    /// <summary>Only unread messages (the API's unread=true).</summary>
    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }

    public IReadOnlyList<NotificationView> Items { get; private set; } = [];
    public int UnreadCount { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Roles the API addresses messages to; the others see why their inbox stays empty.</summary>
    public bool HasInbox => me.Role is Role.UnitHandler or Role.UnitHead or Role.Dispatcher or Role.Supervisor or Role.Leader or Role.Admin;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await NotificationsApi.Inbox(null, db, me, units, ct);
        UnreadCount = all.Count(IsUnread);
        Items = Unread ? all.Where(IsUnread).ToList() : all;
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        var result = await NotificationsApi.Read(id, db, me, units, clock, ct);
        if (result.Result is NoContent) return Done("已标为已读。", ListUrl);
        Banner = "消息不存在，或不是发给您的。";
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>Unread is personal and only for what is addressed to this person; the rest is shown for information.</summary>
    public static bool IsUnread(NotificationView n) => n.AddressedToMe && !n.Read;

    public string ListUrl => Unread ? "/inbox?unread=true" : "/inbox";

    public static string StageLabel(string? stage) => Pages.Supervise.OrdersModel.StageLabel(stage);
}
