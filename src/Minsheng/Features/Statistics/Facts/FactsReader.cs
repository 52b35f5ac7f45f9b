using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;

namespace Minsheng.Features.Statistics.Facts;

/// <summary>The grouped counts the overview is folded from, whatever they were read from.</summary>
public sealed class OverviewParts
{
    public List<(Channel Channel, AppealType Type, Tally Tally)> ByChannelType { get; } = [];
    public List<(long? CategoryId, long? RegionUnitId, int Count)> ByPlace { get; } = [];
    public List<(int Day, Channel Channel, int Received, int Closed)> ByDay { get; } = [];
}

/// <summary>
/// Reads the overview's counts for a period and scope: the stored facts for the days that are clean (built, no dirty
/// mark, no sign-for deadline passed since), and the same SELECT live over the appeals for every other day (today,
/// dirty or stale days, days never built). The marks and built days are read before the facts, so a rebuild that
/// commits in between only makes the facts newer, never older than the marks say.
/// </summary>
public sealed class FactsReader(MinshengDb db)
{
    /// <summary>Beyond this many separate live runs (many scattered late changes not yet rebuilt) the caller reads live.</summary>
    public const int MaxLiveRuns = 48;

    /// <returns>The parts, or null when the live share is too scattered for facts to help.</returns>
    public async Task<OverviewParts?> ReadAsync(StatisticsPeriod period, ScopeKind kind, long[] subtree, DateTimeOffset now, CancellationToken ct)
    {
        if (kind == ScopeKind.Units) throw new ArgumentException("Unit staff scopes include co-units, which facts do not hold.", nameof(kind));
        var (from, to) = (FactDays.Of(period.From), FactDays.Of(period.To));
        var lastBuilt = Math.Min(to, FactDays.Of(Domain.Calendar.ChinaTime.DateOf(now)) - 1);
        var clean = new SortedSet<int>();
        if (lastBuilt >= from)
        {
            var dirty = await db.Set<FactDirtyMark>().Where(m => m.Day >= from && m.Day <= lastBuilt).Select(m => m.Day).Distinct().ToListAsync(ct);
            clean.UnionWith(await db.Set<FactDay>().Where(d => d.Day >= from && d.Day <= lastBuilt && (d.StaleAt == null || d.StaleAt >= now))
                .Select(d => d.Day).ToListAsync(ct));
            clean.ExceptWith(dirty);
        }
        var live = FactsBuilder.Runs(Enumerable.Range(from, to - from + 1).Where(d => !clean.Contains(d)));
        if (live.Count > MaxLiveRuns) return null;

        var parts = new OverviewParts();
        if (clean.Count > 0)
            await AddAsync(parts, Scoped(db.Set<DailyFact>().Where(InRuns(FactsBuilder.Runs(clean))), kind, subtree), ct);
        if (live.Count > 0)
            await AddAsync(parts, Scoped(db.Set<DailyFact>().FromSqlRaw(FactsSql.Select(db.IsSqlite, live.Count),
                FactsSql.Parameters(db, now, live).Cast<object>().ToArray()), kind, subtree), ct);
        return parts;
    }

    /// <summary>AppealScope.Within's predicate on the same three unit ids of a fact row.</summary>
    public static IQueryable<DailyFact> Scoped(IQueryable<DailyFact> q, ScopeKind kind, long[] subtree) => kind switch
    {
        ScopeKind.None => q.Where(_ => false),
        ScopeKind.All => q,
        ScopeKind.Township => q.Where(f => (f.RegionUnitId != null && subtree.Contains(f.RegionUnitId.Value))
                                           || (f.LeadUnitId != null && subtree.Contains(f.LeadUnitId.Value))),
        ScopeKind.Jurisdiction => q.Where(f => (f.JurisdictionId != null && subtree.Contains(f.JurisdictionId.Value))
                                               || (f.RegionUnitId != null && subtree.Contains(f.RegionUnitId.Value))
                                               || (f.LeadUnitId != null && subtree.Contains(f.LeadUnitId.Value))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>day between a and b, OR-ed over the runs: each run is one range over the day index.</summary>
    private static Expression<Func<DailyFact, bool>> InRuns(IReadOnlyList<(int From, int To)> runs)
    {
        var f = Expression.Parameter(typeof(DailyFact), "f");
        var day = Expression.Property(f, nameof(DailyFact.Day));
        Expression? body = null;
        foreach (var (a, b) in runs)
        {
            var range = Expression.AndAlso(Expression.GreaterThanOrEqual(day, Expression.Constant(a)), Expression.LessThanOrEqual(day, Expression.Constant(b)));
            body = body is null ? range : Expression.OrElse(body, range);
        }
        return Expression.Lambda<Func<DailyFact, bool>>(body ?? Expression.Constant(false), f);
    }

    /// <summary>The three groupings of the overview, as in StatisticsService: rates by channel and type, places, days.</summary>
    private static async Task AddAsync(OverviewParts parts, IQueryable<DailyFact> q, CancellationToken ct)
    {
        var byChannelType = await q.GroupBy(f => new { f.Channel, f.Type }).Select(g => new
        {
            g.Key.Channel, g.Key.Type,
            Received = g.Sum(f => f.Received), Closed = g.Sum(f => f.Closed), OnTimeClosed = g.Sum(f => f.OnTimeClosed),
            SignForDecided = g.Sum(f => f.SignForDecided), SignedOnTime = g.Sum(f => f.SignedOnTime),
            ResolvedRecorded = g.Sum(f => f.ResolvedRecorded), ResolvedYes = g.Sum(f => f.ResolvedYes),
            Reached = g.Sum(f => f.Reached), Satisfied = g.Sum(f => f.Satisfied),
        }).ToListAsync(ct);
        parts.ByChannelType.AddRange(byChannelType.Select(x => (x.Channel, x.Type, new Tally(x.Received, x.Closed, x.OnTimeClosed,
            x.SignForDecided, x.SignedOnTime, x.ResolvedRecorded, x.ResolvedYes, x.Reached, x.Satisfied))));
        var byPlace = await q.GroupBy(f => new { f.CategoryId, f.RegionUnitId })
            .Select(g => new { g.Key.CategoryId, g.Key.RegionUnitId, Count = g.Sum(f => f.Received) }).ToListAsync(ct);
        parts.ByPlace.AddRange(byPlace.Select(x => (x.CategoryId, x.RegionUnitId, x.Count)));
        var byDay = await q.GroupBy(f => new { f.Day, f.Channel })
            .Select(g => new { g.Key.Day, g.Key.Channel, Received = g.Sum(f => f.Received), Closed = g.Sum(f => f.Closed) }).ToListAsync(ct);
        parts.ByDay.AddRange(byDay.Select(x => (x.Day, x.Channel, x.Received, x.Closed)));
    }
}
