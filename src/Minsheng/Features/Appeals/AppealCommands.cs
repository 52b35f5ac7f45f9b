using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Appeals;

/// <summary>
/// Runs one workflow action as one transaction: load the appeal within the caller's scope, check the
/// client's version, call the domain method, audit, save (the Version column guards concurrent writers).
/// </summary>
public sealed class AppealCommands(MinshengDb db, AppealScope scope, CurrentUser me, AuditLog audit, TimeProvider clock)
{
    public async Task<Appeal?> RunAsync(long id, int? expectedVersion, AppealAction action, Func<Appeal, Actor, DateTimeOffset, Task> act, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var appeal = await scope.Visible().Include(a => a.CoUnits).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appeal is null) return null;
        if (expectedVersion is { } v && v != appeal.Version) throw new DbUpdateConcurrencyException("stale version");
        await act(appeal, me.ToActor(), clock.GetUtcNow());
        await audit.AppendAsync(me.Username, $"appeal.{appeal.Timeline.LastOrDefault()?.Action ?? action}", "appeal", appeal.Number, appeal.Status.ToString(), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return appeal;
    }


    /// <summary>Loads an appeal with everything the detail view shows, within scope.</summary>
    public Task<Appeal?> LoadAsync(long id, CancellationToken ct) =>
        scope.Visible().AsNoTracking().AsSplitQuery()
            .Include(a => a.CoUnits).Include(a => a.Timeline).Include(a => a.Attachments)
            .FirstOrDefaultAsync(a => a.Id == id, ct);
}
