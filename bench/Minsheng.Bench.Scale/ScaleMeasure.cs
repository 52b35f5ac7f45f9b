using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Calendar;
using Minsheng.Features.Analysis.Bulletins;
using Minsheng.Features.Analysis.HotTopics;
using Minsheng.Features.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Features.Monitor;
using Minsheng.Features.Statistics;
using Minsheng.Features.Triage;
using Minsheng.Infrastructure;
using Minsheng.Pages.Unit;
using Npgsql;

namespace Minsheng.Bench.Scale;

/// <summary>
/// Times the product's own services, called through DI as the signed-in role that uses them, beside a plain SQL
/// query that computes the same answer on the same tables; prints p50/p95 of each, the ratio of the p95s, whether
/// the two answers agree and the issue's target.
/// </summary>
public static class ScaleMeasure
{
    private sealed record Case(string Name, string Role, double TargetMs, int Runs, Func<IServiceProvider, Task<string>> Product, Func<PlainSql, Task<string>> Reference);

    public static async Task RunAsync(IServiceProvider services, DatabaseTarget target, string engine, ScaleClock clock, int runs, string? only, TextWriter log, CancellationToken ct)
    {
        bool Wanted(string name) => only is null || only.Split(',').Any(o => name.Contains(o, StringComparison.OrdinalIgnoreCase));
        var staff = new Staff(services);
        var now = clock.Now;
        await using var sql = new PlainSql(target.IsSqlite ? new SqliteConnection(target.ConnectionString) : new NpgsqlConnection(target.ConnectionString), target.IsSqlite);
        var appeals = await sql.ScalarAsync("select count(*) from appeals");
        var tree = services.GetRequiredService<UnitTree>();
        long UnitOf(string username) => staff.AsAsync(username, sp => Task.FromResult(sp.GetRequiredService<CurrentUser>().UnitId)).GetAwaiter().GetResult();
        var county = UnitOf("dispatcher");
        var countyIds = string.Join(",", tree.Subtree(county));
        var handlerUnit = UnitOf("handler");
        var handlerIds = string.Join(",", tree.Subtree(handlerUnit));
        // A county desk's scope, as AppealScope writes it, in plain SQL.
        var countyScope = $"(jurisdiction_id in ({countyIds}) or region_unit_id in ({countyIds}) or lead_unit_id in ({countyIds}))";
        var cases = new List<Case>();

        foreach (var days in new[] { 30, 365 })
        {
            var period = StatisticsPeriod.Last(days, now);
            cases.Add(new Case($"dashboard overview {days}d", "city-leader", 200, runs,
                sp => sp.GetRequiredService<StatisticsService>().OverviewAsync(period, ct).ContinueWith(t => $"{t.Result.Kpis.Received}/{t.Result.Kpis.Closed}"),
                async s => string.Join("/", (await s.RowsAsync(
                    "select count(*), sum(case when status = 'Closed' then 1 else 0 end) from appeals where created_at >= @s and created_at < @e",
                    ("s", s.Time(period.Start)), ("e", s.Time(period.End))))[0].Select(Convert.ToInt64))));
        }
        {
            var period = StatisticsPeriod.Last(30, now);
            cases.Add(new Case("unit table 30d", "city-leader", 200, runs,
                sp => sp.GetRequiredService<StatisticsService>().UnitsAsync(period, null, null, ct).ContinueWith(t => $"{t.Result.Units.Sum(u => u.Received)}"),
                async s => $"{await s.ScalarAsync("select count(*) from appeals where lead_unit_id is not null and created_at >= @s and created_at < @e", ("s", s.Time(period.Start)), ("e", s.Time(period.End)))}"));
        }
        // HOOK(scoring): add the month's ranking here at merge, e.g.
        // cases.Add(new Case("ranking month", "city-supervisor", 200, runs, sp => <the ranking use case>.DraftAsync(month, ct)..., s => <plain SQL>));
        if (Wanted("metrics table") || Wanted("ranking") || Wanted("unit sheet"))
            foreach (var c in await ScaleRanking.CasesAsync(staff, sql, tree, county, now, runs, Wanted, log, ct))
                cases.Add(new Case(c.Name, c.Role, c.TargetMs, c.Runs, c.Product, c.Reference));

        AddList(cases, "appeal list, no filter", runs, countyScope, new AppealFilter(null, null, null, null, null, null, null, null, null, null, null), "true", ct);
        AddList(cases, "appeal list, status+channel", runs, countyScope,
            new AppealFilter("InProgress", null, null, "Hotline12345", null, null, null, null, null, null, null), "status = 'InProgress' and channel = 'Hotline12345'", ct);
        AddList(cases, "appeal list, unit filter p5", runs, countyScope,
            new AppealFilter(null, handlerUnit, null, null, null, null, null, null, null, 5, null),
            // The same shape the product asks (UnitFilter): the ids led by the unit and those it co-handles, by index.
            $"id in (select id from appeals where lead_unit_id = {handlerUnit} union all select appeal_id from appeal_co_units where unit_id = {handlerUnit})", ct);
        foreach (var q in new[] { "噪音", "物业", "路灯不亮" })
        {
            var filter = new AppealFilter(null, null, null, null, null, null, null, null, q, null, null);
            var where = $"(number = '{q}' or title like '%{q}%' or content like '%{q}%')";
            AddList(cases, $"search \"{q}\"", runs, countyScope, filter, where, ct);
            // The same search by a city role, whose scope is every appeal.
            AddList(cases, $"search \"{q}\" city", runs, "true", filter, where, ct, "city-leader");
        }
        foreach (var q in new[] { "噪音", "路灯不亮" })
            // A county analyst looking for appeals to quote in 《民意参考》: the newest 50 matches (Bulletins.CandidatesAsync).
            cases.Add(new Case($"bulletin candidates \"{q}\"", "analyst", 100, runs,
                sp => sp.GetRequiredService<Bulletins>().CandidatesAsync(q, ct).ContinueWith(t => $"{t.Result.Count}:{string.Join(",", t.Result.Take(3).Select(c => c.Id))}"),
                async s =>
                {
                    var rows = await s.RowsAsync($"select id from appeals where {countyScope} and (number = '{q}' or title like '%{q}%' or content like '%{q}%') order by created_at desc limit 50");
                    return $"{rows.Count}:{string.Join(",", rows.Take(3).Select(r => Convert.ToInt64(r[0])))}";
                }));
        AddList(cases, "search \"噪音\" page 3", runs, countyScope,
            new AppealFilter(null, null, null, null, null, null, null, null, "噪音", 3, null), "(title like '%噪音%' or content like '%噪音%')", ct);

        {
            // The unit's ledger for the last full month, exported to Excel as /unit/ledger?handler=Export does.
            var today = ChinaTime.DateOf(now);
            var from = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            var to = from.AddMonths(1).AddDays(-1);
            var (start, end) = (ChinaTime.At(from, TimeOnly.MinValue), ChinaTime.EndOfDay(to));
            cases.Add(new Case($"unit ledger export {from:yyyy-MM}", "handler", 100, runs, async sp =>
                {
                    var scope = sp.GetRequiredService<AppealScope>();
                    var presenter = sp.GetRequiredService<AppealPresenter>();
                    var query = sp.GetRequiredService<UnitQueues>().Led(scope.Visible()).Where(a => a.DispatchedAt >= start && a.DispatchedAt <= end);
                    var rows = await query.OrderBy(a => a.DispatchedAt).ThenBy(a => a.Id).Take(50_000).AsNoTracking().ToListAsync(ct);
                    var summaries = await presenter.SummariesAsync(rows, ct);
                    using var file = new MemoryStream();
                    Infrastructure.Export.XlsxWriter.Write(file, "办理台账", LedgerSheet.Headers, LedgerSheet.Rows(rows, summaries, now));
                    return $"{rows.Count}";
                },
                // The same rows read whole, as the export reads them (a count alone would not read the rows it sends).
                async s => $"{(await s.RowsAsync($"select * from appeals where lead_unit_id in ({handlerIds}) and dispatched_at >= @s and dispatched_at <= @e order by dispatched_at, id", ("s", s.Time(start)), ("e", s.Time(end)))).Count}"));
        }

        {
            // Near-duplicates at intake: the text of an appeal registered this week, typed again by the county's operator.
            var probe = (await sql.RowsAsync($"select id, title, content from appeals where {countyScope} and status = 'InProgress' order by created_at desc limit 1"))[0];
            var (probeId, title, content) = (Convert.ToInt64(probe[0]), (string)probe[1]!, (string)probe[2]!);
            var since = now.AddDays(-TriageSuggestions.DuplicateDays);
            cases.Add(new Case("duplicate candidates at intake", "operator", 20, runs,
                sp => sp.GetRequiredService<TriageSuggestions>().SuggestAsync(new SuggestionInput(title, content, null, null, null, null, null), ct)
                    .ContinueWith(t => t.Result.Duplicates.FirstOrDefault()?.Id.ToString() ?? "none"),
                async s =>
                {
                    // The same candidate rows fetched by hand; the expected best match is the probe itself.
                    var rows = await s.RowsAsync($"select id, title, content from appeals where {countyScope} and (status in ({string.Join(",", AppealStatuses.Open.Select(x => $"'{x}'"))}) " +
                                                 "or (status = 'Closed' and created_at >= @s)) order by created_at desc limit 3000", ("s", s.Time(since)));
                    return rows.Any(r => Convert.ToInt64(r[0]) == probeId) ? probeId.ToString() : "none";
                }));
        }

        log.WriteLine($"measure engine={engine} appeals={appeals} now={now:O}");
        if (Environment.GetEnvironmentVariable("SCALE_SHOW_SQL") == "1")
            log.WriteLine(await staff.AsAsync("dispatcher", sp => Task.FromResult(new AppealFilter(null, null, null, null, null, null, null, null, "路灯不亮", null, null)
                .Apply(sp.GetRequiredService<AppealScope>().Visible(), sp.GetRequiredService<MinshengDb>()).OrderByDescending(a => a.CreatedAt).Take(20).ToQueryString())));
        log.WriteLine($"{"case",-34} {"role",-12} {"p50",8} {"p95",8} {"ref p50",8} {"ref p95",8} {"p95/ref",8} {"agree",6} {"target",7} {"ok",3} runs");
        foreach (var c in cases.Where(c => Wanted(c.Name))) await Report(c, staff, sql, log);

        if (Wanted("hot topics")) await HotTopicsAsync(services, staff, sql, tree, county, now, log, ct);
        if (Wanted("monitor")) await MonitorAsync(services, sql, clock, runs, log, ct);
    }

    private static void AddList(List<Case> cases, string name, int runs, string countyScope, AppealFilter filter, string where, CancellationToken ct, string role = "dispatcher")
    {
        var (page, size) = filter.Validate();
        var cap = filter.SearchesText ? AppealCount.SearchCap : AppealCount.Cap;
        cases.Add(new Case(name, role, 100, runs, async sp =>
            {
                // As GET /api/appeals does: the bounded count, one page newest first (AppealFilter), summaries.
                var (visible, db) = (sp.GetRequiredService<AppealScope>().Visible(), sp.GetRequiredService<MinshengDb>());
                var (total, _) = await filter.BoundedCountAsync(visible, db, ct);
                var items = await filter.NewestPageAsync(visible, db, page, size, ct);
                var summaries = await sp.GetRequiredService<AppealPresenter>().SummariesAsync(items, ct);
                return $"{total}:{string.Join(",", summaries.Take(3).Select(x => x.Id))}";
            },
            async s =>
            {
                var total = await s.ScalarAsync($"select count(*) from (select 1 from appeals where {countyScope} and {where} limit {cap + 1}) x");
                total = Math.Min(total, cap);
                var ids = await s.RowsAsync($"select id from appeals where {countyScope} and {where} order by created_at desc, id desc limit 3 offset {(page - 1) * size}");
                return $"{total}:{string.Join(",", ids.Select(r => Convert.ToInt64(r[0])))}";
            }));
    }

    private static async Task Report(Case c, Staff staff, PlainSql sql, TextWriter log)
    {
        var product = await Timed.MeasureAsync(3, c.Runs, () => staff.AsAsync(c.Role, c.Product));
        var reference = await Timed.MeasureAsync(2, Math.Min(c.Runs, 10), () => c.Reference(sql));
        Line(log, c.Name, c.Role, product, reference, c.TargetMs);
    }

    private static void Line(TextWriter log, string name, string role, Timed product, Timed? reference, double target)
    {
        var agree = reference is null ? "-" : product.Answer == reference.Answer ? "yes" : "NO";
        log.WriteLine($"{name,-34} {role,-12} {product.P50,8:F1} {product.P95,8:F1} {reference?.P50,8:F1} {reference?.P95,8:F1} " +
                      $"{(reference is null ? "" : (product.P95 / Math.Max(0.05, reference.P95)).ToString("F1")),8} {agree,6} {target,7:F0} {(product.P95 < target ? "yes" : "NO"),3} {product.Runs}" +
                      (agree == "NO" ? $"  product={product.Answer} reference={reference!.Answer}" : ""));
    }

    private static async Task HotTopicsAsync(IServiceProvider services, Staff staff, PlainSql sql, UnitTree tree, long county, DateTimeOffset now, TextWriter log, CancellationToken ct)
    {
        var city = tree.DefaultJurisdiction()!.Id;
        foreach (var (jurisdiction, days) in new[] { (county, 7), (county, 30), (county, 90), (city, 30), (city, 90) })
        {
            var runsHere = days >= 90 || jurisdiction == city ? 1 : 3;
            var product = await Timed.MeasureAsync(0, runsHere, async () =>
            {
                using var scope = services.CreateScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(AuditLog.SystemActor);
                var run = await scope.ServiceProvider.GetRequiredService<AuditedCommit>()
                    .RunAsync(notes => scope.ServiceProvider.GetRequiredService<HotTopicComputer>().RecomputeAsync(jurisdiction, days, notes, ct), ct);
                return $"{run.Documents}";
            });
            var ids = string.Join(",", tree.Subtree(jurisdiction));
            var period = TopicPeriod.Ending(now, days);
            var reference = await Timed.MeasureAsync(0, 1, async () => $"{await sql.ScalarAsync(
                $"select count(*) from appeals where (jurisdiction_id in ({ids}) or region_unit_id in ({ids}) or lead_unit_id in ({ids})) " +
                "and status not in ('Merged', 'Invalid') and created_at >= @s and created_at < @e", ("s", sql.Time(period.Start)), ("e", sql.Time(period.LoadUntil)))}");
            Line(log, $"hot topics {tree.NameOf(jurisdiction)} {days}d (docs {product.Answer})", "system", product, reference, days == 7 ? 10_000 : 60_000);
        }
        {
            // The background pass right after: nothing changed, so every jurisdiction x period should be skipped.
            var pass = await Timed.MeasureAsync(0, 3, async () =>
            {
                using var scope = services.CreateScope();
                var r = await scope.ServiceProvider.GetRequiredService<HotTopicRefresh>().RunAsync(ct);
                return $"{r.Recomputed}/{r.Skipped}";
            });
            Line(log, $"hot topic pass, unchanged ({pass.Answer} recomputed/skipped)", "system", pass, null, 2000);
        }
    }

    private static async Task MonitorAsync(IServiceProvider services, PlainSql sql, ScaleClock clock, int runs, TextWriter log, CancellationToken ct)
    {
        async Task<string> Pass()
        {
            using var scope = services.CreateScope();
            var r = await scope.ServiceProvider.GetRequiredService<MonitorPass>().RunAsync(ct);
            return $"{r.AppealsChecked}";
        }
        var first = await Timed.MeasureAsync(0, 1, Pass);
        Line(log, $"monitor first pass (checked {first.Answer})", "system", first, null, double.PositiveInfinity);
        // Steady state: the service's interval later, again and again (the clock moves a minute per pass).
        var steady = await Timed.MeasureAsync(1, Math.Min(runs, 10), async () =>
        {
            clock.Now = clock.Now.AddMinutes(1);
            return await Pass();
        });
        var reference = await Timed.MeasureAsync(1, 5, async () =>
            $"{await sql.ScalarAsync("select count(*) from appeals where next_check_at is not null and next_check_at <= @n", ("n", sql.Time(clock.Now)))}");
        Line(log, $"monitor steady pass (checked {steady.Answer})", "system", steady, reference, 2000);
    }
}
