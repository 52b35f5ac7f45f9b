using System.Security.Cryptography;
using System.Text;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Statistics.Facts;

/// <summary>
/// Which scopes the stored facts answer, and the maps the rebuild's SQL joins to place each appeal in them.
///
/// A scope is the unit of a desk, supervision or leadership user (AppealScope.Rule): a jurisdiction (county, city, or a
/// lone root) sees appeals whose owner, place or lead unit lies in its subtree; any other unit (a township, a
/// department) sees those whose place or lead unit does. The facts hold one set of rows per served scope — every
/// jurisdiction but the lone root, whose users see everything — and one for "everything" (id 0). An appeal is counted once in each
/// scope that sees it, found through <c>fact_scope_map</c>: for each unit, the served scopes whose subtree (by Path, as
/// UnitTree.Subtree) holds it, flagged when the scope is a jurisdiction (only those look at the owner; the flag keeps
/// the map right should finer scopes be stored again). Users of a finer unit (a township, a department, a village) and
/// unit staff are answered live.
///
/// <c>fact_group_map</c> holds the overview's groupings: each category's root (dim "cat") and each place's township
/// (dim "town"), as StatisticsService folds them. The fingerprint covers every input of both maps, so a moved unit or
/// category makes the stored facts unusable until they are rebuilt with the new maps.
/// </summary>
public sealed class FactScopes
{
    /// <summary>The scope id of "everything" (AppealScope's ScopeKind.All).</summary>
    public const long Everything = 0;

    private readonly UnitTree _units;

    public FactScopes(UnitTree units, IReadOnlyDictionary<long, (long Id, string Name)> categoryRoots)
    {
        _units = units;
        CategoryRoots = categoryRoots;
        Fingerprint = FingerprintOf(units, categoryRoots);
    }

    /// <summary>The scopes as the unit tree and the category table stand (one small query for the categories).</summary>
    public static async Task<FactScopes> LoadAsync(Data.MinshengDb db, UnitTree units, CancellationToken ct) =>
        new(units, await Statistics.CategoryRoots.LoadAsync(db, ct));

    public IReadOnlyDictionary<long, (long Id, string Name)> CategoryRoots { get; }

    /// <summary>A hash of every unit's id, parent, kind and path and every category's root: all the maps derive from.</summary>
    public string Fingerprint { get; }

    private static string FingerprintOf(UnitTree units, IReadOnlyDictionary<long, (long Id, string Name)> roots)
    {
        var text = new StringBuilder("facts-v2\n");
        foreach (var u in units.All.OrderBy(u => u.Id)) text.Append($"u{u.Id}|{u.ParentId}|{u.Kind}|{u.Path}\n");
        foreach (var (id, root) in roots.OrderBy(c => c.Key)) text.Append($"c{id}|{root.Id}\n");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A unit whose users' scope is the jurisdiction kind (CurrentUser.JurisdictionId equals it).</summary>
    private bool Jurisdictional(long unitId) => _units.JurisdictionOf(unitId)?.Id == unitId;

    /// <summary>
    /// Whether the facts hold rows for the scope rooted at this unit: a jurisdiction (county, city), but not the lone
    /// root, whose users see everything and read scope 0. Townships and departments are not stored: measured on the
    /// bench's 100,000 appeals their ~290 scopes made two thirds of the rows (905,361 of 1,346,577), while each sees so
    /// few appeals that the live path answers them from the place and lead-unit indexes.
    /// </summary>
    public bool Serves(long unitId) => _units.Find(unitId) is { } u && !_units.CoversAll(u.Id) && Jurisdictional(u.Id);

    /// <summary>
    /// The stored scope answering AppealScope's rule, or null when it must be read live: unit staff (co-units are not
    /// in the facts), or a user whose unit is finer than the served ones.
    /// </summary>
    public long? ScopeFor(ScopeKind kind, long[] subtree)
    {
        if (kind == ScopeKind.All) return Everything;
        if (kind is not (ScopeKind.Jurisdiction or ScopeKind.Township) || subtree.Length == 0) return null;
        // AppealScope's subtree is the user's unit and everything under it: the unit is the one with the shortest path.
        var root = subtree.Select(_units.Find).Where(u => u is not null).MinBy(u => u!.Path.Length);
        if (root is null || !Serves(root.Id)) return null;
        // The rule's kind follows from the unit, as the map's flag does; a mismatch would mean another rule: read live.
        return Jurisdictional(root.Id) == (kind == ScopeKind.Jurisdiction) ? root.Id : null;
    }

    /// <summary>fact_scope_map's rows: (unit, served scope whose subtree holds it, the scope is a jurisdiction).</summary>
    public IEnumerable<(long UnitId, long ScopeId, bool Jurisdictional)> ScopeMap() =>
        _units.All.Where(s => Serves(s.Id)).SelectMany(s =>
        {
            var flag = Jurisdictional(s.Id);
            return _units.Subtree(s.Id).Select(x => (x, s.Id, flag));
        });

    /// <summary>fact_group_map's rows: category → root ("cat"), and place → township ("town") for places inside one.</summary>
    public IEnumerable<(string Dim, long Id, long GroupId)> GroupMap()
    {
        foreach (var (id, root) in CategoryRoots) yield return ("cat", id, root.Id);
        foreach (var u in _units.All)
            if (TownshipOf(_units, u.Id) is { } t) yield return ("town", u.Id, t.Id);
    }

    /// <summary>The township (乡镇/街道) a place lies in, or null for county-level places and departments.</summary>
    public static UnitInfo? TownshipOf(UnitTree units, long? regionId)
    {
        var unit = regionId is { } id ? units.Find(id) : null;
        for (var depth = 0; unit is not null && depth < 32; depth++)
        {
            if (unit.Kind == UnitKind.Township) return unit;
            unit = unit.ParentId is { } parent ? units.Find(parent) : null;
        }
        return null;
    }
}
