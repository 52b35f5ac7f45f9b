using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Organization;

namespace Minsheng.Infrastructure;

public sealed record UnitInfo(long Id, string Code, string Name, UnitKind Kind, long? ParentId, string Path, string? Phone, bool Active);

/// <summary>
/// An in-memory copy of the unit tree for scope checks. Units change rarely: the copy is refreshed
/// when this instance changes a unit and at least every 30 seconds for changes made by other instances.
/// </summary>
public sealed class UnitTree(IServiceScopeFactory scopes, TimeProvider clock)
{
    private readonly RefreshingSnapshot<IReadOnlyDictionary<long, UnitInfo>> _units = new(() => Load(scopes), clock);

    public void Invalidate() => _units.Invalidate();

    private IReadOnlyDictionary<long, UnitInfo> Units => _units.Value;

    private static IReadOnlyDictionary<long, UnitInfo> Load(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        return db.Units.AsNoTracking().ToList()
            .Select(u => new UnitInfo(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path, u.Phone, u.Active))
            .ToDictionary(u => u.Id);
    }

    public UnitInfo? Find(long id) => Units.GetValueOrDefault(id);

    public IEnumerable<UnitInfo> All => Units.Values;

    public string NameOf(long? id) => id is { } i && Units.TryGetValue(i, out var u) ? u.Name : "";

    /// <summary>True when unit lies in ancestor's subtree, the ancestor itself included.</summary>
    public bool IsWithin(long unit, long ancestor)
    {
        var units = Units;
        return units.TryGetValue(unit, out var u) && units.TryGetValue(ancestor, out var a)
            && u.Path.StartsWith(a.Path, StringComparison.Ordinal);
    }

    public IReadOnlyList<long> Subtree(long root)
    {
        var units = Units;
        if (!units.TryGetValue(root, out var r)) return [];
        return units.Values.Where(u => u.Path.StartsWith(r.Path, StringComparison.Ordinal)).Select(u => u.Id).ToList();
    }

    public bool IsRoot(long id) => Find(id) is { ParentId: null };

    /// <summary>
    /// The jurisdiction (辖区) a unit belongs to: the nearest county or city at or above it, else its root.
    /// Null for an unknown unit.
    /// </summary>
    public UnitInfo? JurisdictionOf(long unitId)
    {
        var units = Units;
        if (!units.TryGetValue(unitId, out var u)) return null;
        var top = u;
        for (var at = u; at is not null; at = at.ParentId is { } p ? units.GetValueOrDefault(p) : null)
        {
            if (at.Kind.IsJurisdiction()) return at;
            top = at;
        }
        return top;
    }

    /// <summary>True when the unit's subtree is the whole tree: one root, and this is it (a city, or a lone county).</summary>
    public bool CoversAll(long unitId)
    {
        var units = Units;
        return units.TryGetValue(unitId, out var u) && u.ParentId is null && units.Values.Count(x => x.ParentId is null) == 1;
    }

    /// <summary>The counties and cities, outermost first; a single-county deployment has one.</summary>
    public IReadOnlyList<UnitInfo> Jurisdictions() =>
        Units.Values.Where(u => u.Active && (u.Kind.IsJurisdiction() || u.ParentId is null))
            .OrderBy(u => u.Path.Count(c => c == '/')).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The jurisdiction an anonymous visitor of the portal is in when no county was picked: the only root.
    /// With several roots the first (by id) stands in, as migration 010 does for old rows.
    /// </summary>
    public UnitInfo? DefaultJurisdiction() => Units.Values.Where(u => u.ParentId is null).MinBy(u => u.Id);
}
