using Microsoft.EntityFrameworkCore;

namespace Minsheng.Data;

public static class Transactions
{
    /// <summary>
    /// Runs a change and its audit entry as one transaction: the work adds or edits entities (and appends
    /// to the audit log, which must see the same transaction), then everything is saved and committed.
    /// </summary>
    public static async Task WriteAsync(this MinshengDb db, Func<Task> work, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await work();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
