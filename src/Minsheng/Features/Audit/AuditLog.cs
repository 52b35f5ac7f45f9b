using Microsoft.EntityFrameworkCore;
using Minsheng.Data;

namespace Minsheng.Features.Audit;

/// <summary>Appends to and verifies the hash-chained audit log. Appends join the caller's transaction.</summary>
public sealed class AuditLog(MinshengDb db, TimeProvider clock)
{
    private const long ChainLockKey = 0x4D53_4155; // "MSAU": serialises appends on PostgreSQL

    public async Task AppendAsync(string actor, string action, string entity, string? entityId, string? detail, CancellationToken ct = default)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).LastOrDefault();
        string prev;
        if (pending is not null) prev = pending.Hash;
        else
        {
            if (!db.IsSqlite)
            {
                if (db.Database.CurrentTransaction is null)
                    throw new InvalidOperationException("Audit appends on PostgreSQL must run inside a transaction.");
                await db.Database.ExecuteSqlRawAsync($"select pg_advisory_xact_lock({ChainLockKey})", ct);
            }
            prev = await db.AuditLog.OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(ct) ?? AuditEntry.Genesis;
        }
        db.AuditLog.Add(new AuditEntry(clock.GetUtcNow(), actor, action, entity, entityId, detail, prev));
    }

    /// <summary>Walks the chain in order; returns the id of the first entry whose link or hash is wrong, or null.</summary>
    public async Task<(long Checked, long? FirstBroken, string? Problem)> VerifyAsync(CancellationToken ct = default)
    {
        var prev = AuditEntry.Genesis;
        long count = 0;
        await foreach (var entry in db.AuditLog.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (entry.PrevHash != prev) return (count, entry.Id, "与上一条记录的链接不符（记录被删除或插入）");
            if (entry.ComputeHash() != entry.Hash) return (count, entry.Id, "内容与哈希不符（记录被修改）");
            prev = entry.Hash;
        }
        return (count, null, null);
    }
}
