using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Notifications;
using Minsheng.Features.Statistics.Facts;

namespace Minsheng.Features.Statistics.MetricFacts;

/// <summary>
/// Marks dirty, in the same SaveChanges (so the same transaction) as a change, every China day on which an item of the
/// metric facts may have been or may now be decided. The rule, and why it is complete:
/// <list type="bullet">
/// <item>Every item of MetricQueries belongs to one appeal and is decided at one of that appeal's instants: a column of
/// the appeal (ClaimedAt, SignForDue, ContactedAt, FirstContactDue, RepliedAt, ReplyDue, ClosedAt, ResolveDue,
/// DispatchedAt), the At of one of its timeline entries (callbacks, returns, rulings, redo/close, contributions), or
/// the CreatedAt of one of its 督办单 notifications or supervision orders.</item>
/// <item>Whether an item exists, when, for which unit and with which place/category/channel/hit depends only on the
/// appeal row (the properties in <see cref="Read"/>), its timeline, its co-units, its 督办单 notifications and orders
/// (plus the unit tree: the fingerprint; and the clock: the stale instant).</item>
/// <item>So when the appeal row (a read property), its timeline or its co-units change, marking the days of ALL those
/// instants, before the change (original column values; the stored timeline, notifications and orders) and after it
/// (current values; added entries), covers every item that moved, appeared, vanished or changed. One indexed query
/// reads the stored instants; it runs only for such changes, not for the monitor's NextCheckAt or drafts.</item>
/// <item>A 督办单 notification or supervision order is read only by its own item (and, for automatic orders, by the
/// de-duplication among orders of the same appeal, unit and CreatedAt, so the same day): marking its own CreatedAt day
/// (original and current) suffices.</item>
/// </list>
/// </summary>
public sealed class MetricFactsInterceptor : SaveChangesInterceptor
{
    public static readonly MetricFactsInterceptor Instance = new();

    /// <summary>Every appeal property MetricQueries reads.</summary>
    public static readonly IReadOnlySet<string> Read = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Appeal.LeadUnitId), nameof(Appeal.Status), nameof(Appeal.RegionUnitId), nameof(Appeal.CategoryId), nameof(Appeal.Channel),
        nameof(Appeal.CallbackOutcome), nameof(Appeal.Resolved), nameof(Appeal.UnitAtFault),
        nameof(Appeal.ClaimedAt), nameof(Appeal.SignForDue), nameof(Appeal.ContactedAt), nameof(Appeal.FirstContactDue), nameof(Appeal.RepliedAt),
        nameof(Appeal.ReplyDue), nameof(Appeal.ClosedAt), nameof(Appeal.ResolveDue), nameof(Appeal.DispatchedAt),
    };

    /// <summary>The appeal columns an item can be dated by.</summary>
    private static readonly string[] Instants =
    [
        nameof(Appeal.ClaimedAt), nameof(Appeal.SignForDue), nameof(Appeal.ContactedAt), nameof(Appeal.FirstContactDue), nameof(Appeal.RepliedAt),
        nameof(Appeal.ReplyDue), nameof(Appeal.ClosedAt), nameof(Appeal.ResolveDue), nameof(Appeal.DispatchedAt),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        MarkAsync(eventData.Context, sync: true, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        await MarkAsync(eventData.Context, sync: false, cancellationToken);
        return result;
    }

    private static async Task MarkAsync(DbContext? context, bool sync, CancellationToken ct)
    {
        if (context is null) return;
        if (context.ChangeTracker.AutoDetectChangesEnabled) context.ChangeTracker.DetectChanges();
        var days = new HashSet<int>();
        var appeals = new HashSet<long>();
        void Day(DateTimeOffset? at)
        {
            if (at is { } v) days.Add(FactDays.Of(v));
        }

        foreach (var entry in context.ChangeTracker.Entries<Appeal>())
        {
            if (entry.State is EntityState.Added or EntityState.Deleted
                || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && Read.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))))
            {
                appeals.Add(entry.Entity.Id);
                foreach (var name in Instants)
                {
                    var p = entry.Property(name);
                    if (entry.State != EntityState.Added) Day((DateTimeOffset?)p.OriginalValue);
                    Day((DateTimeOffset?)p.CurrentValue);
                }
            }
        }
        foreach (var entry in context.ChangeTracker.Entries<TimelineEntry>().Where(Touched))
        {
            Both(entry, nameof(TimelineEntry.AppealId), v => appeals.Add((long)v!));
            Both(entry, nameof(TimelineEntry.At), v => Day((DateTimeOffset)v!));
        }
        foreach (var entry in context.ChangeTracker.Entries<AppealCoUnit>().Where(Touched))
            Both(entry, nameof(AppealCoUnit.AppealId), v => appeals.Add((long)v!));
        foreach (var entry in context.ChangeTracker.Entries<Notification>().Where(Touched))
            if (entry.Entity.Kind == NotificationKind.SupervisionOrder || Equals(entry.Property(n => n.Kind).OriginalValue, NotificationKind.SupervisionOrder))
                Both(entry, nameof(Notification.CreatedAt), v => Day((DateTimeOffset)v!));
        foreach (var entry in context.ChangeTracker.Entries<SupervisionOrder>().Where(Touched))
            Both(entry, nameof(SupervisionOrder.CreatedAt), v => Day((DateTimeOffset)v!));

        // Appeals not yet stored (Id not assigned: temporary) have nothing stored to read.
        var stored = appeals.Where(id => id > 0).ToArray();
        if (stored.Length > 0)
        {
            var db = (Data.MinshengDb)context;
            var columns = db.Appeals.AsNoTracking().Where(a => stored.Contains(a.Id))
                .Select(a => new[] { a.ClaimedAt, a.SignForDue, a.ContactedAt, a.FirstContactDue, a.RepliedAt, a.ReplyDue, a.ClosedAt, a.ResolveDue, a.DispatchedAt });
            var timeline = db.Timeline.AsNoTracking().Where(t => stored.Contains(t.AppealId)).Select(t => t.At);
            var notices = db.Notifications.AsNoTracking()
                .Where(n => n.AppealId != null && stored.Contains(n.AppealId.Value) && n.Kind == NotificationKind.SupervisionOrder).Select(n => n.CreatedAt);
            var orders = db.SupervisionOrders.AsNoTracking().Where(o => stored.Contains(o.AppealId)).Select(o => o.CreatedAt);
            var instants = timeline.Concat(notices).Concat(orders);
            foreach (var at in sync ? instants.ToList() : await instants.ToListAsync(ct)) Day(at);
            foreach (var row in sync ? columns.ToList() : await columns.ToListAsync(ct))
                foreach (var at in row) Day(at);
        }
        foreach (var day in days) context.Set<MetricDirtyMark>().Add(new MetricDirtyMark { Day = day });
    }

    private static bool Touched(EntityEntry e) => e.State is EntityState.Added or EntityState.Deleted
                                                  || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified));

    /// <summary>The original (unless added) and current value of a property.</summary>
    private static void Both(EntityEntry e, string name, Action<object?> use)
    {
        var p = e.Property(name);
        if (e.State != EntityState.Added) use(p.OriginalValue);
        use(p.CurrentValue);
    }
}
