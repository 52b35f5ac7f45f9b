using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Assessment;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Privacy;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Statistics.Metrics;

/// <summary>Which way the metrics table is cut: by lead (or co-) unit, by the township of the appeal's place, by 一级分类, by channel.</summary>
public enum Dimension { Unit, Township, Category, Channel }

/// <summary>One group's count behind a measure: N items, Hits of them in the numerator.</summary>
public sealed record Count(int N, int Hits)
{
    public static readonly Count Zero = new(0, 0);
    public Count Add(Count o) => new(N + o.N, Hits + o.Hits);
    public Ratio Ratio => new(Hits, N);
}

/// <summary>
/// The unit measures of a jurisdiction, computed in the database: every measure is one GROUP BY per part
/// (<see cref="MetricQueries"/>), filtered to the items decided in the period and to the units of the jurisdiction's
/// subtree; one row per group comes back. The drill-down reads the same rows with the same filters.
/// </summary>
public sealed class UnitMeasuresQuery(MinshengDb db, MetricQueries queries, UnitTree units, AppealText text, TimeProvider clock) : IUnitMeasures
{
    private static readonly Metric[] AllMetrics = Enum.GetValues<Metric>();

    public async Task<IReadOnlyList<UnitMeasures>> MeasureAsync(long jurisdictionId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var counts = new Dictionary<Measure, Dictionary<long, Count>>();
        foreach (var m in AllMetrics.Select(Measures.Of).Append(Measure.Received).Append(Measure.SupervisionOrders).Append(Measure.Overdue))
            counts[m] = SameCounts(m) is { } same && counts.TryGetValue(same, out var done) ? done
                : await CountAsync(m, jurisdictionId, from, to, f => f.UnitId!.Value, ct);
        var ids = counts.Values.SelectMany(c => c.Keys).Distinct().OrderBy(id => id);
        return ids.Select(id => new UnitMeasures(id,
                counts[Measure.Received].GetValueOrDefault(id, Count.Zero).N,
                AllMetrics.ToDictionary(m => m, m => counts[Measures.Of(m)].GetValueOrDefault(id, Count.Zero).Ratio),
                counts[Measure.SupervisionOrders].GetValueOrDefault(id, Count.Zero).N,
                counts[Measure.Overdue].GetValueOrDefault(id, Count.Zero).N))
            .ToList();
    }

    /// <summary>收件量 is the n of 退单率 (the same parts): counted once, the other reads the same counts.</summary>
    public static Measure? SameCounts(Measure m) => m switch
    {
        Measure.Received => Measure.ReturnRate,
        Measure.ReturnRate => Measure.Received,
        _ => null,
    };

    public Task<IReadOnlyList<MetricItem>> ItemsAsync(long jurisdictionId, DateOnly from, DateOnly to, long unitId, Metric metric, CancellationToken ct) =>
        ItemsAsync(Measures.Of(metric), jurisdictionId, from, to, f => f.UnitId == unitId, ct);

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<MetricItem>>> ItemsByUnitAsync(long jurisdictionId, DateOnly from, DateOnly to,
        IReadOnlyCollection<long> unitIds, Metric metric, CancellationToken ct)
    {
        var ids = unitIds.ToArray();
        var rows = await RowsAsync(Measures.Of(metric), jurisdictionId, from, to, f => f.UnitId != null && ids.Contains(f.UnitId.Value), ct);
        return ids.ToDictionary(id => id, id => (IReadOnlyList<MetricItem>)Ordered(rows.Where(r => r.UnitId == id).Select(r => r.Item)));
    }

    /// <summary>Per group of the dimension's key: the measure's count, summed over its parts.</summary>
    public async Task<Dictionary<TKey, Count>> CountAsync<TKey>(Measure measure, long jurisdictionId, DateOnly from, DateOnly to,
        Expression<Func<MetricFact, TKey>> key, CancellationToken ct) where TKey : notnull
    {
        var sum = new Dictionary<TKey, Count>();
        foreach (var part in Scoped(measure, jurisdictionId, from, to))
        {
            var rows = await part.GroupBy(key).Select(g => new { g.Key, N = g.Count(), Hits = g.Count(f => f.Hit) }).ToListAsync(ct);
            foreach (var r in rows) sum[r.Key] = sum.GetValueOrDefault(r.Key, Count.Zero).Add(new Count(r.N, r.Hits));
        }
        return sum;
    }

    /// <summary>The items behind a figure, oldest decision first; titles masked as for any list leaving the server.</summary>
    public async Task<IReadOnlyList<MetricItem>> ItemsAsync(Measure measure, long jurisdictionId, DateOnly from, DateOnly to,
        Expression<Func<MetricFact, bool>> filter, CancellationToken ct) =>
        Ordered((await RowsAsync(measure, jurisdictionId, from, to, filter, ct)).Select(r => r.Item));

    private static List<MetricItem> Ordered(IEnumerable<MetricItem> items) => items.OrderBy(i => i.DecidedAt).ThenBy(i => i.AppealId).ToList();

    private async Task<List<(long? UnitId, MetricItem Item)>> RowsAsync(Measure measure, long jurisdictionId, DateOnly from, DateOnly to,
        Expression<Func<MetricFact, bool>> filter, CancellationToken ct)
    {
        var items = new List<(long?, MetricItem)>();
        foreach (var part in Scoped(measure, jurisdictionId, from, to))
        {
            var rows = await part.Where(filter)
                .Join(db.Appeals, f => f.AppealId, a => a.Id, (f, a) => new { f.UnitId, a.Id, a.Number, a.Title, a.CitizenName, f.DecidedAt, f.Hit })
                .ToListAsync(ct);
            items.AddRange(rows.Select(r => (r.UnitId, new MetricItem(r.Id, r.Number, text.Show(r.Title, TextExposure.Masked, r.CitizenName), r.DecidedAt!.Value, r.Hit))));
        }
        return items;
    }

    /// <summary>The measure's parts, filtered to items decided in the period (China dates, both ends included) for units of the jurisdiction.</summary>
    private IEnumerable<IQueryable<MetricFact>> Scoped(Measure measure, long jurisdictionId, DateOnly from, DateOnly to)
    {
        var start = ChinaTime.At(from, TimeOnly.MinValue);
        var end = ChinaTime.At(to.AddDays(1), TimeOnly.MinValue);
        var subtree = units.Subtree(jurisdictionId).ToArray();
        var now = clock.GetUtcNow();
        return queries.Parts(measure, now, start, end).Select(p => p.AsNoTracking()
            .Where(f => f.DecidedAt >= start && f.DecidedAt < end && f.UnitId != null && subtree.Contains(f.UnitId.Value)));
    }
}
