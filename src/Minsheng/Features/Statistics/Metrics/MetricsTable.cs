using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Statistics.Metrics;

/// <summary>
/// The metrics page and API: every <see cref="Measure"/> per unit, township, category or channel of a jurisdiction over a
/// period, with n beside every rate, a minimum n for ranking, and the appeals behind any figure. Leaders, analysts and
/// supervisors read their own jurisdiction, or a county inside it (a city's); never another county.
/// </summary>
public sealed class MetricsTable(UnitMeasuresQuery measures, MinshengDb db, UnitTree units, CurrentUser me, IConfiguration config, TimeProvider clock)
{
    public const int DefaultMinimumN = 10;
    public const int MaxMinimumN = 1000;

    public static readonly IReadOnlyList<Measure> Shown = Enum.GetValues<Measure>();

    public int ConfiguredMinimumN => config.GetValue("Metrics:MinimumN", DefaultMinimumN);

    public static Dimension ParseDimension(string? value, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return Dimension.Unit;
        if (Enum.TryParse<Dimension>(value.Trim(), true, out var d) && Enum.IsDefined(d) && !int.TryParse(value, out _)) return d;
        errors.Add("dimension", "统计维度无效，可选 unit、township、category、channel。");
        return Dimension.Unit;
    }

    public static Measure? ParseMeasure(string? value, string field, FieldErrors errors, Measure? fallback)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (Enum.TryParse<Measure>(value.Trim(), true, out var m) && Enum.IsDefined(m) && !int.TryParse(value, out _)) return m;
        errors.Add(field, $"指标无效，可选：{string.Join("、", Shown)}。");
        return null;
    }

    /// <summary>The jurisdiction asked for (default: the caller's); a county outside the caller's jurisdiction is refused.</summary>
    public long Jurisdiction(long? asked)
    {
        var own = me.JurisdictionId;
        if (asked is not { } id || id == own) return own;
        if (units.Find(id) is not { } unit || !(unit.Kind.IsJurisdiction() || unit.ParentId is null) || !me.InJurisdiction(id))
            throw new OutOfScopeException("只能查看本辖区及其下属县（区）的考核指标。");
        return id;
    }

    public async Task<MetricsReport> ReportAsync(StatisticsPeriod period, string? dimension, string? sort, int? minimumN, long? jurisdiction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var dim = ParseDimension(dimension, errors);
        var sortBy = ParseMeasure(sort, "sort", errors, Measure.Satisfaction) ?? Measure.Satisfaction;
        var minN = minimumN ?? ConfiguredMinimumN;
        if (minN < 1 || minN > MaxMinimumN) errors.Add("minN", $"最小样本数应在 1 到 {MaxMinimumN} 之间。");
        errors.ThrowIfAny();
        var j = Jurisdiction(jurisdiction);
        var groups = await GroupsAsync(dim, j, period, ct);

        var cells = new Dictionary<string, Dictionary<Measure, MetricCell>>();
        var labels = new Dictionary<string, string>();
        foreach (var measure in Shown)
            foreach (var (key, label, count) in groups[measure])
            {
                labels[key] = label;
                if (!cells.TryGetValue(key, out var row)) cells[key] = row = [];
                row[measure] = Cell(measure, count, minN);
            }
        foreach (var row in cells.Values)
            foreach (var measure in Shown)
                row.TryAdd(measure, Cell(measure, Count.Zero, minN));

        var rows = Rank(cells.Select(c => (Key: c.Key, Label: labels[c.Key], Cells: c.Value)).ToList(), sortBy);
        return new MetricsReport(period.From, period.To, clock.GetUtcNow(), dim, j, units.NameOf(j), minN, sortBy,
            Shown.Select(m => new MetricColumn(m, Labels.MetricName(m), m.IsCount(), m.LowerIsBetter(), Labels.MetricDefinition(m))).ToList(),
            rows, Labels.MetricRules);
    }

    private static MetricCell Cell(Measure m, Count c, int minN) =>
        m.IsCount() ? new MetricCell(c.N, c.Hits, null, true)
            : new MetricCell(c.N, c.Hits, c.N == 0 ? null : Math.Round(100.0 * c.Hits / c.N, 1), c.N >= minN);

    /// <summary>Rows with enough items for the sort measure first, best first and numbered; the rest after, unranked.</summary>
    private static List<MetricRow> Rank(List<(string Key, string Label, Dictionary<Measure, MetricCell> Cells)> rows, Measure sort)
    {
        var byName = StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false);
        double Value(Dictionary<Measure, MetricCell> c) => sort.IsCount() ? c[sort].N : c[sort].Percent ?? 0;
        var ranked = rows.Where(r => r.Cells[sort].Sufficient && (sort.IsCount() || r.Cells[sort].N > 0));
        var ordered = (sort.LowerIsBetter() ? ranked.OrderBy(r => Value(r.Cells)) : ranked.OrderByDescending(r => Value(r.Cells)))
            .ThenByDescending(r => r.Cells[sort].N).ThenBy(r => r.Label, byName).ToList();
        var result = new List<MetricRow>();
        for (var i = 0; i < ordered.Count; i++)
        {
            // Equal values share a rank (1, 2, 2, 4).
            var rank = i > 0 && Value(ordered[i].Cells) == Value(ordered[i - 1].Cells) ? result[i - 1].Rank : i + 1;
            result.Add(new MetricRow(ordered[i].Key, ordered[i].Label, ordered[i].Cells, rank));
        }
        result.AddRange(rows.Except(ordered).OrderByDescending(r => r.Cells[sort].N).ThenBy(r => r.Label, byName)
            .Select(r => new MetricRow(r.Key, r.Label, r.Cells, null)));
        return result;
    }

    /// <summary>Per measure, the groups of the dimension with their counts (grouped in SQL, folded to townships or top categories here).</summary>
    private async Task<Dictionary<Measure, List<(string Key, string Label, Count Count)>>> GroupsAsync(Dimension dim, long j, StatisticsPeriod p, CancellationToken ct)
    {
        var result = new Dictionary<Measure, List<(string, string, Count)>>();
        var roots = dim == Dimension.Category ? await CategoryRoots.LoadAsync(db, ct) : null;
        foreach (var m in Shown)
        {
            if (UnitMeasuresQuery.SameCounts(m) is { } same && result.TryGetValue(same, out var done))
            {
                result[m] = done;
                continue;
            }
            IEnumerable<(string Key, string Label, Count Count)> rows = dim switch
            {
                Dimension.Unit => (await measures.CountAsync(m, j, p.From, p.To, Dimension.Unit, ct))
                    .Select(x => (x.Key.ToString(), units.NameOf(x.Key), x.Value)),
                Dimension.Township => (await measures.CountAsync(m, j, p.From, p.To, Dimension.Township, ct))
                    .Select(x =>
                    {
                        var (k, l) = Place(x.Key);
                        return (k, l, x.Value);
                    }),
                Dimension.Category => (await measures.CountAsync(m, j, p.From, p.To, Dimension.Category, ct))
                    .Select(x => roots!.TryGetValue(x.Key, out var root) ? (root.Id.ToString(), root.Name, x.Value) : (None, "未分类", x.Value)),
                _ => (await measures.CountAsync(m, j, p.From, p.To, Dimension.Channel, ct))
                    .Select(x => (((Channel)x.Key).ToString(), Labels.Channel((Channel)x.Key), x.Value)),
            };
            result[m] = rows.GroupBy(r => (r.Key, r.Label)).Select(g => (g.Key.Key, g.Key.Label, g.Aggregate(Count.Zero, (s, r) => s.Add(r.Count)))).ToList();
        }
        return result;
    }

    private const string None = "none";
    private const string Other = "other";

    /// <summary>The township (乡镇/街道) group of an appeal's place: the township's id, "other" for county-level places, "none" without a place.</summary>
    private (string Key, string Label) Place(long regionId)
    {
        if (regionId == 0) return (None, "未标注地点");
        return Township(regionId) is { } t ? (t.Id.ToString(), t.Name) : (Other, "县直及其他");
    }

    private UnitInfo? Township(long regionId)
    {
        var unit = units.Find(regionId);
        for (var depth = 0; unit is not null && depth < 32; depth++)
        {
            if (unit.Kind == UnitKind.Township) return unit;
            unit = unit.ParentId is { } parent ? units.Find(parent) : null;
        }
        return null;
    }

    /// <summary>The appeals behind one figure of the table: the same rows the count was made of.</summary>
    public async Task<MetricItemsReport> ItemsAsync(StatisticsPeriod period, string? dimension, string? key, string? measure, long? jurisdiction, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var dim = ParseDimension(dimension, errors);
        var m = ParseMeasure(measure, "measure", errors, null);
        if (measure is null) errors.Add("measure", "请指定指标。");
        if (string.IsNullOrWhiteSpace(key)) errors.Add("key", "请指定要查看的单位、乡镇、分类或渠道。");
        errors.ThrowIfAny();
        var j = Jurisdiction(jurisdiction);
        var (filter, label) = await FilterAsync(dim, key!.Trim(), j, ct);
        var items = await measures.ItemsAsync(m!.Value, j, period.From, period.To, filter, ct);
        return new MetricItemsReport(period.From, period.To, dim, key.Trim(), label, m.Value, Labels.MetricName(m.Value), Labels.MetricDefinition(m.Value),
            items.Count, items.Count(i => i.InNumerator),
            items.Select(i => new MetricItemView(i.AppealId, i.Number, i.Title, i.DecidedAt, i.InNumerator)).ToList());
    }

    private async Task<(Expression<Func<MetricFact, bool>> Filter, string Label)> FilterAsync(Dimension dim, string key, long j, CancellationToken ct)
    {
        var bad = new DomainValidationException("key", "统计对象无效。");
        switch (dim)
        {
            case Dimension.Unit:
                if (!long.TryParse(key, out var unitId) || !units.IsWithin(unitId, j)) throw bad;
                return (f => f.UnitId == unitId, units.NameOf(unitId));
            case Dimension.Channel:
                if (!Enum.TryParse<Channel>(key, true, out var channel) || !Enum.IsDefined(channel) || int.TryParse(key, out _)) throw bad;
                return (f => f.Channel == channel, Labels.Channel(channel));
            case Dimension.Township:
                if (key == None) return (f => f.RegionUnitId == null, "未标注地点");
                var townships = units.All.Where(u => u.Kind == UnitKind.Township).ToList();
                var underTownships = townships.SelectMany(t => units.Subtree(t.Id)).Distinct().ToArray();
                if (key == Other) return (f => f.RegionUnitId != null && !underTownships.Contains(f.RegionUnitId.Value), "县直及其他");
                if (!long.TryParse(key, out var townId) || townships.All(t => t.Id != townId)) throw bad;
                var places = units.Subtree(townId).ToArray();
                return (f => f.RegionUnitId != null && places.Contains(f.RegionUnitId.Value), units.NameOf(townId));
            default:
                if (key == None) return (f => f.CategoryId == null, "未分类");
                var roots = await CategoryRoots.LoadAsync(db, ct);
                if (!long.TryParse(key, out var rootId) || !roots.Values.Any(r => r.Id == rootId)) throw bad;
                var ids = roots.Where(r => r.Value.Id == rootId).Select(r => r.Key).ToArray();
                return (f => f.CategoryId != null && ids.Contains(f.CategoryId.Value), roots[rootId].Name);
        }
    }
}
