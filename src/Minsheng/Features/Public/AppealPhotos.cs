using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Appeals;

namespace Minsheng.Features.Public;

/// <summary>A stored photo's type and bytes.</summary>
public sealed record StoredPhoto(string ContentType, byte[] Bytes);

/// <summary>The photos a citizen attached on the portal, for staff who may see the appeal (same scope as the appeal).</summary>
public sealed class AppealPhotos(MinshengDb db, AppealScope scope)
{
    /// <summary>The photo, or null when the appeal is outside the caller's scope or has no such attachment.</summary>
    public Task<StoredPhoto?> FindAsync(long appealId, long attachmentId, CancellationToken ct) =>
        (from a in scope.Visible()
         from x in a.Attachments
         where a.Id == appealId && x.Id == attachmentId
         join b in db.Set<AttachmentBlob>() on x.StorageKey equals b.StorageKey
         select new StoredPhoto(x.ContentType, b.Bytes)).AsNoTracking().FirstOrDefaultAsync(ct);
}
