using Microsoft.EntityFrameworkCore;

namespace Minsheng.Data;

public static class Transactions
{
    /// <summary>
    /// Runs bookkeeping writes as one transaction: saved and committed together. Audited changes do not use this —
    /// they go through Features/Audit/AuditedCommit. The one caller is sign-in (SignInService), whose throttle
    /// counters commit whether or not an audit entry is written, and whose actor is the name typed at the door,
    /// since nobody is signed in yet.
    /// </summary>
    public static async Task WriteAsync(this MinshengDb db, Func<Task> work, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await work();
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
