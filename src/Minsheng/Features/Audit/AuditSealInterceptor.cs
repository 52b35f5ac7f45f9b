using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Minsheng.Data;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Audit;

/// <summary>
/// Seals every timeline and access-log row in the transaction that writes it, whichever feature wrote it:
/// before the save it takes the chain lock (starting a transaction if the caller had none), after the save
/// (when the rows have their ids) it appends a seal entry listing them, and commits if it began the transaction.
/// </summary>
public sealed class AuditSealInterceptor(AuditKey key, TimeProvider clock) : SaveChangesInterceptor
{
    private sealed record Pending(List<TimelineEntry> Timeline, List<AccessLogEntry> Access, IDbContextTransaction? OwnTransaction);

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is not MinshengDb db) return result;
        var (timeline, access) = Added(db);
        _pending.Remove(db);
        if (timeline.Count == 0 && access.Count == 0) return result;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        _pending.Add(db, new Pending(timeline, access, own));
        // Lock before writing any row, so every writer takes the chain lock before its row locks (no deadlock).
        try { await AuditLog.LockAsync(db, ct); }
        catch
        {
            await AbandonAsync(db);
            throw;
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        if (eventData.Context is not MinshengDb db || !_pending.TryGetValue(db, out var p)) return result;
        _pending.Remove(db);
        try
        {
            var items = p.Timeline.Select(t => RecordSeal.Of(key, t)).Concat(p.Access.Select(a => RecordSeal.Of(key, a))).ToList();
            await AuditLog.AppendSealAsync(db, key, clock, items, ct);
            if (p.OwnTransaction is { } tx) await tx.CommitAsync(ct);
        }
        finally
        {
            if (p.OwnTransaction is { } tx) await tx.DisposeAsync();
        }
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default) => await AbandonAsync(eventData.Context);

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default) => await AbandonAsync(eventData.Context);

    /// <summary>The synchronous path is only used for data-protection keys; a timeline row there would escape its seal.</summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is MinshengDb db && Added(db) is var (t, a) && (t.Count > 0 || a.Count > 0))
            throw new InvalidOperationException("Timeline and access-log rows must be saved with SaveChangesAsync so they are sealed.");
        return result;
    }

    private async Task AbandonAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var p)) return;
        _pending.Remove(context);
        if (p.OwnTransaction is { } tx) await tx.DisposeAsync(); // rolls back
    }

    private static (List<TimelineEntry>, List<AccessLogEntry>) Added(MinshengDb db) => (
        db.ChangeTracker.Entries<TimelineEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList(),
        db.ChangeTracker.Entries<AccessLogEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList());
}
