using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Assessment;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Privacy;
using Minsheng.Features.Appeals;
using Minsheng.Features.Statistics.Facts;
using Minsheng.Features.Statistics.MetricFacts;
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
public sealed class UnitMeasuresQuery(MinshengDb db, MetricQueries queries, UnitTree units, AppealText text, MetricFactsReader reader, TimeProvider clock) : IUnitMeasures
{
    private static readonly Metric[] AllMetrics = Enum.GetValues<Metric>();

    public async Task<IReadOnlyList<UnitMeasures>> MeasureAsync(long jurisdictionId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var counts = new Dictionary<Measure, Dictionary<long, Count>>();
        foreach (var m in AllMetrics.Select(Measures.Of).Append(Measure.Received).Append(Measure.SupervisionOrders).Append(Measure.Overdue))
            counts[m] = SameCounts(m) is { } same && counts.TryGetValue(same, out var done) ? done
                : await CountAsync(m, jurisdictionId, from, to, Dimension.Unit, ct);
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

    /// <summary>
    /// Per group of the dimension (unit id; township, -1 or 0; leaf category or 0; Channel number): the measure's count.
    /// The days the stored metric facts hold clean are read from them, every other day (today, dirty, stale, never
    /// built) live from the same parts restricted to those days; both answer alike, so the sum is the live answer.
    /// Townships come folded from the facts and raw (places) live: MetricsTable folds both the same way.
    /// </summary>
    public async Task<Dictionary<long, Count>> CountAsync(Measure measure, long jurisdictionId, DateOnly from, DateOnly to, Dimension dim, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var plan = await PlanAsync(jurisdictionId, from, to, now, ct);
        var sum = plan is null ? new Dictionary<long, Count>() : await reader.StoredAsync(measure, dim, plan, ct);
        void Add(long key, Count c) => sum[key] = sum.GetValueOrDefault(key, Count.Zero).Add(c);
        var windows = plan?.Live ?? [(FactDays.Of(from), FactDays.Of(to))];
        if (windows.Count == 0) return sum;
        // Each live run is read with the parts' own period pre-filter; many scattered runs in one pass over their span.
        var reads = windows.Count <= 4
            ? windows.Select(w => (From: w.From, To: w.To, Filter: (Expression<Func<MetricFact, bool>>?)null))
            : [(windows[0].From, windows[^1].To, MetricFactsReader.InRuns<MetricFact, DateTimeOffset?>(windows, nameof(MetricFact.DecidedAt),
                d => FactDays.Start(d), endExclusive: true))];
        foreach (var (a, b, filter) in reads)
        {
            var (s, e) = (FactDays.Start(a), FactDays.Start(b + 1));
            switch (dim)
            {
                case Dimension.Unit:
                    foreach (var (k, c) in await LiveAsync(measure, jurisdictionId, now, s, e, filter, f => f.UnitId!.Value, ct)) Add(k, c);
                    break;
                case Dimension.Township:
                    foreach (var (k, c) in await LiveAsync(measure, jurisdictionId, now, s, e, filter, f => f.RegionUnitId ?? 0, ct)) Add(k, c);
                    break;
                case Dimension.Category:
                    foreach (var (k, c) in await LiveAsync(measure, jurisdictionId, now, s, e, filter, f => f.CategoryId ?? 0, ct)) Add(k, c);
                    break;
                default:
                    foreach (var (k, c) in await LiveAsync(measure, jurisdictionId, now, s, e, filter, f => f.Channel, ct)) Add((int)k, c);
                    break;
            }
        }
        return sum;
    }

    /// <summary>The plan of a period, read once per request: the page asks for ~20 measures of the same period.</summary>
    private async Task<MetricFactsPlan?> PlanAsync(long jurisdictionId, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken ct)
    {
        var key = (jurisdictionId, from, to);
        if (_plans.TryGetValue(key, out var plan)) return plan;
        return _plans[key] = await reader.PlanAsync(jurisdictionId, from, to, now, ct);
    }

    private readonly Dictionary<(long, DateOnly, DateOnly), MetricFactsPlan?> _plans = [];

    /// <summary>Live, per group of the key: the measure's items decided in [s, e) (and passing the filter), summed over its parts.</summary>
    private async Task<Dictionary<TKey, Count>> LiveAsync<TKey>(Measure measure, long jurisdictionId, DateTimeOffset now, DateTimeOffset s, DateTimeOffset e,
        Expression<Func<MetricFact, bool>>? filter, Expression<Func<MetricFact, TKey>> key, CancellationToken ct) where TKey : notnull
    {
        var sum = new Dictionary<TKey, Count>();
        foreach (var scoped in Scoped(measure, jurisdictionId, now, s, e))
        {
            var part = filter is null ? scoped : scoped.Where(filter);
            var rows = await part.GroupBy(key).Select(g => new { g.Key, N = g.Count(), Hits = g.Count(f => f.Hit) }).ToListAsync(ct);
            foreach (var r in rows) sum[r.Key] = sum.GetValueOrDefault(r.Key, Count.Zero).Add(new Count(r.N, r.Hits));
        }
        return sum;
    }

    /// <summary>Every day live, as before the facts: the reference the facts are tested against.</summary>
    public Task<Dictionary<TKey, Count>> LiveCountAsync<TKey>(Measure measure, long jurisdictionId, DateOnly from, DateOnly to,
        Expression<Func<MetricFact, TKey>> key, CancellationToken ct) where TKey : notnull =>
        LiveAsync(measure, jurisdictionId, clock.GetUtcNow(), ChinaTime.At(from, TimeOnly.MinValue), ChinaTime.At(to.AddDays(1), TimeOnly.MinValue), null, key, ct);

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
    private IEnumerable<IQueryable<MetricFact>> Scoped(Measure measure, long jurisdictionId, DateOnly from, DateOnly to) =>
        Scoped(measure, jurisdictionId, clock.GetUtcNow(), ChinaTime.At(from, TimeOnly.MinValue), ChinaTime.At(to.AddDays(1), TimeOnly.MinValue));

    private IEnumerable<IQueryable<MetricFact>> Scoped(Measure measure, long jurisdictionId, DateTimeOffset now, DateTimeOffset start, DateTimeOffset end)
    {
        // PostgreSQL: the subtree as one array parameter (= ANY). SQLite: its path prefix, looked up per candidate item
        // by the unit's key; there a city's thousand ids as parameters cost more to bind than a day's items cost to
        // read, and as one JSON parameter SQLite drives the query from the list through the unit indexes. Measured:
        // the path lookup on PostgreSQL made a month's draft 4x slower, the JSON list on SQLite the city's table 25x.
        if (units.Find(jurisdictionId)?.Path is not { } prefix) return queries.Parts(measure, now, start, end).Select(p => p.Where(_ => false));
        var parts = queries.Parts(measure, now, start, end).Select(p => p.AsNoTracking().Where(f => f.DecidedAt >= start && f.DecidedAt < end && f.UnitId != null));
        if (!db.IsSqlite)
        {
            var subtree = units.Subtree(jurisdictionId).ToArray();
            return parts.Select(p => p.Where(f => EF.Parameter(subtree).Contains(f.UnitId!.Value)));
        }
        var length = prefix.Length;
        return parts.Select(p => p.Where(f => db.Units.Any(u => u.Id == f.UnitId && u.Path.Substring(0, length) == prefix)));
    }
}
