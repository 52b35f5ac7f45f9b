using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Features.Statistics.Facts;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Statistics;

/// <summary>
/// Volumes, trends and the "三率" for the caller's jurisdiction, computed in the database with GROUP BY so
/// that no appeal is loaded into memory (only one row per group comes back).
///
/// Definitions (口径), shown to users on the dashboard as well:
/// - The subject of every count is the appeals registered (受理) in the period, in the caller's jurisdiction
///   (AppealScope), in the state they are in now. A unit's appeals are those whose current lead unit (主办) it is.
/// - 受理量: appeals registered in the period. 办结量: of those, the ones now closed (办结).
/// - 按时办结: closed, and either answered without a deadline (直接办结) or resolved — the reply approved, or
///   closed without one — by the resolve deadline (办结时限). 按时办结率 = 按时办结 / 办结量.
/// - 响应率 (response): dispatched appeals claimed (签收) by their sign-for deadline, over dispatched appeals whose
///   sign-for is decided — claimed, or still unclaimed with the deadline passed. Appeals still inside their
///   sign-for time are not counted either way. A redo starts a new round; the current round counts.
/// - 解决率 (resolution): callbacks that recorded the problem as resolved (Resolved = true), over callbacks that
///   recorded whether it was (Resolved not null). Only the latest reached callback of each appeal counts: a redo
///   clears the earlier one.
/// - 满意率 (satisfaction): reached callbacks whose outcome is 满意 or 基本满意, over reached callbacks
///   (满意, 基本满意, 不满意; 未接通 is not reached). Latest reached callback per appeal, as above.
/// - 当前超期 (overdue now): open appeals held by a unit with a stage clock running past its deadline at this moment
///   (<see cref="Overdue"/>), whenever they were registered: overdue is a state of now, not of the period. Appeals
///   waiting on the desk (待回访, 复核中, 待派单) are the desk's: 受理端超期 (Overdue.AtDesk), shown apart.
/// </summary>
public sealed class StatisticsService(MinshengDb db, AppealScope scope, UnitTree units, TimeProvider clock)
{
    /// <summary>
    /// The period's appeals in the caller's scope. For a period covering most of the data SQLite is told to
    /// scan the table: without statistics its planner walks the created_at index and fetches every row by
    /// id, which over a large share of the table is about four times slower than reading it straight through.
    /// </summary>
    private async Task<(IQueryable<Appeal> Cohort, bool Scan)> CohortAsync(StatisticsPeriod p, DateTimeOffset now, CancellationToken ct)
    {
        var scan = db.IsSqlite && await CoversMostAsync(p, now, ct);
        var source = scan ? db.Appeals.FromSqlRaw("select * from appeals not indexed") : db.Appeals;
        var (start, end) = (p.Start, p.End);
        return (scope.Within(source).AsNoTracking().Where(a => a.CreatedAt >= start && a.CreatedAt < end), scan);
    }

    /// <summary>Whether the period spans at least a quarter of the time since the first appeal (one index probe).</summary>
    private async Task<bool> CoversMostAsync(StatisticsPeriod p, DateTimeOffset now, CancellationToken ct)
    {
        var first = await db.Appeals.OrderBy(a => a.CreatedAt).Select(a => (DateTimeOffset?)a.CreatedAt).FirstOrDefaultAsync(ct);
        if (first is not { } oldest || oldest >= now) return false;
        var covered = (p.End < now ? p.End : now) - (p.Start > oldest ? p.Start : oldest);
        return covered.Ticks * 4 >= (now - oldest).Ticks;
    }

    /// <summary>
    /// The overview, read from the stored facts (Facts/) for the days they hold and live for the rest (today, days changed
    /// since their last rebuild). Scopes the facts do not hold (unit staff, who also see co-unit appeals; users of a unit
    /// finer than a township or department) and trees changed since the rebuild are served live.
    /// </summary>
    public Task<StatisticsOverview> OverviewAsync(StatisticsPeriod period, CancellationToken ct) => OnOneConnection(() => FactsOverviewAsync(period, ct), ct);

    /// <summary>
    /// Runs the half-dozen small queries of a figure on one open connection: on SQLite every open runs the connection's
    /// pragmas again, which cost more than the queries over the facts themselves.
    /// </summary>
    private async Task<T> OnOneConnection<T>(Func<Task<T>> work, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try { return await work(); }
        finally { await db.Database.CloseConnectionAsync(); }
    }

    private async Task<StatisticsOverview> FactsOverviewAsync(StatisticsPeriod period, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (kind, subtree) = scope.Rule();
        var scopes = await FactScopes.LoadAsync(db, units, ct);
        var parts = await new FactsReader(db).ReadAsync(period, kind, subtree, scopes, FactsWanted.Overview, now, ct);
        if (parts is null) return await LiveOverviewAsync(period, ct);
        var overdue = await OpenAppeals().Where(Overdue.At(now)).CountAsync(ct);
        var byChannelType = parts.ByChannelType.GroupBy(x => (x.Channel, x.Type))
            .Select(g => (g.Key.Channel, g.Key.Type, Tally: g.Aggregate(Tally.Zero, (sum, x) => sum.Add(x.Tally)))).ToList();
        var epoch = new DateOnly(1970, 1, 1).DayNumber;
        var trend = BuildTrend(period, parts.ByDay.Select(x => (DateOnly.FromDayNumber(epoch + x.Day), x.Channel, x.Received, x.Closed)));
        return Fold(period, now, byChannelType, parts.ByCategory, parts.ByRegion, trend, overdue, scopes.CategoryRoots);
    }

    /// <summary>
    /// The caller's open appeals. SQLite is told to read them by status: grouped by lead unit, its planner otherwise walks a
    /// lead-unit index over every appeal ever registered to skip a sort of a few hundred rows (measured 572 ms at 100,000).
    /// </summary>
    private IQueryable<Appeal> OpenAppeals() =>
        db.IsSqlite ? scope.Within(db.Appeals.FromSqlRaw("select * from appeals indexed by ix_appeals_status")) : scope.Visible();

    /// <summary>
    /// The reference: the overview computed live over the period's appeals, as before the facts existed. The tests
    /// assert that <see cref="OverviewAsync"/> equals it and the bench times both; unit staff are served by it.
    /// </summary>
    public async Task<StatisticsOverview> LiveOverviewAsync(StatisticsPeriod period, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (cohort, scan) = await CohortAsync(period, now, ct);
        // Three passes over the period's appeals: (channel, type) with every count behind the rates,
        // (category, place) for the breakdowns, and (day, channel) for the trend.
        var byChannelType = await Tallies(cohort, a => new { a.Channel, a.Type }, now).ToListAsync(ct);
        var byPlace = await cohort.GroupBy(a => new { a.CategoryId, a.RegionUnitId })
            .Select(g => new { g.Key.CategoryId, g.Key.RegionUnitId, Count = g.Count() }).ToListAsync(ct);
        var trend = await TrendAsync(period, scan, ct);
        var overdue = await scope.Visible().Where(Overdue.At(now)).CountAsync(ct);
        var roots = await CategoryRoots.LoadAsync(db, ct);
        return Fold(period, now, byChannelType.Select(x => (x.Key.Channel, x.Key.Type, x.Tally)).ToList(),
            byPlace.Select(x => (x.CategoryId, x.Count)).ToList(), byPlace.Select(x => (x.RegionUnitId, x.Count)).ToList(), trend, overdue, roots);
    }

    private StatisticsOverview Fold(StatisticsPeriod period, DateTimeOffset now, IReadOnlyList<(Channel Channel, AppealType Type, Tally Tally)> byChannelType,
        IReadOnlyList<(long? CategoryId, int Count)> byCategory, IReadOnlyList<(long? RegionUnitId, int Count)> byRegion, Trend trend, int overdue,
        IReadOnlyDictionary<long, (long Id, string Name)> roots)
    {
        var total = byChannelType.Aggregate(Tally.Zero, (sum, x) => sum.Add(x.Tally));
        return new StatisticsOverview(period.From, period.To, now,
            new Kpis(total.Received, total.Closed, total.OnTimeClosed, total.OnTime, total.Response, total.Resolution, total.Satisfaction, overdue),
            trend,
            Slices(byChannelType.Select(x => (x.Channel.ToString(), Labels.Channel(x.Channel), x.Tally.Received))),
            Slices(byChannelType.Select(x => (x.Type.ToString(), Labels.Type(x.Type), x.Tally.Received))),
            Slices(byCategory.Select(x => x.CategoryId is { } id && roots.TryGetValue(id, out var root)
                ? (root.Id.ToString(), root.Name, x.Count) : ("", "未分类", x.Count))),
            Slices(byRegion.Select(x => FactScopes.TownshipOf(units, x.RegionUnitId) is { } t ? (t.Id.ToString(), t.Name, x.Count)
                : x.RegionUnitId is null ? ("", "未标注地点", x.Count) : ("county", "县直及其他", x.Count))));
    }

    /// <summary>
    /// Per lead unit: the period's counts and rates (stored facts where they serve, as the overview), and the unit's
    /// appeals overdue now.
    /// </summary>
    public Task<UnitsReport> UnitsAsync(StatisticsPeriod period, string? sort, string? dir, CancellationToken ct) =>
        OnOneConnection(() => UnitsAsync(period, sort, dir, facts: true, ct), ct);

    /// <summary>The unit table computed live over the period's appeals: the reference the tests compare <see cref="UnitsAsync(StatisticsPeriod, string?, string?, CancellationToken)"/> with.</summary>
    public Task<UnitsReport> LiveUnitsAsync(StatisticsPeriod period, string? sort, string? dir, CancellationToken ct) =>
        UnitsAsync(period, sort, dir, facts: false, ct);

    private async Task<UnitsReport> UnitsAsync(StatisticsPeriod period, string? sort, string? dir, bool facts, CancellationToken ct)
    {
        var (sortKey, descending) = UnitSort.Parse(sort, dir);
        var now = clock.GetUtcNow();
        var (kind, subtree) = scope.Rule();
        var parts = facts
            ? await new FactsReader(db).ReadAsync(period, kind, subtree, await FactScopes.LoadAsync(db, units, ct), FactsWanted.Units, now, ct)
            : null;
        Dictionary<long, Tally> tallies;
        if (parts is not null)
            tallies = parts.ByLead.GroupBy(x => x.LeadUnitId).ToDictionary(g => g.Key, g => g.Aggregate(Tally.Zero, (sum, x) => sum.Add(x.Tally)));
        else
        {
            var (cohort, _) = await CohortAsync(period, now, ct);
            tallies = (await Tallies(cohort.Where(a => a.LeadUnitId != null), a => a.LeadUnitId!.Value, now).ToListAsync(ct))
                .ToDictionary(x => x.Key, x => x.Tally);
        }
        var overdue = await OpenAppeals().Where(a => a.LeadUnitId != null).Where(Overdue.At(now))
            .GroupBy(a => a.LeadUnitId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var rows = tallies.Keys.Union(overdue.Keys).Select(id =>
        {
            var t = tallies.GetValueOrDefault(id) ?? Tally.Zero;
            return new UnitStatistics(id, units.NameOf(id), t.Received, t.Closed, t.OnTimeClosed, t.OnTime, t.Response, t.Resolution, t.Satisfaction,
                overdue.GetValueOrDefault(id));
        });
        var desk = await OpenAppeals().CountAsync(Overdue.AtDesk(now), ct);
        return new UnitsReport(period.From, period.To, now, sortKey, descending ? "desc" : "asc", UnitSort.Apply(rows, sortKey, descending), desk);
    }

    private sealed record Keyed<TKey>(TKey Key, Tally Tally);

    /// <summary>The counts behind every rate, per group, as one GROUP BY with conditional counts.</summary>
    private static IQueryable<Keyed<TKey>> Tallies<TKey>(IQueryable<Appeal> q, Expression<Func<Appeal, TKey>> key, DateTimeOffset now) =>
        q.GroupBy(key).Select(g => new Keyed<TKey>(g.Key, new Tally(
            g.Count(),
            g.Count(a => a.Status == AppealStatus.Closed),
            g.Count(a => a.Status == AppealStatus.Closed && (a.ResolveDue == null || (a.RepliedAt ?? a.ClosedAt) <= a.ResolveDue)),
            g.Count(a => a.SignForDue != null && (a.ClaimedAt != null || a.SignForDue < now)),
            g.Count(a => a.SignForDue != null && a.ClaimedAt != null && a.ClaimedAt <= a.SignForDue),
            g.Count(a => a.Resolved != null),
            g.Count(a => a.Resolved == true),
            g.Count(a => a.CallbackOutcome == CallbackOutcome.Satisfied || a.CallbackOutcome == CallbackOutcome.BasicallySatisfied
                         || a.CallbackOutcome == CallbackOutcome.Unsatisfied),
            g.Count(a => a.CallbackOutcome == CallbackOutcome.Satisfied || a.CallbackOutcome == CallbackOutcome.BasicallySatisfied))));

    // The day of a timestamp in China needs date arithmetic EF cannot express over the SQLite unix-ms column,
    // so the trend's row source is a small provider-specific SELECT that LINQ then filters and groups.
    // SQLite: created_at is unix milliseconds; adding the China offset gives China time, / 86,400,000 the day number.
    private static readonly long ChinaOffsetMs = (long)Domain.Calendar.ChinaTime.Offset.TotalMilliseconds;
    private static readonly string SqliteDays =
        $"select id as \"Id\", channel as \"Channel\", status as \"Status\", (created_at + {ChinaOffsetMs}) / 86400000 as \"Day\" " +
        "from appeals where created_at >= {0} and created_at < {1}";
    private static readonly string SqliteDaysScan =
        $"select id as \"Id\", channel as \"Channel\", status as \"Status\", (created_at + {ChinaOffsetMs}) / 86400000 as \"Day\" " +
        "from appeals not indexed where created_at >= {0} and created_at < {1}";
    private static readonly string PostgresDays =
        $"select id as \"Id\", channel as \"Channel\", status as \"Status\", floor((extract(epoch from created_at) + {ChinaOffsetMs / 1000}) / 86400)::bigint as \"Day\" " +
        "from appeals where created_at >= {0} and created_at < {1}";

    /// <summary>Registrations per China day and channel (and how many of them are closed), folded into days or weeks.</summary>
    private async Task<Trend> TrendAsync(StatisticsPeriod period, bool scan, CancellationToken ct)
    {
        IQueryable<DayRow> rows = !db.IsSqlite
            ? db.Database.SqlQueryRaw<DayRow>(PostgresDays, period.Start.ToUniversalTime(), period.End.ToUniversalTime())
            : scan
                ? db.Database.SqlQueryRaw<DayRow>(SqliteDaysScan, period.Start.ToUnixTimeMilliseconds(), period.End.ToUnixTimeMilliseconds())
                : db.Database.SqlQueryRaw<DayRow>(SqliteDays, period.Start.ToUnixTimeMilliseconds(), period.End.ToUnixTimeMilliseconds());
        if (!scope.SeesAll)
        {
            var visible = scope.Visible().Select(a => a.Id);
            rows = rows.Where(r => visible.Contains(r.Id));
        }
        var counts = await rows
            .GroupBy(r => new { r.Day, r.Channel })
            .Select(g => new { g.Key.Day, g.Key.Channel, Received = g.Count(), Closed = g.Count(r => r.Status == nameof(AppealStatus.Closed)) })
            .ToListAsync(ct);

        var epoch = new DateOnly(1970, 1, 1).DayNumber; // the SQL day numbers count from the unix epoch
        return BuildTrend(period, counts.Select(c => (DateOnly.FromDayNumber(epoch + (int)c.Day),
            Enum.TryParse<Channel>(c.Channel, out var channel) ? channel : Channel.Other, c.Received, c.Closed)));
    }

    /// <summary>Registrations (and closings) per China day and channel folded into the period's days or weeks.</summary>
    private static Trend BuildTrend(StatisticsPeriod period, IEnumerable<(DateOnly Day, Channel Channel, int Received, int Closed)> counts)
    {
        DateOnly BucketOf(DateOnly d) => period.Weekly ? d.AddDays(-(((int)d.DayOfWeek + 6) % 7)) : d;
        var buckets = new List<DateOnly>();
        for (var d = period.From; d <= period.To; d = d.AddDays(1))
            if (buckets.Count == 0 || buckets[^1] != BucketOf(d)) buckets.Add(BucketOf(d));
        var index = buckets.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i);
        var received = new int[buckets.Count];
        var closed = new int[buckets.Count];
        var channels = new Dictionary<Channel, int[]>();
        foreach (var c in counts)
        {
            if (!index.TryGetValue(BucketOf(c.Day), out var i)) continue; // cannot happen: the SELECT keeps the period
            received[i] += c.Received;
            closed[i] += c.Closed;
            if (!channels.TryGetValue(c.Channel, out var series)) channels[c.Channel] = series = new int[buckets.Count];
            series[i] += c.Received;
        }
        return new Trend(period.Weekly ? "week" : "day", buckets, received, closed,
            channels.OrderByDescending(c => c.Value.Sum()).ThenBy(c => c.Key).Select(c => new TrendSeries(c.Key.ToString(), Labels.Channel(c.Key), c.Value)).ToList());
    }

    private static List<Slice> Slices(IEnumerable<(string Key, string Label, int Count)> items) =>
        items.GroupBy(x => (x.Key, x.Label)).Select(g => new Slice(g.Key.Key, g.Key.Label, g.Sum(x => x.Count)))
            .Where(s => s.Count > 0).OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.Ordinal).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
}

/// <summary>One appeal's registration day in China as the trend query reads it (mapped by column alias).</summary>
public sealed class DayRow
{
    public long Id { get; set; }
    public string Channel { get; set; } = "";
    public string Status { get; set; } = "";
    public long Day { get; set; }
}

/// <summary>The unit table's sort orders, shared by the API, the Excel export and the dashboard's clickable headers.</summary>
public static class UnitSort
{
    public static readonly IReadOnlyDictionary<string, Func<UnitStatistics, double?>> Keys = new Dictionary<string, Func<UnitStatistics, double?>>
    {
        ["received"] = u => u.Received,
        ["closed"] = u => u.Closed,
        ["onTime"] = u => u.OnTime.Percent,
        ["response"] = u => u.Response.Percent,
        ["resolution"] = u => u.Resolution.Percent,
        ["satisfaction"] = u => u.Satisfaction.Percent,
        ["overdue"] = u => u.OverdueNow,
    };

    public const string Unit = "unit";

    public static (string Key, bool Descending) Parse(string? sort, string? dir)
    {
        var errors = new FieldErrors();
        var key = string.IsNullOrWhiteSpace(sort) ? "received" : Keys.Keys.Append(Unit).FirstOrDefault(k => string.Equals(k, sort.Trim(), StringComparison.OrdinalIgnoreCase));
        if (key is null) errors.Add("sort", $"排序字段无效：{sort}。可选值：{Unit}、{string.Join("、", Keys.Keys)}。");
        var direction = dir?.Trim().ToLowerInvariant();
        if (direction is not (null or "" or "asc" or "desc")) errors.Add("dir", "排序方向应为 asc 或 desc。");
        errors.ThrowIfAny();
        // Numbers read best largest first; names alphabetically.
        var descending = direction is null or "" ? key != Unit : direction == "desc";
        return (key!, descending);
    }

    /// <summary>Sorted by the key; units without a value for a rate go last either way, ties by name.</summary>
    public static IReadOnlyList<UnitStatistics> Apply(IEnumerable<UnitStatistics> source, string key, bool descending)
    {
        var rows = source.ToList();
        var byName = StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false);
        if (key == Unit)
            return (descending ? rows.OrderByDescending(r => r.UnitName, byName) : rows.OrderBy(r => r.UnitName, byName)).ToList();
        var value = Keys[key];
        var withValue = rows.Where(r => value(r) is not null);
        var ordered = descending ? withValue.OrderByDescending(value) : withValue.OrderBy(value);
        return ordered.ThenBy(r => r.UnitName, byName).Concat(rows.Where(r => value(r) is null).OrderBy(r => r.UnitName, byName)).ToList();
    }
}
