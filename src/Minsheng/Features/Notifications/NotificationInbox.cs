using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Notifications;

/// <summary>
/// The in-app inbox, for the API, the 消息 page and the 督查督办 board: unit staff get their units' reminders and 催办单,
/// supervisors the 督办单, leaders those and the digests. Read state is per person (migration 009).
/// </summary>
public sealed class NotificationInbox(MinshengDb db, CurrentUser me, UnitTree units, AppealScope scope, TimeProvider clock)
{
    public const int ListMax = 200;

    /// <summary>The caller's messages, newest first; unreadOnly keeps those addressed to them and not yet read by them.</summary>
    public async Task<List<NotificationView>> ListAsync(bool unreadOnly, CancellationToken ct)
    {
        var mine = ReadByMe();
        var addressed = Addressed().Select(n => n.Id);
        var q = Visible().AsNoTracking();
        if (unreadOnly) q = q.Where(n => addressed.Contains(n.Id) && n.ReadAt == null && !mine.Contains(n.Id));
        var rows = await q.OrderByDescending(n => n.Id).Take(ListMax)
            .Select(n => new { n, Read = n.ReadAt != null || mine.Contains(n.Id), Addressed = addressed.Contains(n.Id) })
            .ToListAsync(ct);
        return rows.Select(x => View(x.n, x.Read, x.Addressed)).ToList();
    }

    /// <summary>
    /// Marks the message read for the caller only; false for anyone it is not addressed to (even if they can see it).
    /// A personal read receipt, not a change to the record: it is not audited.
    /// </summary>
    public async Task<bool> MarkReadAsync(long id, CancellationToken ct)
    {
        var visible = Visible().Select(n => n.Id);
        if (!await Addressed().AnyAsync(n => n.Id == id && visible.Contains(n.Id), ct)) return false;
        if (await db.Set<NotificationRead>().AnyAsync(r => r.NotificationId == id && r.UserId == me.Id, ct)) return true;
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
        return true;
    }

    /// <summary>
    /// For the 督查督办 board: the latest 催办单 the monitor sent to units about appeals in the caller's jurisdiction.
    /// They are not the caller's to read; Read means someone at the addressed unit has read it.
    /// </summary>
    public async Task<List<NotificationView>> UnitRemindersAsync(int limit, CancellationToken ct)
    {
        var visible = scope.Visible().Select(a => a.Id);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.ReminderNotice && n.AppealId != null && visible.Contains(n.AppealId.Value))
            .OrderByDescending(n => n.Id).Take(limit).ToListAsync(ct);
        var readByUnit = await ReadByAddresseesAsync(rows.Select(n => n.Id).ToList(), ct);
        return rows.Select(n => View(n, readByUnit.Contains(n.Id), addressedToMe: false)).ToList();
    }

    private NotificationView View(Notification n, bool read, bool addressedToMe) =>
        new(n.Id, n.Kind, Labels.NotificationKind(n.Kind), n.AppealId, n.Stage?.ToString(), n.Title, n.Body,
            n.DueAt, n.CreatedAt, read, n.UnitId is { } u ? units.NameOf(u) : null, addressedToMe);

    private IQueryable<Notification> Visible()
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
    private IQueryable<Notification> Addressed()
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
    private IQueryable<long> ReadByMe()
    {
        var userId = me.Id;
        return db.Set<NotificationRead>().Where(r => r.UserId == userId).Select(r => r.NotificationId);
    }

    /// <summary>Which of these messages someone at the addressed unit has read.</summary>
    private async Task<HashSet<long>> ReadByAddresseesAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
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
}
