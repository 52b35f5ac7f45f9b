using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Notifications;

namespace Minsheng.Features.Monitor;

/// <summary>
/// Inserts notifications and leads with ON CONFLICT (key) DO NOTHING: whichever monitor gets there first
/// creates the row, every other attempt is a no-op, so each notice exists exactly once. Rows go in
/// multi-row statements so a pass that finds thousands due makes few round trips.
/// </summary>
public sealed class SqlWriter(MinshengDb db)
{
    // Microsoft.Data.Sqlite binds parameters in time quadratic in their number per statement
    // (measured: 0.35 s for a 4,000-parameter insert), so SQLite gets short statements.
    private int RowsPerStatement => db.IsSqlite ? 25 : 400;

    private object? Ts(DateTimeOffset? value) => value is not { } v ? null : db.IsSqlite ? v.ToUnixTimeMilliseconds() : v.ToUniversalTime();

    public Task<int> AddAsync(IReadOnlyList<Notification> rows, CancellationToken ct) =>
        InsertAsync("notifications", "key, kind, audience, unit_id, appeal_id, stage, title, body, due_at, created_at", rows,
            n => [n.Key, n.Kind.ToString(), n.Audience.ToString(), n.UnitId, n.AppealId, n.Stage?.ToString(), n.Title, n.Body, Ts(n.DueAt), Ts(n.CreatedAt)], ct);

    public Task<int> AddAsync(IReadOnlyList<AccountabilityLead> rows, CancellationToken ct) =>
        InsertAsync("accountability_leads", "key, rule, appeal_id, unit_id, summary, evidence_appeal_ids, evidence_timeline_ids, status, created_at, version", rows,
            l => [l.Key, l.Rule.ToString(), l.AppealId, l.UnitId, l.Summary, l.EvidenceAppealIds, l.EvidenceTimelineIds, l.Status.ToString(), Ts(l.CreatedAt), l.Version], ct);

    /// <returns>How many rows were new.</returns>
    private async Task<int> InsertAsync<T>(string table, string columns, IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken ct)
    {
        var inserted = 0;
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder($"insert into {table} ({columns}) values ");
            var parameters = new List<DbParameter>();
            using var factory = db.Database.GetDbConnection().CreateCommand();
            for (var r = 0; r < chunk.Length; r++)
            {
                var row = values(chunk[r]);
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < row.Length; c++)
                {
                    var p = factory.CreateParameter();
                    p.ParameterName = $"@p{parameters.Count}";
                    p.Value = row[c] ?? DBNull.Value;
                    sql.Append(c == 0 ? "" : ", ").Append(p.ParameterName);
                    parameters.Add(p);
                }
                sql.Append(')');
            }
            sql.Append(" on conflict (key) do nothing");
            inserted += await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
        return inserted;
    }
}
