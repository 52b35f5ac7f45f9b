using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;

namespace Minsheng.Features.Statistics.Facts;

/// <summary>What the reader is asked for: the overview's groupings, or the unit table's per lead unit.</summary>
public enum FactsWanted { Overview, Units }

/// <summary>
/// The grouped counts the overview and the unit table are folded from, whatever they were read from. Category and place
/// ids are either exact (read live) or already a root / township (stored): StatisticsService folds both alike.
/// </summary>
public sealed class OverviewParts
{
    public List<(Channel Channel, AppealType Type, Tally Tally)> ByChannelType { get; } = [];
    public List<(long? CategoryId, int Count)> ByCategory { get; } = [];
    public List<(long? RegionUnitId, int Count)> ByRegion { get; } = [];
    public List<(int Day, Channel Channel, int Received, int Closed)> ByDay { get; } = [];
    public List<(long LeadUnitId, Tally Tally)> ByLead { get; } = [];
}

/// <summary>
/// Reads the counts for a period and scope: the stored per-scope facts for the days that are clean (built, no dirty
/// mark, no sign-for deadline passed since), and the fine live SELECT over the appeals for every other day (today,
/// dirty or stale days, days never built). The marks and built days are read before the facts, so a rebuild that
/// commits in between only makes the facts newer, never older than the marks say. Nothing stored is used when the
/// scope is not one the facts hold, or the unit or category tree changed since they were built (fingerprint).
/// </summary>
public sealed class FactsReader(MinshengDb db)
{
    /// <summary>Beyond this many separate live runs (many scattered late changes not yet rebuilt) the caller reads live.</summary>
    public const int MaxLiveRuns = 48;

    /// <returns>The parts, or null when the caller must compute live (scope not stored, trees changed, too scattered).</returns>
    public async Task<OverviewParts?> ReadAsync(StatisticsPeriod period, ScopeKind kind, long[] subtree, FactScopes scopes,
        FactsWanted wanted, DateTimeOffset now, CancellationToken ct)
    {
        if (scopes.ScopeFor(kind, subtree) is not { } scopeId) return null;
        var (from, to) = (FactDays.Of(period.From), FactDays.Of(period.To));
        var lastBuilt = Math.Min(to, FactDays.Of(Domain.Calendar.ChinaTime.DateOf(now)) - 1);
        var clean = new SortedSet<int>();
        if (lastBuilt >= from)
        {
            var stored = await db.Database.SqlQueryRaw<string>("select fingerprint as \"Value\" from fact_meta where id = 1").FirstOrDefaultAsync(ct);
            if (stored != scopes.Fingerprint) return null;
            var dirty = await db.Set<FactDirtyMark>().Where(m => m.Day >= from && m.Day <= lastBuilt).Select(m => m.Day).Distinct().ToListAsync(ct);
            clean.UnionWith(await db.Set<FactDay>().Where(d => d.Day >= from && d.Day <= lastBuilt && (d.StaleAt == null || d.StaleAt >= now))
                .Select(d => d.Day).ToListAsync(ct));
            clean.ExceptWith(dirty);
        }
        var live = FactsBuilder.Runs(Enumerable.Range(from, to - from + 1).Where(d => !clean.Contains(d)));
        if (live.Count > MaxLiveRuns) return null;

        var parts = new OverviewParts();
        if (clean.Count > 0)
        {
            // Whole calendar months inside the period with every day clean are read from their month rows.
            var months = new List<int>();
            foreach (var (a, b) in FactDays.ByMonth(from, to))
                if (a == FactDays.MonthOf(a) && b == FactDays.NextMonth(a) - 1 && Enumerable.Range(a, b - a + 1).All(clean.Contains))
                    months.Add(a);
            var byDay = clean.Where(d => !months.Contains(FactDays.MonthOf(d))).ToList();
            var rows = db.Set<ScopeFact>().Where(f => f.ScopeId == scopeId);
            var days = rows.Where(InRuns(FactsBuilder.Runs(byDay)));
            var monthRows = rows.Where(f => months.Contains(f.Day));
            if (wanted == FactsWanted.Overview)
            {
                await AddStoredRatesAsync(parts, days.Where(f => f.Dim == "ct"), byDay.Count > 0, monthRows.Where(f => f.Dim == "ct.m"), months.Count > 0, ct);
                await AddStoredTrendAsync(parts, rows.Where(f => f.Dim == "tr").Where(InRuns(FactsBuilder.Runs(clean))), ct);
                await AddStoredPlacesAsync(parts, days.Where(f => f.Dim == "cat" || f.Dim == "town"), byDay.Count > 0,
                    monthRows.Where(f => f.Dim == "cat.m" || f.Dim == "town.m"), months.Count > 0, ct);
            }
            else
            {
                if (byDay.Count > 0) await AddStoredUnitsAsync(parts, days.Where(f => f.Dim == "lead"), ct);
                if (months.Count > 0) await AddStoredUnitsAsync(parts, monthRows.Where(f => f.Dim == "lead.m"), ct);
            }
        }
        if (live.Count > 0)
        {
            var rows = Scoped(db.Set<DailyFact>().FromSqlRaw(FactsSql.Select(db.IsSqlite, live.Count),
                FactsSql.Parameters(db, now, live).Cast<object>().ToArray()), kind, subtree);
            if (wanted == FactsWanted.Overview) await AddLiveOverviewAsync(parts, rows, ct);
            else await AddLiveUnitsAsync(parts, rows, ct);
        }
        return parts;
    }

    /// <summary>AppealScope.Within's predicate on the same three unit ids of a live fact row.</summary>
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

    /// <summary>day between a and b, OR-ed over the runs: each run is one range over the (scope, dim, day) index.</summary>
    private static Expression<Func<T, bool>> InRuns<T>(IReadOnlyList<(int From, int To)> runs)
    {
        var f = Expression.Parameter(typeof(T), "f");
        var day = Expression.Property(f, "Day");
        Expression? body = null;
        foreach (var (a, b) in runs)
        {
            var range = Expression.AndAlso(Expression.GreaterThanOrEqual(day, Expression.Constant(a)), Expression.LessThanOrEqual(day, Expression.Constant(b)));
            body = body is null ? range : Expression.OrElse(body, range);
        }
        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(false), f);
    }

    private static Expression<Func<ScopeFact, bool>> InRuns(IReadOnlyList<(int From, int To)> runs) => InRuns<ScopeFact>(runs);

    private sealed record Sums(int Received, int Closed, int OnTimeClosed, int SignForDecided, int SignedOnTime,
        int ResolvedRecorded, int ResolvedYes, int Reached, int Satisfied)
    {
        public Tally Tally => new(Received, Closed, OnTimeClosed, SignForDecided, SignedOnTime, ResolvedRecorded, ResolvedYes, Reached, Satisfied);
    }

    /// <summary>Stored: the counts per channel and type (day rows and month rows, each one index range).</summary>
    private static async Task AddStoredRatesAsync(OverviewParts parts, IQueryable<ScopeFact> days, bool anyDays, IQueryable<ScopeFact> months,
        bool anyMonths, CancellationToken ct)
    {
        foreach (var q in new[] { anyDays ? days : null, anyMonths ? months : null })
        {
            if (q is null) continue;
            var rows = await q.GroupBy(f => new { f.Channel, f.Type }).Select(g => new
            {
                g.Key.Channel, g.Key.Type,
                Sums = new Sums(g.Sum(f => f.Received), g.Sum(f => f.Closed), g.Sum(f => f.OnTimeClosed), g.Sum(f => f.SignForDecided),
                    g.Sum(f => f.SignedOnTime), g.Sum(f => f.ResolvedRecorded), g.Sum(f => f.ResolvedYes), g.Sum(f => f.Reached), g.Sum(f => f.Satisfied)),
            }).ToListAsync(ct);
            parts.ByChannelType.AddRange(rows.Select(x => (Enum.Parse<Channel>(x.Channel), Enum.Parse<AppealType>(x.Type), x.Sums.Tally)));
        }
    }

    /// <summary>Stored: registrations and closings per day and channel, for the trend.</summary>
    private static async Task AddStoredTrendAsync(OverviewParts parts, IQueryable<ScopeFact> q, CancellationToken ct)
    {
        var rows = await q.Select(f => new { f.Day, f.Channel, f.Received, f.Closed }).ToListAsync(ct);
        parts.ByDay.AddRange(rows.Select(x => (x.Day, Enum.Parse<Channel>(x.Channel), x.Received, x.Closed)));
    }

    /// <summary>Stored: registrations per category root and per township (key 0: none, as null live).</summary>
    private static async Task AddStoredPlacesAsync(OverviewParts parts, IQueryable<ScopeFact> days, bool anyDays, IQueryable<ScopeFact> months,
        bool anyMonths, CancellationToken ct)
    {
        foreach (var q in new[] { anyDays ? days : null, anyMonths ? months : null })
        {
            if (q is null) continue;
            var rows = await q.GroupBy(f => new { f.Dim, f.KeyId }).Select(g => new { g.Key.Dim, g.Key.KeyId, Count = g.Sum(f => f.Received) }).ToListAsync(ct);
            foreach (var x in rows)
            {
                long? key = x.KeyId == 0 ? null : x.KeyId;
                if (x.Dim.StartsWith("cat", StringComparison.Ordinal)) parts.ByCategory.Add((key, x.Count));
                else parts.ByRegion.Add((key, x.Count));
            }
        }
    }

    private static async Task AddStoredUnitsAsync(OverviewParts parts, IQueryable<ScopeFact> rows, CancellationToken ct)
    {
        var byLead = await rows.GroupBy(f => f.KeyId).Select(g => new
        {
            g.Key,
            Sums = new Sums(g.Sum(f => f.Received), g.Sum(f => f.Closed), g.Sum(f => f.OnTimeClosed), g.Sum(f => f.SignForDecided),
                g.Sum(f => f.SignedOnTime), g.Sum(f => f.ResolvedRecorded), g.Sum(f => f.ResolvedYes), g.Sum(f => f.Reached), g.Sum(f => f.Satisfied)),
        }).ToListAsync(ct);
        parts.ByLead.AddRange(byLead.Select(x => (x.Key, x.Sums.Tally)));
    }

    /// <summary>Live: the three groupings of the overview over the fine rows, as in StatisticsService.</summary>
    private static async Task AddLiveOverviewAsync(OverviewParts parts, IQueryable<DailyFact> q, CancellationToken ct)
    {
        var byDay = await q.GroupBy(f => new { f.Day, f.Channel, f.Type }).Select(g => new
        {
            g.Key.Day, g.Key.Channel, g.Key.Type,
            Sums = new Sums(g.Sum(f => f.Received), g.Sum(f => f.Closed), g.Sum(f => f.OnTimeClosed), g.Sum(f => f.SignForDecided),
                g.Sum(f => f.SignedOnTime), g.Sum(f => f.ResolvedRecorded), g.Sum(f => f.ResolvedYes), g.Sum(f => f.Reached), g.Sum(f => f.Satisfied)),
        }).ToListAsync(ct);
        parts.ByChannelType.AddRange(byDay.Select(x => (x.Channel, x.Type, x.Sums.Tally)));
        parts.ByDay.AddRange(byDay.Select(x => (x.Day, x.Channel, x.Sums.Received, x.Sums.Closed)));
        var byPlace = await q.GroupBy(f => new { f.CategoryId, f.RegionUnitId })
            .Select(g => new { g.Key.CategoryId, g.Key.RegionUnitId, Count = g.Sum(f => f.Received) }).ToListAsync(ct);
        parts.ByCategory.AddRange(byPlace.Select(x => (x.CategoryId, x.Count)));
        parts.ByRegion.AddRange(byPlace.Select(x => (x.RegionUnitId, x.Count)));
    }

    private static async Task AddLiveUnitsAsync(OverviewParts parts, IQueryable<DailyFact> q, CancellationToken ct)
    {
        var byLead = await q.Where(f => f.LeadUnitId != null).GroupBy(f => f.LeadUnitId!.Value).Select(g => new
        {
            g.Key,
            Sums = new Sums(g.Sum(f => f.Received), g.Sum(f => f.Closed), g.Sum(f => f.OnTimeClosed), g.Sum(f => f.SignForDecided),
                g.Sum(f => f.SignedOnTime), g.Sum(f => f.ResolvedRecorded), g.Sum(f => f.ResolvedYes), g.Sum(f => f.Reached), g.Sum(f => f.Satisfied)),
        }).ToListAsync(ct);
        parts.ByLead.AddRange(byLead.Select(x => (x.Key, x.Sums.Tally)));
    }
}
