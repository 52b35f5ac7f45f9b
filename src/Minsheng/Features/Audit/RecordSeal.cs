using System.Globalization;
using System.Text;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Audit;

/// <summary>
/// A seal is an audit entry (action audit.seal) listing timeline and access-log rows by id, each with a keyed
/// tag of its full content: `timeline:12=tag,13=tag|access:4=tag`. The entry itself is signed and chained, so a
/// row that is edited, deleted or moved to another appeal no longer matches its seal, and a row without a
/// seal was inserted behind the application's back.
/// </summary>
public static class RecordSeal
{
    public const string Action = "audit.seal";
    /// <summary>Keeps one seal's detail around 12 KB however many rows a single save writes (the demo writes thousands).</summary>
    public const int MaxRowsPerSeal = 500;

    public enum Kind { Timeline, Access }

    public sealed record Item(Kind Kind, long Id, string Tag);

    public static Item Of(AuditKey key, TimelineEntry t) => new(Kind.Timeline, t.Id, Tag(key, Canonical(t)));

    public static Item Of(AuditKey key, AccessLogEntry a) => new(Kind.Access, a.Id, Tag(key, Canonical(a)));

    /// <summary>Every column of the row; times at millisecond precision, which both engines keep exactly.</summary>
    public static string Canonical(TimelineEntry t) => Fields("timeline", t.Id, t.AppealId, t.At.ToUnixTimeMilliseconds(), t.ActorUserId,
        t.ActorName, t.ActorRole?.ToString(), t.ActorUnitId, t.Action.ToString(), t.FromStatus?.ToString(), t.ToStatus.ToString(),
        t.Comment, t.IsPublic ? "1" : "0");

    public static string Canonical(AccessLogEntry a) => Fields("access", a.Id, a.At.ToUnixTimeMilliseconds(), a.UserId, a.Username, a.AppealId, a.Reason);

    /// <summary>Length-prefixed, so no choice of text can make two different rows encode alike (null is distinct from empty).</summary>
    private static string Fields(params object?[] values)
    {
        var sb = new StringBuilder();
        foreach (var v in values)
        {
            if (v is null) { sb.Append('~'); continue; }
            var s = Convert.ToString(v, CultureInfo.InvariantCulture)!;
            sb.Append(s.Length).Append(':').Append(s);
        }
        return sb.ToString();
    }

    /// <summary>64 bits of HMAC: enough to name an edited row; forging one needs the key, not computing power.</summary>
    private static string Tag(AuditKey key, string canonical) => key.Mac(canonical)[..16];

    public static string Detail(IEnumerable<Item> items)
    {
        var groups = items.OrderBy(i => i.Kind).ThenBy(i => i.Id).GroupBy(i => i.Kind)
            .Select(g => $"{Name(g.Key)}:{string.Join(',', g.Select(i => $"{i.Id}={i.Tag}"))}");
        return string.Join('|', groups);
    }

    /// <summary>The rows a seal lists, or null when the detail is not a seal's (then the entry was altered).</summary>
    public static List<Item>? Parse(string? detail)
    {
        if (string.IsNullOrEmpty(detail)) return null;
        var items = new List<Item>();
        foreach (var group in detail.Split('|'))
        {
            var colon = group.IndexOf(':');
            if (colon < 0) return null;
            Kind kind;
            switch (group[..colon])
            {
                case "timeline": kind = Kind.Timeline; break;
                case "access": kind = Kind.Access; break;
                default: return null;
            }
            foreach (var pair in group[(colon + 1)..].Split(','))
            {
                var eq = pair.IndexOf('=');
                if (eq < 0 || !long.TryParse(pair.AsSpan(0, eq), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
                items.Add(new Item(kind, id, pair[(eq + 1)..]));
            }
        }
        return items;
    }

    public static string Name(Kind kind) => kind == Kind.Timeline ? "timeline" : "access";

    public static string Label(Kind kind) => kind == Kind.Timeline ? "时间线记录" : "查阅登记";
}
