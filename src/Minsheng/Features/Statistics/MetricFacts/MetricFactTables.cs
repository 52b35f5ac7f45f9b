using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Domain.Organization;
using Minsheng.Features.Statistics.Metrics;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Statistics.MetricFacts;

/// <summary>
/// One row of metric_facts: for one China decision day, one measure's part and one scope (the jurisdiction of the
/// counting unit, <see cref="UnitTree.JurisdictionOf"/>), the items grouped by one dimension (<see cref="Dim"/>):
/// "unit" per counting unit, "town" per township of the appeal's place (-1: under none, 0: no place), "cat" per leaf
/// category (0: none), "chan" per Channel number. A jurisdiction's figure is the sum over the scopes inside it: a
/// unit lies in a jurisdiction's subtree exactly when its own jurisdiction does.
/// </summary>
public sealed class StoredMetricFact
{
    public string Measure { get; set; } = "";
    public string Dim { get; set; } = "";
    public long ScopeId { get; set; }
    public int Day { get; set; }
    public long KeyId { get; set; }
    public int Part { get; set; }
    public int N { get; set; }
    public int Hits { get; set; }
}

/// <summary>A day the metric facts hold: when it was built, and when a pending deadline may move an overdue item off it.</summary>
public sealed class MetricFactDay
{
    public int Day { get; set; }
    public DateTimeOffset BuiltAt { get; set; }
    public DateTimeOffset? StaleAt { get; set; }
}

/// <summary>An appended note that a change may have moved or altered an item decided on <see cref="Day"/>.</summary>
public sealed class MetricDirtyMark
{
    public long Id { get; set; }
    public int Day { get; set; }
}

internal sealed class StoredMetricFactConfiguration : IEntityTypeConfiguration<StoredMetricFact>
{
    public void Configure(EntityTypeBuilder<StoredMetricFact> e) => e.ToTable("metric_facts").HasNoKey();
}

internal sealed class MetricFactDayConfiguration : IEntityTypeConfiguration<MetricFactDay>
{
    public void Configure(EntityTypeBuilder<MetricFactDay> e)
    {
        e.ToTable("metric_fact_days").HasKey(d => d.Day);
        e.Property(d => d.Day).ValueGeneratedNever();
    }
}

internal sealed class MetricDirtyMarkConfiguration : IEntityTypeConfiguration<MetricDirtyMark>
{
    public void Configure(EntityTypeBuilder<MetricDirtyMark> e) => e.ToTable("metric_dirty_marks");
}

/// <summary>The dimension names stored, and the measure each Measure is stored as.</summary>
public static class MetricFactKeys
{
    public static string Dim(Dimension d) => d switch
    {
        Dimension.Unit => "unit",
        Dimension.Township => "town",
        Dimension.Category => "cat",
        _ => "chan",
    };

    /// <summary>收件量 and 退单率 are the same parts (UnitMeasuresQuery.SameCounts): stored once, as 退单率.</summary>
    public static Measure StoredAs(Measure m) => UnitMeasuresQuery.SameCounts(m) is { } same && m == Measure.Received ? same : m;

    public static readonly IReadOnlyList<Measure> Stored = Enum.GetValues<Measure>().Where(m => StoredAs(m) == m).ToList();
}

/// <summary>
/// Every unit's scope (its jurisdiction) and township, as the unit tree stands, with a fingerprint of exactly these:
/// the stored facts are right for a tree whose map has the same fingerprint (the reader's subtree test on scopes is
/// exact whenever each unit's jurisdiction is the stored one; townships fold places).
/// </summary>
public sealed class MetricUnitMap
{
    public required IReadOnlyDictionary<long, (long Scope, long Township)> Units { get; init; }
    public required string Fingerprint { get; init; }

    public static MetricUnitMap Of(UnitTree units)
    {
        var map = new SortedDictionary<long, (long, long)>();
        foreach (var u in units.All)
            map[u.Id] = (units.JurisdictionOf(u.Id)!.Id, TownshipOf(units, u.Id) ?? -1);
        var text = new StringBuilder("metric-facts-v1\n");
        foreach (var (id, (scope, town)) in map) text.Append($"{id}|{scope}|{town}\n");
        return new MetricUnitMap { Units = map, Fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))) };
    }

    /// <summary>The township at or above a place, walked as MetricsTable folds places.</summary>
    private static long? TownshipOf(UnitTree units, long id)
    {
        var unit = units.Find(id);
        for (var depth = 0; unit is not null && depth < 32; depth++)
        {
            if (unit.Kind == UnitKind.Township) return unit.Id;
            unit = unit.ParentId is { } parent ? units.Find(parent) : null;
        }
        return null;
    }

    /// <summary>
    /// The stored scopes whose units make up <paramref name="jurisdictionId"/>'s subtree, or null when it is not a
    /// scope itself (then "unit in its subtree" is not a question of scopes, and the caller reads live).
    /// </summary>
    public long[]? ScopesWithin(UnitTree units, long jurisdictionId)
    {
        if (!Units.TryGetValue(jurisdictionId, out var own) || own.Scope != jurisdictionId) return null;
        return units.Subtree(jurisdictionId).Where(id => Units.TryGetValue(id, out var m) && m.Scope == id).ToArray();
    }

    public static async Task<string?> StoredFingerprintAsync(Data.MinshengDb db, CancellationToken ct) =>
        await db.Database.SqlQueryRaw<string>("select fingerprint as \"Value\" from metric_fact_meta where id = 1").FirstOrDefaultAsync(ct);
}
