using Minsheng.Domain.Assessment;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Priorities;
using Minsheng.Features.Assessment;
using Minsheng.Features.Statistics;
using Minsheng.Features.Statistics.Metrics;
using Minsheng.Infrastructure;

namespace Minsheng.Bench.Scale;

/// <summary>
/// The assessment's cases: the metrics table (/dashboard/metrics) as a city leader and a county analyst, the month's
/// ranking and a unit's own sheet as their readers open them (stored rows), and drafting a month (the monthly job,
/// or the office's draft/recompute/ruling), timed on its own because it is a background computation. Each beside
/// plain SQL counting the same two rates per unit (按时办结率 and 满意率, with their n).
/// </summary>
public static class ScaleRanking
{
    public sealed record RankingCase(string Name, string Role, double TargetMs, int Runs, Func<IServiceProvider, Task<string>> Product, Func<PlainSql, Task<string>> Reference);

    /// <summary>What drafting may take: it runs hourly as an idempotent job, or behind the office's button with a progress page.</summary>
    public const double DraftTargetMs = 60_000;

    public static async Task<IReadOnlyList<RankingCase>> CasesAsync(Staff staff, PlainSql sql, UnitTree tree, long county, DateTimeOffset now, int runs,
        Func<string, bool> wanted, TextWriter log, CancellationToken ct)
    {
        var city = tree.DefaultJurisdiction()!.Id;
        var cases = new List<RankingCase>();
        foreach (var (role, j) in new[] { ("city-leader", city), ("analyst", county) })
        {
            var period = StatisticsPeriod.Last(30, now);
            var ids = tree.Subtree(j).ToArray();
            cases.Add(new RankingCase($"metrics table 30d {tree.NameOf(j)}", role, 200, runs,
                async sp =>
                {
                    var report = await sp.GetRequiredService<MetricsTable>().ReportAsync(period, null, null, null, null, ct);
                    return Answer(report.Rows.Select(r => (r.Cells[Measure.OnTimeClose].Hits, r.Cells[Measure.OnTimeClose].N,
                        r.Cells[Measure.Satisfaction].Hits, r.Cells[Measure.Satisfaction].N)));
                },
                s => ReferenceAsync(s, ids, period.Start, period.End, now)));
        }

        // Last full month: what the monthly job drafts on the 1st. The month before it is what the readers open here:
        // the bench database's demo seed already published last month from the demo's own appeals (before the load),
        // so its stored rows do not describe the loaded data; the month before is drafted from the loaded data below.
        var last = PriorityMonth.Of(ChinaTime.DateOf(now)).AddMonths(-1);
        var shown = last.AddMonths(-1).ToString();
        var assessed = new Dictionary<long, long[]>();
        foreach (var j in new[] { county, city })
            assessed[j] = await staff.AsAsync("supervisor", sp => Task.FromResult(sp.GetRequiredService<AssessmentSource>().AssessedUnits(j).Select(u => u.Id).ToArray()));

        if (wanted("ranking draft"))
            foreach (var (role, j) in new[] { ("supervisor", county), ("city-supervisor", city) })
            {
                // Drafting computes every assessed unit's rates and the items behind each costing rate; timed without the writes.
                var (from, to) = AssessmentSource.Dates(last.ToString());
                var draft = await Timed.MeasureAsync(0, Math.Min(runs, 3), () => staff.AsAsync(role, async sp =>
                {
                    var scheme = await sp.GetRequiredService<AssessmentDesk>().SchemeAsync(j, ct);
                    var scores = await sp.GetRequiredService<AssessmentSource>().ScoreAsync(j, last.ToString(), scheme, null, ct);
                    return Answer(scores.Select(u => Rates(u.Rates.Select(r => (r.Metric, r.Measured.Numerator, r.Measured.Denominator)))));
                }));
                var reference = await Timed.MeasureAsync(1, 3, () => ReferenceAsync(sql, assessed[j], Start(from), Start(to.AddDays(1)), now));
                Line(log, $"ranking draft {last} {tree.NameOf(j)}", role, draft, reference, DraftTargetMs);
            }

        if (!wanted("ranking month") && !wanted("unit sheet")) return cases;
        foreach (var (office, j) in new[] { ("supervisor", county), ("city-supervisor", city) })
        {
            // The board readers open: drafted and opened once (the monthly job's two steps), then read from the stored rows.
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var state = await staff.AsAsync(office, async sp =>
            {
                var desk = sp.GetRequiredService<AssessmentDesk>();
                var found = await desk.FindAsync(j, shown, ct);
                if (found is null) await desk.CycleAsync(new CycleRequest(shown, "draft", j), ct);
                if (found is null || found.Status == PeriodStatus.Draft) return (await desk.CycleAsync(new CycleRequest(shown, "open", j), ct)).StatusLabel + " (drafted now)";
                return found.Status.ToString();
            });
            log.WriteLine($"ranking setup {shown} {tree.NameOf(j)}: {state} in {watch.Elapsed.TotalMilliseconds:F0} ms");
        }
        var (sFrom, sTo) = AssessmentSource.Dates(shown);
        var (sStart, sEnd) = (Start(sFrom), Start(sTo.AddDays(1)));
        foreach (var (role, j) in new[] { ("leader", county), ("city-leader", city) })
            cases.Add(new RankingCase($"ranking month {shown} {tree.NameOf(j)}", role, 200, runs,
                async sp =>
                {
                    var view = await sp.GetRequiredService<AssessmentDesk>().RankingAsync(j, shown, ct) ?? throw new InvalidOperationException("no ranking");
                    return Answer(view.Groups.SelectMany(g => g.Units).Select(u => Rates(u.Rates.Select(r => (r.Metric, r.MeasuredNumerator, r.MeasuredDenominator)))));
                },
                s => ReferenceAsync(s, assessed[j], sStart, sEnd, now)));

        var headUnit = await staff.AsAsync("head", sp => Task.FromResult(sp.GetRequiredService<CurrentUser>().UnitId));
        cases.Add(new RankingCase($"unit sheet {shown}", "head", 200, runs,
            async sp =>
            {
                var sheet = await sp.GetRequiredService<ScoreAppeals>().SheetAsync(shown, null, null, ct) ?? throw new InvalidOperationException("no sheet");
                return Answer([Rates(sheet.Score!.Rates.Select(r => (r.Metric, r.MeasuredNumerator, r.MeasuredDenominator)))]);
            },
            s => ReferenceAsync(s, [headUnit], sStart, sEnd, now)));
        return cases;
    }

    private static DateTimeOffset Start(DateOnly day) => ChinaTime.At(day, TimeOnly.MinValue);

    private static (int CloseHits, int CloseN, int SatisfiedHits, int SatisfiedN) Rates(IEnumerable<(Metric Metric, int Numerator, int Denominator)> rates)
    {
        var list = rates.ToList();
        var close = list.FirstOrDefault(r => r.Metric == Metric.OnTimeClose);
        var sat = list.FirstOrDefault(r => r.Metric == Metric.Satisfaction);
        return (close.Numerator, close.Denominator, sat.Numerator, sat.Denominator);
    }

    private static string Answer(IEnumerable<(int CloseHits, int CloseN, int SatisfiedHits, int SatisfiedN)> perUnit)
    {
        var l = perUnit.ToList();
        return $"close {l.Sum(x => x.CloseHits)}/{l.Sum(x => x.CloseN)} satisfied {l.Sum(x => x.SatisfiedHits)}/{l.Sum(x => x.SatisfiedN)}";
    }

    /// <summary>
    /// 按时办结率 and 满意率 per unit, as their definitions read (MetricQueries): the close decided at the approved reply
    /// (or closing) when on time, else at the resolve deadline once passed; the reached callback after the reply, at
    /// the callback, unless marked not the unit's fault. Merged and invalid appeals count for nobody.
    /// </summary>
    private static async Task<string> ReferenceAsync(PlainSql s, long[] unitIds, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        var units = string.Join(",", unitIds);
        var args = new (string, object?)[] { ("s", s.Time(start)), ("e", s.Time(end)), ("n", s.Time(now)) };
        var close = await s.RowsAsync(
            "select u, count(*), sum(hit) from (" +
            "  select lead_unit_id u, case when coalesce(replied_at, closed_at) <= resolve_due then 1 else 0 end hit," +
            "         case when coalesce(replied_at, closed_at) <= resolve_due then coalesce(replied_at, closed_at) else resolve_due end decided" +
            $"  from appeals where lead_unit_id in ({units}) and status not in ('Merged', 'Invalid') and resolve_due is not null) x " +
            "where (hit = 1 or decided < @n) and decided >= @s and decided < @e group by u", args);
        var satisfied = await s.RowsAsync(
            "select a.lead_unit_id, count(*), sum(case when a.callback_outcome in ('Satisfied', 'BasicallySatisfied') then 1 else 0 end) " +
            "from timeline_entries t join appeals a on a.id = t.appeal_id " +
            "where t.action in ('CallbackSatisfied', 'CallbackUnsatisfied') and t.at >= @s and t.at < @e " +
            $"and a.lead_unit_id in ({units}) and a.status not in ('Merged', 'Invalid') and a.replied_at is not null and t.at >= a.replied_at " +
            "and a.callback_outcome in ('Satisfied', 'BasicallySatisfied', 'Unsatisfied') and (a.unit_at_fault is null or a.unit_at_fault = true) " +
            "group by a.lead_unit_id", args);
        long Sum(List<object?[]> rows, int i) => rows.Sum(r => Convert.ToInt64(r[i] ?? 0L));
        return $"close {Sum(close, 2)}/{Sum(close, 1)} satisfied {Sum(satisfied, 2)}/{Sum(satisfied, 1)}";
    }

    /// <summary>The same columns as the bench's other lines, for the drafts timed here rather than through the case list.</summary>
    private static void Line(TextWriter log, string name, string role, Timed product, Timed reference, double target)
    {
        var agree = product.Answer == reference.Answer ? "yes" : "NO";
        log.WriteLine($"{name,-34} {role,-12} {product.P50,8:F1} {product.P95,8:F1} {reference.P50,8:F1} {reference.P95,8:F1} " +
                      $"{product.P95 / Math.Max(0.05, reference.P95),8:F1} {agree,6} {target,7:F0} {(product.P95 < target ? "yes" : "NO"),3} {product.Runs}" +
                      (agree == "NO" ? $"  product={product.Answer} reference={reference.Answer}" : ""));
    }
}
