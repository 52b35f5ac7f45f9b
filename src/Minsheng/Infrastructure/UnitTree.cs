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
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyDictionary<long, UnitInfo> ById, DateTimeOffset LoadedAt);

    public void Invalidate() => _snapshot = null;

    private IReadOnlyDictionary<long, UnitInfo> Units
    {
        get
        {
            var s = _snapshot;
            if (s is null || clock.GetUtcNow() - s.LoadedAt > MaxAge)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
                var all = db.Units.AsNoTracking().ToList()
                    .Select(u => new UnitInfo(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path, u.Phone, u.Active))
                    .ToDictionary(u => u.Id);
                _snapshot = s = new Snapshot(all, clock.GetUtcNow());
            }
            return s.ById;
        }
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
}
