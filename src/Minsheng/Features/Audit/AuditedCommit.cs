using Minsheng.Data;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Audit;

/// <summary>
/// The one way to change data: the work loads, checks and edits entities inside one transaction and names what it
/// did with <see cref="AuditNotes.Record(AuditAction, string?, string?)"/>; the changes and their audit entries are
/// saved and committed together, or not at all. The actor is always the signed-in user's username
/// (<see cref="CurrentUser.Username"/>; the CLI and background jobs set theirs with <see cref="CurrentUser.ActAs"/>),
/// so the chain never mixes display names with usernames.
/// </summary>
public sealed class AuditedCommit(MinshengDb db, AuditLog audit, CurrentUser me)
{
    public async Task<T> RunAsync<T>(Func<AuditNotes, Task<T>> work, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var notes = new AuditNotes();
        var result = await work(notes);
        if (notes.Count == 0)
        {
            // Nothing recorded means nothing done (not found, nothing to change). A change without its audit
            // entry is a bug that must not reach the database.
            if (db.ChangeTracker.HasChanges()) throw new InvalidOperationException("A change was made without an audit entry: call notes.Record(...).");
            return result;
        }
        await db.SaveChangesAsync(ct); // new rows get their ids, so the entries can name them
        var actor = me.Username is { Length: > 0 } name ? name : throw new InvalidOperationException("No actor: a background job or CLI verb must call CurrentUser.ActAs first.");
        foreach (var note in notes.All) await audit.AppendAsync(actor, note.Action, note.EntityId(), note.Detail(), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }

    public Task RunAsync(Func<AuditNotes, Task> work, CancellationToken ct) =>
        RunAsync<bool>(async notes => { await work(notes); return true; }, ct);
}

/// <summary>The audit entries a change declares; ids and details may be read after the first save.</summary>
public sealed class AuditNotes
{
    internal sealed record Note(AuditAction Action, Func<string?> EntityId, Func<string?> Detail);

    private readonly List<Note> notes = [];
    internal IReadOnlyList<Note> All => notes;
    public int Count => notes.Count;

    public void Record(AuditAction action, string? entityId, string? detail = null) => notes.Add(new(action, () => entityId, () => detail));

    /// <summary>For entries that name a row created by this change: its id exists only after the save.</summary>
    public void Record(AuditAction action, Func<string?> entityId, Func<string?>? detail = null) => notes.Add(new(action, entityId, detail ?? (() => null)));
}
