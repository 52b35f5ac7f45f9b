using Minsheng.Domain.Organization;

namespace Minsheng.Domain.Triage;

/// <summary>A unit as routing sees it: enough of the tree to find townships and match rule regions.</summary>
public sealed record RoutingUnit(long Id, string Name, UnitKind Kind, long? ParentId, bool Active = true);

/// <summary>A category with its parent, so a rule on 城乡建设 also covers 道路设施 beneath it.</summary>
public sealed record RoutingCategory(long Id, string Name, long? ParentId);

/// <summary>地名库 entry: a local name (a hamlet, a street, a landmark) that points at a unit.</summary>
public sealed record GazetteerAlias(string Alias, long UnitId);

/// <summary>A place found in the text: the words as written and the unit they name.</summary>
public sealed record PlaceMention(string Text, RoutingUnit Unit, bool FromGazetteer);

/// <summary>
/// Finds township and village names in free text. Short forms (王庄 for 王庄村) are how citizens write,
/// so they are matched too, but only when at least two characters remain: one character matches everywhere.
/// </summary>
public sealed class PlaceIndex
{
    private static readonly string[] Suffixes = ["街道", "社区", "镇", "乡", "村"];
    private readonly List<(string Alias, RoutingUnit Unit, bool Gazetteer)> _aliases;

    public PlaceIndex(IEnumerable<RoutingUnit> units, IEnumerable<GazetteerAlias> gazetteer)
    {
        var byId = units.ToDictionary(u => u.Id);
        var entries = new List<(string, RoutingUnit, bool)>();
        foreach (var u in byId.Values.Where(u => u.Active && u.Kind is UnitKind.Township or UnitKind.Village))
        {
            entries.Add((u.Name, u, false));
            if (ShortForm(u.Name) is { } s) entries.Add((s, u, false));
        }
        foreach (var g in gazetteer)
            if (byId.TryGetValue(g.UnitId, out var u) && g.Alias.Trim().Length >= 2) entries.Add((g.Alias.Trim(), u, true));
        // An alias naming two different units says nothing about which one is meant: drop it.
        _aliases = entries.GroupBy(e => e.Item1, StringComparer.Ordinal)
            .Where(g => g.Select(e => e.Item2.Id).Distinct().Count() == 1)
            .Select(g => g.OrderBy(e => e.Item3).First())
            .OrderByDescending(e => e.Item1.Length).ThenBy(e => e.Item1, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>王庄村 → 王庄; 城关镇 → 城关; 李村 stays whole (one character would match too much).</summary>
    public static string? ShortForm(string name)
    {
        foreach (var suffix in Suffixes)
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2)
                return name[..^suffix.Length];
        return null;
    }

    /// <summary>Mentions in order of appearance; longer names win over the short forms they contain.</summary>
    public IReadOnlyList<PlaceMention> Find(string text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var taken = new bool[text.Length];
        var found = new List<(int At, PlaceMention Mention)>();
        foreach (var (alias, unit, gazetteer) in _aliases)
        {
            for (var at = text.IndexOf(alias, StringComparison.Ordinal); at >= 0; at = text.IndexOf(alias, at + alias.Length, StringComparison.Ordinal))
            {
                if (taken.AsSpan(at, alias.Length).Contains(true)) continue;
                taken.AsSpan(at, alias.Length).Fill(true);
                found.Add((at, new PlaceMention(alias, unit, gazetteer)));
            }
        }
        return found.OrderBy(f => f.At).Select(f => f.Mention).DistinctBy(m => m.Unit.Id).ToList();
    }
}
