using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Statistics.Facts;
using Minsheng.Features.Statistics.Metrics;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Statistics.MetricFacts;

/// <summary>Which days of a period are read from the stored facts (and for which scopes); every other day is read live.</summary>
public sealed record MetricFactsPlan(IReadOnlySet<int> Clean, long[] Scopes, IReadOnlyList<(int From, int To)> Live);

/// <summary>
/// Decides which days of a period the stored metric facts answer: built, not marked dirty, not stale, before today,
/// with the unit map the facts were built with. The marks and built days are read before the facts, so a rebuild
/// committing in between only makes the facts newer than the marks say, never older. Null: read everything live (the
/// jurisdiction is not a stored scope, the tree changed, or too many scattered days await a rebuild).
/// </summary>
public sealed class MetricFactsReader(MinshengDb db, UnitTree units)
{
    public const int MaxLiveRuns = 48;

    public async Task<MetricFactsPlan?> PlanAsync(long jurisdictionId, DateOnly period0, DateOnly period1, DateTimeOffset now, CancellationToken ct)
    {
        var map = MetricUnitMap.Of(units);
        if (map.ScopesWithin(units, jurisdictionId) is not { } scopes) return null;
        var (from, to) = (FactDays.Of(period0), FactDays.Of(period1));
        var lastBuilt = Math.Min(to, FactDays.Of(Domain.Calendar.ChinaTime.DateOf(now)) - 1);
        var clean = new SortedSet<int>();
        if (lastBuilt >= from)
        {
            if (await MetricUnitMap.StoredFingerprintAsync(db, ct) != map.Fingerprint) return null;
            var dirty = await db.Set<MetricDirtyMark>().Where(m => m.Day >= from && m.Day <= lastBuilt).Select(m => m.Day).Distinct().ToListAsync(ct);
            clean.UnionWith(await db.Set<MetricFactDay>().Where(d => d.Day >= from && d.Day <= lastBuilt && (d.StaleAt == null || d.StaleAt >= now))
                .Select(d => d.Day).ToListAsync(ct));
            clean.ExceptWith(dirty);
        }
        var live = FactsBuilder.Runs(Enumerable.Range(from, to - from + 1).Where(d => !clean.Contains(d)));
        return live.Count > MaxLiveRuns ? null : new MetricFactsPlan(clean, scopes, live);
    }

    /// <summary>The stored counts of one measure and dimension over the clean days, per key.</summary>
    public async Task<Dictionary<long, Count>> StoredAsync(Measure measure, Dimension dim, MetricFactsPlan plan, CancellationToken ct)
    {
        var result = new Dictionary<long, Count>();
        if (plan.Clean.Count == 0) return result;
        var name = MetricFactKeys.StoredAs(measure).ToString();
        var dimName = MetricFactKeys.Dim(dim);
        var scopes = plan.Scopes;
        var rows = await db.Set<StoredMetricFact>().AsNoTracking()
            .Where(f => f.Measure == name && f.Dim == dimName && scopes.Contains(f.ScopeId))
            .Where(InRuns<StoredMetricFact, int>(FactsBuilder.Runs(plan.Clean), "Day", d => d))
            .GroupBy(f => f.KeyId).Select(g => new { g.Key, N = g.Sum(f => f.N), Hits = g.Sum(f => f.Hits) })
            .ToListAsync(ct);
        foreach (var r in rows) result[r.Key] = new Count(r.N, r.Hits);
        return result;
    }

    /// <summary>member between a and b (inclusive, converted), OR-ed over the runs: each run is one index range.</summary>
    public static Expression<Func<T, bool>> InRuns<T, TValue>(IReadOnlyList<(int From, int To)> runs, string member, Func<int, TValue> value,
        bool endExclusive = false)
    {
        var f = Expression.Parameter(typeof(T), "f");
        var at = Expression.Property(f, member);
        Expression? body = null;
        foreach (var (a, b) in runs)
        {
            var lo = Expression.GreaterThanOrEqual(at, Expression.Convert(Expression.Constant(value(a)), at.Type));
            var hi = endExclusive
                ? Expression.LessThan(at, Expression.Convert(Expression.Constant(value(b + 1)), at.Type))
                : Expression.LessThanOrEqual(at, Expression.Convert(Expression.Constant(value(b)), at.Type));
            var range = Expression.AndAlso(lo, hi);
            body = body is null ? range : Expression.OrElse(body, range);
        }
        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(false), f);
    }
}
