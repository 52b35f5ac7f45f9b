using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Notifications;

namespace Minsheng.Features.Monitor;

/// <summary>An outbound channel: the log by default; SMS or email gateways plug in by configuration.</summary>
public interface INotificationSender
{
    string Name { get; }
    Task SendAsync(Notification notification, CancellationToken ct);
}

/// <summary>
/// Hands unsent notifications to every configured sender. Rows are claimed with FOR UPDATE SKIP LOCKED
/// on PostgreSQL (SQLite has one writer), marked sent in the same transaction, so with any number of
/// instances each notification goes out once; a failed send rolls back and is retried next pass.
/// </summary>
public sealed class NotificationDelivery(MinshengDb db, IEnumerable<INotificationSender> senders, TimeProvider clock)
{
    public async Task<int> DeliverAsync(CancellationToken ct)
    {
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var batch = db.IsSqlite
                ? await db.Notifications.FromSqlRaw("select * from notifications where sent_at is null order by id limit 100").ToListAsync(ct)
                : await db.Notifications.FromSqlRaw("select * from notifications where sent_at is null order by id limit 100 for update skip locked").ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var notification in batch)
            {
                foreach (var sender in senders) await sender.SendAsync(notification, ct);
                notification.MarkSent(clock.GetUtcNow());
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            sent += batch.Count;
        }
        return sent;
    }
}

public sealed class LogSender(ILogger<LogSender> logger) : INotificationSender
{
    public string Name => "log";

    public Task SendAsync(Notification n, CancellationToken ct)
    {
        logger.LogInformation("Notification {Key} to {Audience}/{Unit}: {Title}", n.Key, n.Audience, n.UnitId, n.Title);
        return Task.CompletedTask;
    }
}
