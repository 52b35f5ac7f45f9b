using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;
using Minsheng.Features.Notifications;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Inbox;

/// <summary>
/// 消息: the inbox use case as a page, for every signed-in staff member as the API is. Unit staff and
/// dispatchers get their units' reminders and 催办单, supervisors the 督办单, leaders those and the digests.
/// </summary>
[Authorize]
public sealed class IndexModel(NotificationInbox inbox, CurrentUser me, TimeProvider clock) : AppPage
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
        var all = await inbox.ListAsync(unreadOnly: false, ct);
        UnreadCount = all.Count(IsUnread);
        Items = Unread ? all.Where(IsUnread).ToList() : all;
    }

    public async Task<IActionResult> OnPostReadAsync(long id, CancellationToken ct)
    {
        if (await inbox.MarkReadAsync(id, ct)) return Done("已标为已读。", ListUrl);
        Banner = "消息不存在，或不是发给您的。";
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>Unread is personal and only for what is addressed to this person; the rest is shown for information.</summary>
    public static bool IsUnread(NotificationView n) => n.AddressedToMe && !n.Read;

    public string ListUrl => Unread ? "/inbox?unread=true" : "/inbox";
}
