using Microsoft.EntityFrameworkCore;
using Minsheng.Data;

namespace Minsheng.Features.Audit;

/// <summary>Appends to the keyed, hash-chained audit log. Appends join the caller's transaction.</summary>
public sealed class AuditLog(MinshengDb db, AuditKey key, TimeProvider clock, AuditVerifier verifier, AuditCheckpoints checkpoints)
{
    /// <summary>The first keyed entry: everything before it is legacy SHA-256, everything from it on is HMAC.</summary>
    public const string KeyAction = "audit.key";
    public const string SystemActor = "system";
    private const long ChainLockKey = 0x4D53_4155; // "MSAU": serialises appends on PostgreSQL

    public Task AppendAsync(string actor, AuditAction action, string? entityId, string? detail, CancellationToken ct = default) =>
        AppendAsync(actor, action.Name, action.Entity, entityId, detail, ct);

    private async Task AppendAsync(string actor, string action, string entity, string? entityId, string? detail, CancellationToken ct = default)
    {
        var pending = db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).LastOrDefault();
        string prev;
        if (pending is not null) prev = pending.Hash;
        else
        {
            await LockAsync(db, ct);
            prev = await HeadAsync(db, ct);
        }
        db.AuditLog.Add(new AuditEntry(clock.GetUtcNow(), actor, action, entity, entityId, detail, prev, key));
    }

    public Task<AuditVerdict> VerifyAsync(CancellationToken ct = default) => verifier.VerifyAsync(ct);

    /// <summary>
    /// Run at every start after the migrations. Creates the key on first start, then (once per database) writes
    /// the switch entry and seals the timeline and access-log rows that existed before seals did. Refuses to
    /// start when the chain is already keyed but the key file is gone or another: that key would sign a chain
    /// nobody can check.
    /// </summary>
    public async Task EnsureKeyedAsync(CancellationToken ct = default)
    {
        var switched = await db.AuditLog.AnyAsync(a => a.Action == KeyAction, ct);
        if (!key.Exists)
        {
            if (switched)
                throw new AuditKeyException($"审计密钥文件 {key.KeyPath} 不存在，而本库的审计链已用密钥签名。请从备份恢复该文件（或用 {AuditKey.KeyFileSetting} 指向它）后再启动。");
            key.Create();
        }
        if (!switched && checkpoints.Read().Lines.Count > 0)
            throw new AuditKeyException($"审计链中没有密钥启用记录，而检查点文件 {key.CheckpointPath} 已有记录：审计链被改写过。请运行 audit verify 查明，不会在改写过的链上重新启用密钥。");
        if (!switched) await SwitchAsync(ct);
        await CheckKeyAsync(ct);
        // Pins the chain at every start (the switch included) so that there is never a window without a
        // checkpoint in which someone could strip the keyed entries and let the next start key the chain anew.
        await checkpoints.WriteAsync(ct);
    }

    private async Task SwitchAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, ct);
        if (await db.AuditLog.AnyAsync(a => a.Action == KeyAction, ct)) return; // another instance switched first
        var legacy = await db.AuditLog.LongCountAsync(ct);
        await AppendAsync(SystemActor, AuditActions.KeySwitch, null, $"key={key.Fingerprint} legacy={legacy}", ct);
        await db.SaveChangesAsync(ct);
        await SealExistingAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Instances that started with different keys would each sign entries the other cannot check.</summary>
    private async Task CheckKeyAsync(CancellationToken ct)
    {
        var detail = await db.AuditLog.Where(a => a.Action == KeyAction).OrderBy(a => a.Id).Select(a => a.Detail).FirstAsync(ct);
        if (detail?.StartsWith($"key={key.Fingerprint} ", StringComparison.Ordinal) != true)
            throw new AuditKeyException($"审计密钥文件 {key.KeyPath} 不是本库启用时的密钥（{detail}）。多个实例须使用同一个密钥文件。");
    }

    /// <summary>Anchors the rows written before seals existed: from now on they are held to their present content.</summary>
    private async Task SealExistingAsync(CancellationToken ct)
    {
        for (long after = 0; ;)
        {
            var rows = await db.Timeline.AsNoTracking().Where(t => t.Id > after).OrderBy(t => t.Id).Take(RecordSeal.MaxRowsPerSeal).ToListAsync(ct);
            if (rows.Count == 0) break;
            await AppendSealAsync(db, key, clock, rows.Select(r => RecordSeal.Of(key, r)).ToList(), ct);
            after = rows[^1].Id;
        }
        for (long after = 0; ;)
        {
            var rows = await db.AccessLog.AsNoTracking().Where(a => a.Id > after).OrderBy(a => a.Id).Take(RecordSeal.MaxRowsPerSeal).ToListAsync(ct);
            if (rows.Count == 0) break;
            await AppendSealAsync(db, key, clock, rows.Select(r => RecordSeal.Of(key, r)).ToList(), ct);
            after = rows[^1].Id;
        }
    }

    /// <summary>Holds the chain until the transaction ends; on SQLite the writer's immediate transaction already does.</summary>
    internal static async Task LockAsync(MinshengDb db, CancellationToken ct)
    {
        if (db.IsSqlite) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Audit appends on PostgreSQL must run inside a transaction.");
        await db.Database.ExecuteSqlRawAsync($"select pg_advisory_xact_lock({ChainLockKey})", ct);
    }

    internal static async Task<string> HeadAsync(MinshengDb db, CancellationToken ct) =>
        await db.AuditLog.OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(ct) ?? AuditEntry.Genesis;

    /// <summary>
    /// Appends seal entries for rows already saved in this transaction. Written with plain SQL rather than the
    /// change tracker, because the interceptor calls this from inside SaveChanges.
    /// </summary>
    internal static async Task AppendSealAsync(MinshengDb db, AuditKey key, TimeProvider clock, IReadOnlyList<RecordSeal.Item> items, CancellationToken ct)
    {
        await LockAsync(db, ct);
        var prev = await HeadAsync(db, ct);
        foreach (var chunk in items.Chunk(RecordSeal.MaxRowsPerSeal))
        {
            var e = new AuditEntry(clock.GetUtcNow(), SystemActor, RecordSeal.Action, "records", null, RecordSeal.Detail(chunk), prev, key);
            if (db.IsSqlite)
                await db.Database.ExecuteSqlInterpolatedAsync($"insert into audit_log (at, actor, action, entity, entity_id, detail, prev_hash, hash) values ({e.At.ToUnixTimeMilliseconds()}, {e.Actor}, {e.Action}, {e.Entity}, null, {e.Detail}, {e.PrevHash}, {e.Hash})", ct);
            else
                await db.Database.ExecuteSqlInterpolatedAsync($"insert into audit_log (at, actor, action, entity, entity_id, detail, prev_hash, hash) values ({e.At.UtcDateTime}, {e.Actor}, {e.Action}, {e.Entity}, null, {e.Detail}, {e.PrevHash}, {e.Hash})", ct);
            prev = e.Hash;
        }
    }
}
