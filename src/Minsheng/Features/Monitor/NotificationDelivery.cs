using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
/// Hands unsent notifications to every configured sender, one row per transaction: the row is claimed (FOR UPDATE
/// SKIP LOCKED on PostgreSQL, so several instances take different rows; SQLite has one writer), sent, and marked
/// sent or failed in the same transaction, so with any number of instances each notification goes out once.
/// A row that fails records the attempt and its error and waits (the delay doubles with each failure) while the
/// rows after it go out; after Monitor:MaxDeliveryAttempts failures it is parked and not tried again.
/// With several senders a retry goes to all of them again, the ones that took it the first time included.
/// </summary>
public sealed class NotificationDelivery(MinshengDb db, IEnumerable<INotificationSender> senders, TimeProvider clock,
    IOptions<MonitorOptions> options, ILogger<NotificationDelivery> logger)
{
    /// <returns>How many notifications were sent.</returns>
    public async Task<int> DeliverAsync(CancellationToken ct)
    {
        // Rows due when the round starts; one that fails now is due again only after its delay, so the round ends.
        var now = clock.GetUtcNow();
        var sent = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (await ClaimAsync(now, ct) is not { } notification) break;
            var error = await SendAsync(notification, ct);
            if (error is null)
            {
                notification.MarkSent(clock.GetUtcNow());
                sent++;
            }
            else if (notification.DeliveryFailed(error, clock.GetUtcNow(), Math.Max(1, options.Value.MaxDeliveryAttempts),
                         TimeSpan.FromSeconds(Math.Max(1, options.Value.DeliveryRetrySeconds))))
                logger.LogError("Notification {Key} parked after {Attempts} failed deliveries: {Error}", notification.Key, notification.DeliveryAttempts, error);
            else
                logger.LogWarning("Notification {Key} delivery attempt {Attempts} failed, next try at {Next}: {Error}",
                    notification.Key, notification.DeliveryAttempts, notification.NextAttemptAt, error);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        return sent;
    }

    private async Task<Notification?> ClaimAsync(DateTimeOffset now, CancellationToken ct)
    {
        var rows = db.IsSqlite
            ? await db.Notifications.FromSql($"""
                select * from notifications where sent_at is null and parked_at is null
                and (next_attempt_at is null or next_attempt_at <= {now.ToUnixTimeMilliseconds()}) order by id limit 1
                """).ToListAsync(ct)
            : await db.Notifications.FromSql($"""
                select * from notifications where sent_at is null and parked_at is null
                and (next_attempt_at is null or next_attempt_at <= {now.ToUniversalTime()}) order by id limit 1 for update skip locked
                """).ToListAsync(ct);
        return rows.SingleOrDefault();
    }

    /// <returns>Null when every sender took it, else what went wrong.</returns>
    private async Task<string?> SendAsync(Notification notification, CancellationToken ct)
    {
        foreach (var sender in senders)
        {
            try
            {
                await sender.SendAsync(notification, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // A gateway's own timeout (TaskCanceledException without our token) is a failed attempt like any other.
                return $"{sender.Name}: {e.GetType().Name}: {e.Message}";
            }
        }
        return null;
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
