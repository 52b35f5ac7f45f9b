using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Notifications;

namespace Minsheng.Features.Monitor;

/// <summary>
/// Inserts notifications and leads with ON CONFLICT (key) DO NOTHING: whichever monitor gets there first
/// creates the row, every other attempt is a no-op, so each notice exists exactly once.
/// </summary>
public sealed class SqlWriter(MinshengDb db)
{
    private object? Ts(DateTimeOffset? value) => value is not { } v ? null : db.IsSqlite ? v.ToUnixTimeMilliseconds() : v.ToUniversalTime();

    public async Task<bool> TryAddAsync(Notification n, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($@"insert into notifications
            (key, kind, audience, unit_id, appeal_id, stage, title, body, due_at, created_at)
            values ({n.Key}, {n.Kind.ToString()}, {n.Audience.ToString()}, {n.UnitId}, {n.AppealId}, {n.Stage?.ToString()},
                    {n.Title}, {n.Body}, {Ts(n.DueAt)}, {Ts(n.CreatedAt)})
            on conflict (key) do nothing", ct) == 1;

    public async Task<bool> TryAddAsync(AccountabilityLead l, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($@"insert into accountability_leads
            (key, rule, appeal_id, unit_id, summary, evidence_appeal_ids, evidence_timeline_ids, status, created_at, version)
            values ({l.Key}, {l.Rule.ToString()}, {l.AppealId}, {l.UnitId}, {l.Summary}, {l.EvidenceAppealIds},
                    {l.EvidenceTimelineIds}, {l.Status.ToString()}, {Ts(l.CreatedAt)}, {l.Version})
            on conflict (key) do nothing", ct) == 1;
}
