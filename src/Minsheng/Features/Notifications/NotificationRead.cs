using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Minsheng.Features.Notifications;

/// <summary>
/// One person's "I have read this" (migration 009). Read state used to sit on the notification itself, so one
/// handler's click hid a 催办单 from the whole unit; now each addressee reads for themselves.
/// </summary>
public sealed class NotificationRead
{
    public long NotificationId { get; private set; }
    public long UserId { get; private set; }
    public DateTimeOffset ReadAt { get; private set; }

    private NotificationRead() { }

    public NotificationRead(long notificationId, long userId, DateTimeOffset readAt)
    {
        NotificationId = notificationId;
        UserId = userId;
        ReadAt = readAt;
    }
}

internal sealed class NotificationReadMap : IEntityTypeConfiguration<NotificationRead>
{
    public void Configure(EntityTypeBuilder<NotificationRead> e)
    {
        e.ToTable("notification_reads");
        e.HasKey(r => new { r.NotificationId, r.UserId });
    }
}
