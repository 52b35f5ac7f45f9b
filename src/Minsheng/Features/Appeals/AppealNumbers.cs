using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Minsheng.Data;
using Minsheng.Domain.Calendar;

namespace Minsheng.Features.Appeals;

/// <summary>
/// 受理编号: the China-time date and a six-digit daily sequence (20261122000001, 14 characters), drawn from a
/// counter row in the caller's transaction so two instances never hand out the same number. Six digits hold a
/// million appeals a day, far beyond a city's busiest day, so every number has the same width; numbers issued
/// before with four digits (202611220001, 12 characters) keep working, as lookups compare whole numbers and
/// the two widths can never collide.
/// </summary>
public sealed class AppealNumbers(MinshengDb db)
{
    private const string CodeAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public async Task<string> NextAsync(DateTimeOffset now, CancellationToken ct)
    {
        var day = ChinaTime.ToChina(now).ToString("yyyyMMdd");
        var conn = db.Database.GetDbConnection();
        await using DbCommand cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Appeal numbers are drawn inside the registering transaction.");
        cmd.CommandText = "insert into number_sequences (day, last_value) values (@day, 1) " +
                          "on conflict (day) do update set last_value = number_sequences.last_value + 1 returning last_value";
        var p = cmd.CreateParameter();
        p.ParameterName = "@day";
        p.Value = day;
        cmd.Parameters.Add(p);
        var seq = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct));
        return Format(day, seq);
    }

    /// <summary>Date and six-digit sequence; a (never seen) millionth appeal of a day would widen, still unique.</summary>
    public static string Format(string day, long seq) => $"{day}{seq:D6}";

    /// <summary>The citizen's tracking code: 6 characters without look-alikes (no 0/O, 1/I).</summary>
    public static string NewQueryCode() => RandomNumberGenerator.GetString(CodeAlphabet, 6);
}
