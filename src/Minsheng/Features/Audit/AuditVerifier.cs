using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Audit;

/// <summary>The outcome of a verification: counts checked, and the first problem found (null when intact).</summary>
public sealed record AuditVerdict(long Checked, long Legacy, long Records, int Checkpoints, long? FirstBrokenId, string? Problem)
{
    public bool Intact => Problem is null;
}

/// <summary>
/// Recomputes everything from the rows as they are now: the audit chain (legacy SHA-256 up to the key switch,
/// HMAC from it on), every seal against the timeline and access-log rows it lists, that no row is unsealed,
/// that the chain still reaches every checkpoint in the file, and that each appeal's reply is the text its
/// timeline recorded. Stops at the first problem and names it.
/// </summary>
public sealed class AuditVerifier(MinshengDb db, AuditKey key, AuditCheckpoints checkpoints)
{
    private sealed record Row(long AppealId, string Tag);

    public async Task<AuditVerdict> VerifyAsync(CancellationToken ct = default)
    {
        if (!key.Exists) return new(0, 0, 0, 0, null, $"审计密钥文件 {key.KeyPath} 不存在，无法校验签名。请从备份恢复该文件（或用 {AuditKey.KeyFileSetting} 指向它）。");
        var (lines, fileProblem) = checkpoints.Read();
        if (fileProblem is not null) return new(0, 0, 0, 0, null, fileProblem);

        var timeline = new Dictionary<long, Row>();
        var replies = new Dictionary<long, ReplyFold>();
        await foreach (var t in db.Timeline.AsNoTracking().OrderBy(t => t.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            timeline[t.Id] = new Row(t.AppealId, RecordSeal.Of(key, t).Tag);
            if (ReplyFold.Matters(t.Action))
            {
                if (!replies.TryGetValue(t.AppealId, out var fold)) replies[t.AppealId] = fold = new ReplyFold();
                fold.Apply(t);
            }
        }
        var access = new Dictionary<long, Row>();
        await foreach (var a in db.AccessLog.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
            access[a.Id] = new Row(a.AppealId, RecordSeal.Of(key, a).Tag);
        var records = (long)timeline.Count + access.Count;

        var wanted = lines.Select(l => l.Checkpoint!.Count).ToHashSet();
        var headAt = new Dictionary<long, string>();
        var prev = AuditEntry.Genesis;
        long position = 0, legacy = 0;
        var keyed = false;
        (long, RecordSeal.Item, Row)? edited = null;
        AuditVerdict Broken(long? id, string problem) => new(position, legacy, records, lines.Count, id, problem);

        await foreach (var entry in db.AuditLog.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            position++;
            if (entry.PrevHash != prev)
                return Broken(entry.Id, $"第 {entry.Id} 号审计记录与上一条记录的链接不符（其前有记录被删除、插入或改动）");
            keyed |= entry.Action == AuditLog.KeyAction;
            if (!keyed) legacy++;
            if (keyed ? entry.KeyedHash(key) != entry.Hash : entry.LegacyHash() != entry.Hash)
                return Broken(entry.Id, keyed
                    ? $"第 {entry.Id} 号审计记录的签名不符（记录被修改，或审计链被不持有密钥的人重算）"
                    : $"第 {entry.Id} 号审计记录的内容与哈希不符（记录被修改）");
            if (keyed && entry.Action == RecordSeal.Action)
            {
                var items = RecordSeal.Parse(entry.Detail);
                if (items is null) return Broken(entry.Id, $"第 {entry.Id} 号审计记录（封存）格式不符（记录被修改）");
                foreach (var item in items)
                {
                    var rows = item.Kind == RecordSeal.Kind.Timeline ? timeline : access;
                    var label = RecordSeal.Label(item.Kind);
                    if (!rows.Remove(item.Id, out var row))
                        return Broken(entry.Id, $"{label} #{item.Id} 已被删除（由第 {entry.Id} 号审计记录封存）");
                    // The appeal's number is looked up after the walk: PostgreSQL runs one query per connection at a time.
                    if (row.Tag != item.Tag) { edited = (entry.Id, item, row); break; }
                }
            }
            if (edited is not null) break;
            if (wanted.Contains(position)) headAt[position] = entry.Hash;
            prev = entry.Hash;
        }

        if (edited is var (sealId, edit, editedRow))
            return Broken(sealId, $"{RecordSeal.Label(edit.Kind)} #{edit.Id}（诉求 {await NumberAsync(editedRow.AppealId, ct)}）的内容被修改，与第 {sealId} 号审计记录的封存不符");
        if (!keyed && position > 0)
            return Broken(null, "审计链中没有密钥启用记录（audit.key），整条链被不持有密钥的人重写过");
        foreach (var (rows, kind) in new[] { (timeline, RecordSeal.Kind.Timeline), (access, RecordSeal.Kind.Access) })
            if (rows.Count > 0 && rows.MinBy(r => r.Key) is var (id, row))
                return Broken(null, $"{RecordSeal.Label(kind)} #{id}（诉求 {await NumberAsync(row.AppealId, ct)}）未经审计链封存（记录被绕过应用写入）");

        foreach (var line in lines)
        {
            var cp = line.Checkpoint!;
            if (cp.Count > position)
                return Broken(cp.LastId, $"审计日志末尾的记录被删除：{cp.LocalTime} 的检查点记有 {cp.Count} 条（最后一条为第 {cp.LastId} 号），现在只有 {position} 条");
            if (headAt[cp.Count] != cp.Head)
                return Broken(cp.LastId, $"第 {cp.Count} 条审计记录与 {cp.LocalTime} 的检查点不符（审计链被重写）");
        }
        var (timelineNow, accessNow) = (await db.Timeline.LongCountAsync(ct), await db.AccessLog.LongCountAsync(ct));
        foreach (var cp in lines.Select(l => l.Checkpoint!))
        {
            if (timelineNow < cp.Timeline)
                return Broken(null, $"时间线记录比 {cp.LocalTime} 的检查点少 {cp.Timeline - timelineNow} 条（记录被删除）");
            if (accessNow < cp.Access)
                return Broken(null, $"查阅登记比 {cp.LocalTime} 的检查点少 {cp.Access - accessNow} 条（记录被删除）");
        }

        var withReply = await db.Appeals.AsNoTracking().Where(a => a.Reply != null || a.ReplyDraft != null)
            .Select(a => new { a.Id, a.Number, a.Reply, a.ReplyDraft }).OrderBy(a => a.Id).ToListAsync(ct);
        foreach (var a in withReply)
        {
            var fold = replies.GetValueOrDefault(a.Id) ?? new ReplyFold();
            if (a.Reply != fold.Reply)
                return Broken(null, $"诉求 {a.Number} 的答复与时间线记录的答复不符（答复被修改）");
            if (a.ReplyDraft != fold.Draft)
                return Broken(null, $"诉求 {a.Number} 的待审答复与时间线记录的不符（答复被修改）");
        }
        var present = withReply.Select(a => a.Id).ToHashSet();
        if (replies.Where(r => (r.Value.Reply ?? r.Value.Draft) is not null && !present.Contains(r.Key)).Select(r => r.Key).Order().FirstOrDefault() is > 0 and var cleared)
            return Broken(null, $"诉求 {await NumberAsync(cleared, ct)} 的答复被清除，与时间线记录的答复不符（答复被修改）");
        return new(position, legacy, records, lines.Count, null, null);
    }

    private async Task<string> NumberAsync(long appealId, CancellationToken ct) =>
        await db.Appeals.AsNoTracking().Where(a => a.Id == appealId).Select(a => a.Number).FirstOrDefaultAsync(ct) ?? $"#{appealId}";

    /// <summary>
    /// Replays what the workflow does to an appeal's reply fields, from the sealed timeline: the reply the citizen
    /// sees must be the text some timeline entry carries, so rewriting appeals.reply alone is caught as well.
    /// </summary>
    private sealed class ReplyFold
    {
        public string? Reply { get; private set; }
        public string? Draft { get; private set; }

        public static bool Matters(AppealAction action) => action is AppealAction.DirectAnswer or AppealAction.SubmitReply
            or AppealAction.ApproveReply or AppealAction.Redo or AppealAction.Reopen;

        public void Apply(TimelineEntry t)
        {
            switch (t.Action)
            {
                case AppealAction.DirectAnswer: Reply = t.Comment; break;
                case AppealAction.SubmitReply: Draft = t.Comment; break;
                case AppealAction.ApproveReply: (Reply, Draft) = (Draft, null); break;
                case AppealAction.Redo or AppealAction.Reopen: Reply = null; break;
            }
        }
    }
}
