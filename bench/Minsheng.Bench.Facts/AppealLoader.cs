using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Npgsql;
using NpgsqlTypes;

namespace Minsheng.Bench.Facts;

/// <summary>
/// N appeals spread over three years before "now" in the demo's unit tree, written straight into the table (COPY on
/// PostgreSQL, one prepared INSERT in large transactions on SQLite). Only the columns the statistics read vary; the
/// mix is plausible: most old appeals closed, most sign-fors on time, a third of callbacks reached.
/// </summary>
public static class AppealLoader
{
    private static readonly string[] Columns =
    [
        "number", "query_code", "channel", "type", "category_id", "tier", "title", "content", "region_unit_id", "jurisdiction_id",
        "status", "lead_unit_id", "sign_for_due", "resolve_due", "claimed_at", "replied_at", "closed_at", "callback_outcome", "resolved",
        "extension_used", "return_count", "redo_count", "callback_attempts", "created_at", "updated_at", "version", "deadlines_provisional",
    ];

    public static async Task LoadAsync(MinshengDb db, DateTimeOffset now, int count, int seed)
    {
        var units = await db.Units.AsNoTracking().ToListAsync();
        var counties = units.Where(u => u.Kind == UnitKind.County).ToList();
        var places = counties.ToDictionary(c => c.Id, c => units.Where(u => u.Path.StartsWith(c.Path) && u.Kind is UnitKind.Township or UnitKind.Village).Select(u => u.Id).ToArray());
        var leads = counties.ToDictionary(c => c.Id, c => units.Where(u => u.Path.StartsWith(c.Path) && u.Kind is UnitKind.Department or UnitKind.Township).Select(u => u.Id).ToArray());
        var categories = await db.Categories.AsNoTracking().Where(c => c.ParentId != null).Select(c => c.Id).ToArrayAsync();
        var random = new Random(seed);
        var channels = Enum.GetValues<Channel>();
        var types = Enum.GetValues<AppealType>();
        var span = TimeSpan.FromDays(3 * 365).TotalMinutes;

        IEnumerable<object?[]> Rows()
        {
            for (var i = 0; i < count; i++)
            {
                var created = now - TimeSpan.FromMinutes(random.NextDouble() * span);
                var county = counties[random.Next(counties.Count)];
                var age = (now - created).TotalDays;
                var status = age > 30 ? (random.Next(10) < 9 ? AppealStatus.Closed : AppealStatus.ReReview)
                    : (AppealStatus)random.Next((int)AppealStatus.Closed + 1);
                var dispatched = random.Next(10) < 8;
                DateTimeOffset? signDue = dispatched ? created + TimeSpan.FromHours(4 + random.Next(20)) : null;
                DateTimeOffset? claimed = dispatched && (status != AppealStatus.Dispatched) ? signDue - TimeSpan.FromHours(random.Next(-6, 4)) : null;
                if (claimed > now) claimed = null;
                DateTimeOffset? resolveDue = dispatched ? created + TimeSpan.FromDays(15) : null;
                DateTimeOffset? replied = status is AppealStatus.Closed or AppealStatus.Replied or AppealStatus.ReReview ? created + TimeSpan.FromDays(random.Next(1, 20)) : null;
                DateTimeOffset? closed = status == AppealStatus.Closed ? (replied ?? created) + TimeSpan.FromDays(random.Next(0, 3)) : null;
                var reached = replied is not null && random.Next(3) > 0;
                string? outcome = !reached ? null : random.Next(10) switch { < 6 => "Satisfied", < 8 => "BasicallySatisfied", _ => "Unsatisfied" };
                bool? resolved = reached ? random.Next(10) < 7 : null;
                var placeList = places[county.Id];
                var leadList = leads[county.Id];
                yield return
                [
                    $"B{i:D9}", "000000", channels[random.Next(channels.Length)].ToString(), types[random.Next(types.Length)].ToString(),
                    random.Next(20) == 0 ? null : categories[random.Next(categories.Length)], nameof(Tier.Timely), "诉求", "内容",
                    random.Next(15) == 0 || placeList.Length == 0 ? null : placeList[random.Next(placeList.Length)], county.Id, status.ToString(),
                    dispatched && leadList.Length > 0 ? leadList[random.Next(leadList.Length)] : null,
                    signDue, resolveDue, claimed, replied, closed, outcome, resolved,
                    false, 0, 0, 0, created, closed ?? created, 1, false,
                ];
            }
        }

        if (db.IsSqlite) await SqliteAsync(db, Rows());
        else await CopyAsync(db, Rows());
    }

    private static async Task CopyAsync(MinshengDb db, IEnumerable<object?[]> rows)
    {
        var conn = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var copy = await conn.BeginBinaryImportAsync($"copy appeals ({string.Join(", ", Columns)}) from stdin (format binary)");
            foreach (var row in rows)
            {
                await copy.StartRowAsync();
                foreach (var value in row)
                {
                    switch (value)
                    {
                        case null: await copy.WriteNullAsync(); break;
                        case string s: await copy.WriteAsync(s, NpgsqlDbType.Text); break;
                        case long l: await copy.WriteAsync(l, NpgsqlDbType.Bigint); break;
                        case int n: await copy.WriteAsync(n, NpgsqlDbType.Integer); break;
                        case bool b: await copy.WriteAsync(b, NpgsqlDbType.Boolean); break;
                        case DateTimeOffset d: await copy.WriteAsync(d.ToUniversalTime(), NpgsqlDbType.TimestampTz); break;
                        default: throw new InvalidOperationException(value.GetType().Name);
                    }
                }
            }
            await copy.CompleteAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.ExecuteSqlRawAsync("analyze appeals");
    }

    private static async Task SqliteAsync(MinshengDb db, IEnumerable<object?[]> rows)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            var conn = db.Database.GetDbConnection();
            foreach (var chunk in rows.Chunk(20_000))
            {
                await using var tx = await conn.BeginTransactionAsync();
                await using var cmd = conn.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = $"insert into appeals ({string.Join(", ", Columns)}) values ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})";
                var ps = Columns.Select((_, i) => { var p = cmd.CreateParameter(); p.ParameterName = $"@p{i}"; cmd.Parameters.Add(p); return p; }).ToArray();
                foreach (var row in chunk)
                {
                    for (var i = 0; i < row.Length; i++)
                        ps[i].Value = row[i] switch { null => DBNull.Value, DateTimeOffset d => d.ToUnixTimeMilliseconds(), var v => v };
                    await cmd.ExecuteNonQueryAsync();
                }
                await tx.CommitAsync();
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
