using Minsheng.Domain.Organization;

namespace Minsheng.Domain.Triage;

/// <summary>分派规则: appeals of this category (and its subcategories) in this region (and below) go to that unit.</summary>
public sealed record RoutingRule(long Id, long? CategoryId, long? RegionUnitId, long UnitId, string? Note = null);

/// <summary>A suggested lead unit and why; the dispatcher decides.</summary>
public sealed record RouteSuggestion(long UnitId, string UnitName, IReadOnlyList<string> Reasons);

/// <summary>
/// Suggests a lead unit from the places a text mentions, the category and the admin's routing rules.
/// The most specific rule wins (category + region over category only over region only; then the deeper
/// category, then the deeper region); with no rule, the township of the place the text mentions.
/// </summary>
public sealed class RoutingSuggester
{
    private readonly Dictionary<long, RoutingUnit> _units;
    private readonly Dictionary<long, RoutingCategory> _categories;
    private readonly IReadOnlyList<RoutingRule> _rules;

    public RoutingSuggester(IEnumerable<RoutingUnit> units, IEnumerable<RoutingCategory> categories,
        IEnumerable<RoutingRule> rules, IEnumerable<GazetteerAlias> gazetteer)
    {
        _units = units.ToDictionary(u => u.Id);
        _categories = categories.ToDictionary(c => c.Id);
        _rules = rules.Where(r => _units.TryGetValue(r.UnitId, out var u) && u.Active).ToList();
        Places = new PlaceIndex(_units.Values, gazetteer);
    }

    public PlaceIndex Places { get; }

    public RouteSuggestion? Suggest(string text, long? categoryId, long? regionUnitId) =>
        Suggest(Places.Find(text), categoryId, regionUnitId);

    public RouteSuggestion? Suggest(IReadOnlyList<PlaceMention> mentions, long? categoryId, long? regionUnitId)
    {
        mentions = Agreeing(mentions);
        var reasons = mentions.Select(Describe).ToList();
        var region = regionUnitId is { } r && _units.TryGetValue(r, out var ru) ? ru : null;
        if (region is not null) reasons.Insert(0, $"登记区域“{region.Name}”");
        // The registered region is the operator's word; places in the text come after it.
        var places = (region is null ? [] : new[] { region }).Concat(mentions.Select(m => m.Unit)).DistinctBy(u => u.Id).ToList();
        var categoryChain = categoryId is { } c ? Ancestors(c, id => _categories.GetValueOrDefault(id)?.ParentId) : [];

        var best = _rules
            .Select(rule => (rule, score: Score(rule, categoryChain, places)))
            .Where(x => x.score is not null)
            .OrderByDescending(x => x.score!.Value.Tier).ThenByDescending(x => x.score!.Value.CategoryDepth)
            .ThenByDescending(x => x.score!.Value.RegionDepth).ThenBy(x => x.rule.Id)
            .FirstOrDefault();
        if (best.rule is { } rule)
        {
            var unit = _units[rule.UnitId];
            reasons.Add(DescribeRule(rule, unit));
            return new RouteSuggestion(unit.Id, unit.Name, reasons);
        }
        var town = places.Select(TownshipOf).FirstOrDefault(t => t is { Active: true });
        if (town is null) return null;
        var via = places.First(p => TownshipOf(p)?.Id == town.Id);
        reasons.Add(via.Id == town.Id ? $"属地：“{town.Name}”" : $"属地：“{via.Name}”属于“{town.Name}”");
        return new RouteSuggestion(town.Id, town.Name, reasons);
    }

    /// <summary>
    /// "城关镇王庄村" names the township the village is in. When the text names townships, a village of the
    /// same name under another township is a namesake, not the place meant, and is dropped.
    /// </summary>
    private IReadOnlyList<PlaceMention> Agreeing(IReadOnlyList<PlaceMention> mentions)
    {
        var towns = mentions.Where(m => m.Unit.Kind == UnitKind.Township).Select(m => m.Unit.Id).ToHashSet();
        if (towns.Count == 0) return mentions;
        return mentions.Where(m => TownshipOf(m.Unit) is not { } t || towns.Contains(t.Id)).ToList();
    }

    /// <summary>Null when the rule does not apply; otherwise how specific it is.</summary>
    private (int Tier, int CategoryDepth, int RegionDepth)? Score(RoutingRule rule, IReadOnlyList<long> categoryChain, IReadOnlyList<RoutingUnit> places)
    {
        var categoryDepth = 0;
        if (rule.CategoryId is { } c)
        {
            var at = IndexOf(categoryChain, c);
            if (at < 0) return null;
            categoryDepth = at + 1;
        }
        var regionDepth = 0;
        if (rule.RegionUnitId is { } r)
        {
            regionDepth = places.Select(p => Ancestors(p.Id, id => _units.GetValueOrDefault(id)?.ParentId))
                .Select(chain => IndexOf(chain, r) + 1).DefaultIfEmpty(0).Max();
            if (regionDepth == 0) return null;
        }
        var tier = (rule.CategoryId, rule.RegionUnitId) switch
        {
            (not null, not null) => 3,
            (not null, null) => 2,
            (null, not null) => 1,
            _ => 0,
        };
        return tier == 0 ? null : (tier, categoryDepth, regionDepth);
    }

    private string DescribeRule(RoutingRule rule, RoutingUnit unit)
    {
        var parts = new List<string>();
        if (rule.CategoryId is { } c) parts.Add($"分类“{_categories.GetValueOrDefault(c)?.Name ?? c.ToString()}”");
        if (rule.RegionUnitId is { } r) parts.Add($"区域“{_units.GetValueOrDefault(r)?.Name ?? r.ToString()}”");
        var note = string.IsNullOrWhiteSpace(rule.Note) ? "" : $"（{rule.Note.Trim()}）";
        return $"规则：{string.Join("+", parts)} → {unit.Name}{note}";
    }

    private string Describe(PlaceMention m)
    {
        var town = TownshipOf(m.Unit);
        var details = new List<string>();
        if (m.Text != m.Unit.Name) details.Add(m.Unit.Name);
        if (town is not null && town.Id != m.Unit.Id) details.Add(town.Name);
        if (m.FromGazetteer) details.Add("地名库");
        return details.Count == 0 ? $"文中提到“{m.Text}”" : $"文中提到“{m.Text}”（{string.Join("，", details)}）";
    }

    /// <summary>The township (乡镇/街道) a unit lies in, or the unit itself when it is one.</summary>
    public RoutingUnit? TownshipOf(RoutingUnit unit)
    {
        for (RoutingUnit? u = unit; u is not null; u = u.ParentId is { } p ? _units.GetValueOrDefault(p) : null)
            if (u.Kind == UnitKind.Township) return u;
        return null;
    }

    /// <summary>Root first, the node itself last; stops on cycles rather than looping.</summary>
    private static List<long> Ancestors(long id, Func<long, long?> parentOf)
    {
        var chain = new List<long>();
        for (long? at = id; at is { } a && !chain.Contains(a) && chain.Count < 64; at = parentOf(a)) chain.Add(a);
        chain.Reverse();
        return chain;
    }

    private static int IndexOf(IReadOnlyList<long> list, long value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return -1;
    }
}
