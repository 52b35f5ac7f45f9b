using System.Security.Cryptography;
using System.Text;

namespace Minsheng.Features.Audit;

/// <summary>
/// One line of the append-only audit log. Each entry's hash covers its content and the previous entry's
/// hash, so editing or deleting any row breaks every link after it. Entries from the key switch on are
/// HMAC-SHA256 with the key kept outside the database; older ones stay plain SHA-256 (see AuditVerifier).
/// </summary>
public sealed class AuditEntry
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string Entity { get; private set; } = "";
    public string? EntityId { get; private set; }
    public string? Detail { get; private set; }
    public string PrevHash { get; private set; } = Genesis;
    public string Hash { get; private set; } = "";

    private AuditEntry() { }

    public AuditEntry(DateTimeOffset at, string actor, string action, string entity, string? entityId, string? detail, string prevHash, AuditKey key)
    {
        // Stored at millisecond precision on SQLite: hash what survives the round trip.
        At = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        Actor = actor;
        Action = action;
        Entity = entity;
        EntityId = entityId;
        Detail = detail;
        PrevHash = prevHash;
        Hash = KeyedHash(key);
    }

    private string Text() => string.Join('\u001f', PrevHash, At.ToUnixTimeMilliseconds(), Actor, Action, Entity, EntityId, Detail);

    public string KeyedHash(AuditKey key) => key.Mac(Text());

    /// <summary>How entries were hashed before the chain had a key; anyone can recompute it, so it only holds up to the switch.</summary>
    public string LegacyHash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text())));
}

/// <summary>查阅登记: who looked at a complainant's unmasked identity, when, and why.</summary>
public sealed class AccessLogEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public long UserId { get; private set; }
    public string Username { get; private set; } = "";
    public long AppealId { get; private set; }
    public string Reason { get; private set; } = "";

    private AccessLogEntry() { }

    public AccessLogEntry(DateTimeOffset at, long userId, string username, long appealId, string reason)
    {
        At = at;
        UserId = userId;
        Username = username;
        AppealId = appealId;
        Reason = reason;
    }
}
