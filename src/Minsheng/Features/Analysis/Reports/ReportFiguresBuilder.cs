using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;
using Minsheng.Features.Public;
using Minsheng.Features.Statistics;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.Reports;

/// <summary>
/// Computes a report's figures for one jurisdiction and period: StatisticsService for this period and the one before
/// (so every rate keeps the dashboard's definition), the units ranked by 满意率 with enough callbacks behind them,
/// the cases overdue now and those supervised in the period, hot topics from <see cref="IReportTopics"/>, and a few
/// closed cases with their replies, personal data removed.
/// </summary>
public sealed class ReportFiguresBuilder(MinshengDb db, UnitTree units, TimeProvider clock, AppealText text, IReportTopics topics, AppealScope appeals)
{
    /// <summary>A unit enters the best/worst lists only with at least this many reached callbacks (满意率's denominator).</summary>
    public const int MinUnitSample = 3;
    public const int UnitsListed = 3, CasesListed = 10, TypicalListed = 3, BreakdownListed = 12;

    public async Task<ReportFigures> BuildAsync(long jurisdictionId, StatisticsPeriod period, IReadOnlyList<long> related, CancellationToken ct)
    {
        var scope = appeals.OfJurisdiction(jurisdictionId);
        var stats = new StatisticsService(db, scope, units, clock);
        var previous = new StatisticsPeriod(period.From.AddDays(-period.Days), period.From.AddDays(-1));
        var now = await stats.OverviewAsync(period, ct);
        var before = await stats.OverviewAsync(previous, ct);
        var unitTable = await stats.UnitsAsync(period, "satisfaction", "desc", ct);
        var ranked = unitTable.Units.Where(u => u.Satisfaction.Denominator >= MinUnitSample).ToList();
        var best = ranked.Take(UnitsListed).ToList();
        var worst = ranked.AsEnumerable().Reverse().Where(u => best.All(b => b.UnitId != u.UnitId)).Take(UnitsListed).ToList();

        var (start, end) = (period.Start, period.End);
        var at = clock.GetUtcNow();
        var overdue = await scope.Visible().AsNoTracking().Where(Overdue.At(at))
            .OrderBy(a => a.CreatedAt).Take(CasesListed).ToListAsync(ct);
        var visibleIds = scope.Visible().Select(a => a.Id);
        var supervisedQuery = db.SupervisionOrders.AsNoTracking().Where(o => o.CreatedAt >= start && o.CreatedAt < end && visibleIds.Contains(o.AppealId));
        var supervisedTotal = await supervisedQuery.CountAsync(ct);
        var orders = await supervisedQuery.OrderBy(o => o.CreatedAt).Take(CasesListed).ToListAsync(ct);
        var orderIds = orders.Select(o => o.AppealId).Distinct().ToList();
        var supervisedAppeals = await db.Appeals.AsNoTracking().Where(a => orderIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);

        var typical = await scope.Visible().AsNoTracking()
            .Where(a => a.CreatedAt >= start && a.CreatedAt < end && a.Status == AppealStatus.Closed && a.Reply != null)
            .OrderBy(a => a.CallbackOutcome == CallbackOutcome.Satisfied ? 0 : a.CallbackOutcome == CallbackOutcome.Unsatisfied ? 1 : 2)
            .ThenByDescending(a => a.Id).Take(TypicalListed).ToListAsync(ct);
        var relatedIds = related.ToList();
        var relatedAppeals = relatedIds.Count == 0 ? [] : await scope.Visible().AsNoTracking().Where(a => relatedIds.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);

        var topicSection = await topics.FindAsync(scope, start, end, previous.Start, ct);

        return new ReportFigures(
            units.NameOf(jurisdictionId), period.From, period.To, previous.From, previous.To, at,
            new Measure("受理量", now.Kpis.Received, before.Kpis.Received),
            new Measure("办结量", now.Kpis.Closed, before.Kpis.Closed),
            new RateChange(now.Kpis.OnTime, before.Kpis.OnTime),
            new RateChange(now.Kpis.Response, before.Kpis.Response),
            new RateChange(now.Kpis.Resolution, before.Kpis.Resolution),
            new RateChange(now.Kpis.Satisfaction, before.Kpis.Satisfaction),
            now.Kpis.OverdueNow,
            Compare(now.ByChannel, before.ByChannel), Compare(now.ByType, before.ByType),
            Compare(now.ByCategory, before.ByCategory), Compare(now.ByTownship, before.ByTownship),
            MinUnitSample,
            best.Select(Rank).ToList(), worst.Select(Rank).ToList(),
            overdue.Select(a => Line(a, $"{OverdueDays(a, at)} 天")).ToList(),
            orders.Where(o => supervisedAppeals.ContainsKey(o.AppealId))
                .Select(o => Line(supervisedAppeals[o.AppealId], $"{Labels.SupervisionKind(o.Kind)} {Infrastructure.Web.Ui.Time(o.CreatedAt)}")).ToList(),
            supervisedTotal,
            topicSection,
            typical.Select(a => Typical(a, categories)).ToList(),
            relatedAppeals.Select(a => Typical(a, categories)).ToList());
    }

    private static UnitRank Rank(UnitStatistics u) => new(u.UnitName, u.Received, u.Satisfaction, u.OnTime);

    private CaseLine Line(Appeal a, string note) =>
        new(a.Id, a.Number, Redaction.Redact(a.Title, a.CitizenName, text.Detector), units.NameOf(a.LeadUnitId) is { Length: > 0 } u ? u : "未派单",
            Labels.Status(a.Status), note);

    /// <summary>Whole days since the earliest deadline still running; 0 on the day it passed.</summary>
    private static int OverdueDays(Appeal a, DateTimeOffset now)
    {
        DateTimeOffset?[] running =
        [
            a.ClaimedAt == null ? a.SignForDue : null, a.ContactedAt == null ? a.FirstContactDue : null,
            a.RepliedAt == null ? a.ReplyDue : null, a.RepliedAt == null && a.ClosedAt == null ? a.ResolveDue : null,
        ];
        var earliest = running.Where(d => d is not null && d < now).Min();
        return earliest is { } due ? (int)(now - due).TotalDays : 0;
    }

    private TypicalCase Typical(Appeal a, Dictionary<long, string> categories) => new(
        a.Id, a.Number, Redaction.Redact(a.Title, a.CitizenName, text.Detector),
        a.CategoryId is { } c && categories.TryGetValue(c, out var name) ? name : "未分类",
        units.NameOf(a.LeadUnitId) is { Length: > 0 } u ? u : "直接办结",
        Redaction.Redact(a.Content, a.CitizenName, text.Detector),
        Redaction.Redact(a.Reply ?? a.ReplyDraft ?? "（尚未答复）", a.CitizenName, text.Detector),
        a.CallbackOutcome is { } o ? Labels.Outcome(o) : Labels.Status(a.Status));

    /// <summary>This period's slices beside the previous period's, by label, largest first.</summary>
    private static List<Measure> Compare(IReadOnlyList<Slice> now, IReadOnlyList<Slice> before)
    {
        var previous = before.GroupBy(s => s.Label).ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        var current = now.GroupBy(s => s.Label).ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        return current.Keys.Union(previous.Keys)
            .Select(l => new Measure(l, current.GetValueOrDefault(l), previous.GetValueOrDefault(l)))
            .OrderByDescending(m => m.Current).ThenByDescending(m => m.Previous).ThenBy(m => m.Label, StringComparer.Ordinal)
            .ToList();
    }
}
