using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Assessment;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Organization;
using Minsheng.Domain.Priorities;
using Minsheng.Features.Statistics.Metrics;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Assessment;

/// <summary>
/// Gathers a month's material for the pure <see cref="Scoring"/>: the rates from <see cref="IUnitMeasures"/> (callbacks
/// marked not the unit's fault are already left out there), the appeals behind each rate that cost points, and the
/// deductions and bonuses, each an item a unit can see and contest; then the exemptions (upheld score appeals, force
/// majeure) and the scores.
/// </summary>
public sealed class AssessmentSource(MinshengDb db, UnitTree units, IUnitMeasures measures)
{
    /// <summary>The units assessed in a jurisdiction: its own active departments and townships (a city's, not its counties').</summary>
    public IReadOnlyList<GroupableUnit> AssessedUnits(long jurisdictionId) =>
        units.Subtree(jurisdictionId).Select(units.Find).OfType<UnitInfo>()
            .Where(u => u.Active && !u.Kind.IsJurisdiction() && units.JurisdictionOf(u.Id)?.Id == jurisdictionId)
            .OrderBy(u => u.Path).Select(u => new GroupableUnit(u.Id, u.Name, u.Kind)).ToList();

    public async Task<IReadOnlyList<UnitScore>> ScoreAsync(long jurisdictionId, string month, AssessmentScheme scheme, long? periodId, CancellationToken ct)
    {
        var groups = UnitGroups.Effective(scheme, AssessedUnits(jurisdictionId));
        var unitIds = groups.SelectMany(g => g.UnitIds).ToHashSet();
        var inputs = await InputsAsync(jurisdictionId, month, scheme, unitIds, ct);
        return Scoring.Compute(scheme, groups, inputs, await ExemptionsAsync(jurisdictionId, month, periodId, ct));
    }

    public async Task<Exemptions> ExemptionsAsync(long jurisdictionId, string month, long? periodId, CancellationToken ct)
    {
        var (from, to) = Dates(month);
        var upheld = periodId is { } p
            ? (await db.Set<ScoreAppeal>().AsNoTracking().Where(a => a.PeriodId == p && a.Status == ScoreAppealStatus.Upheld)
                .Select(a => new { a.UnitId, a.ItemKey }).ToListAsync(ct)).Select(a => (a.UnitId, a.ItemKey)).ToHashSet()
            : [];
        var fm = await db.Set<ForceMajeure>().AsNoTracking()
            .Where(f => f.JurisdictionId == jurisdictionId && f.FromDate <= to && f.ToDate >= from).ToListAsync(ct);
        return new Exemptions(upheld, fm.Select(f => f.ToPeriod()).ToList());
    }

    public static (DateOnly From, DateOnly To) Dates(string month)
    {
        var m = PriorityMonth.Parse(month);
        return (m.FirstDay, m.AddMonths(1).FirstDay.AddDays(-1));
    }

    private async Task<IReadOnlyList<UnitInput>> InputsAsync(long jurisdictionId, string month, AssessmentScheme scheme, IReadOnlySet<long> unitIds, CancellationToken ct)
    {
        var (from, to) = Dates(month);
        var start = ChinaTime.At(from, TimeOnly.MinValue);
        var end = ChinaTime.At(to.AddDays(1), TimeOnly.MinValue);
        var measured = (await measures.MeasureAsync(jurisdictionId, from, to, ct)).ToDictionary(m => m.UnitId);
        var items = unitIds.ToDictionary(u => u, _ => new List<ScoreItem>());
        var ids = unitIds.ToArray();

        // The appeals behind each weighted rate that kept it down; asked only for the units whose counts say there are
        // some, all of them in one query per metric (not one per unit and metric: a county has dozens of units).
        foreach (var metric in scheme.Weights.Where(w => w.Value > 0).Select(w => w.Key))
        {
            var costing = measured.Where(m => unitIds.Contains(m.Key)).Where(m =>
            {
                var r = m.Value.Rate(metric);
                return (metric.LowerIsBetter() ? r.Numerator : r.Denominator - r.Numerator) > 0;
            }).Select(m => m.Key).ToList();
            if (costing.Count == 0) continue;
            foreach (var (unitId, list) in await measures.ItemsByUnitAsync(jurisdictionId, from, to, costing, metric, ct))
                foreach (var i in list)
                    if (ScoreItem.CostsPoints(metric, i.InNumerator))
                        items[unitId].Add(new ScoreItem(ScoreItem.MetricKey(metric, i.AppealId), ItemKind.MetricMiss, metric, i.AppealId,
                            $"{i.Number} {i.Title}", i.DecidedAt, i.InNumerator));
        }

        // 督办单: the orders a supervisor or leader wrote, and the monitor's (one per appeal, unit and round).
        var manual = await (from o in db.SupervisionOrders
                            join a in db.Appeals on o.AppealId equals a.Id
                            where o.CreatedAt >= start && o.CreatedAt < end && a.LeadUnitId != null && ids.Contains(a.LeadUnitId.Value)
                            select new { o.Id, UnitId = a.LeadUnitId!.Value, a.Number, a.Title, o.CreatedAt, AppealId = a.Id }).AsNoTracking().ToListAsync(ct);
        foreach (var o in manual)
            items[o.UnitId].Add(new ScoreItem(ScoreItem.SupervisionKey(o.Id), ItemKind.SupervisionOrder, null, o.AppealId, $"督办单：{o.Number} {o.Title}", o.CreatedAt));
        var automatic = await (from n in db.Notifications
                               join a in db.Appeals on n.AppealId equals a.Id
                               where n.Kind == NotificationKind.SupervisionOrder && n.UnitId != null && ids.Contains(n.UnitId.Value)
                                     && n.CreatedAt >= start && n.CreatedAt < end
                               select new { n.Id, UnitId = n.UnitId!.Value, a.Number, a.Title, n.CreatedAt, AppealId = a.Id }).AsNoTracking().ToListAsync(ct);
        foreach (var n in automatic.GroupBy(n => (n.AppealId, n.UnitId, n.CreatedAt)).Select(g => g.MinBy(x => x.Id)!))
            items[n.UnitId].Add(new ScoreItem(ScoreItem.AutoSupervisionKey(n.Id), ItemKind.SupervisionOrder, null, n.AppealId, $"督办单（超期自动）：{n.Number} {n.Title}", n.CreatedAt));

        var confirmed = new[] { LeadStatus.Confirmed, LeadStatus.PublicationRequested, LeadStatus.Published };
        var leads = await db.Leads.AsNoTracking()
            .Where(l => l.UnitId != null && ids.Contains(l.UnitId.Value) && confirmed.Contains(l.Status) && l.DecidedAt >= start && l.DecidedAt < end)
            .Select(l => new { l.Id, UnitId = l.UnitId!.Value, l.AppealId, l.Summary, l.DecidedAt }).ToListAsync(ct);
        foreach (var l in leads)
            items[l.UnitId].Add(new ScoreItem(ScoreItem.LeadKey(l.Id), ItemKind.ConfirmedLead, null, l.AppealId, $"问责线索：{l.Summary}", l.DecidedAt!.Value));

        var praise = await db.Appeals.AsNoTracking()
            .Where(a => a.Type == AppealType.Praise && a.CreatedAt >= start && a.CreatedAt < end
                        && ((a.SubjectUnitId != null && ids.Contains(a.SubjectUnitId.Value)) || (a.SubjectUnitId == null && a.LeadUnitId != null && ids.Contains(a.LeadUnitId.Value))))
            .Select(a => new { a.Id, UnitId = a.SubjectUnitId ?? a.LeadUnitId!.Value, a.Number, a.Title, a.CreatedAt }).ToListAsync(ct);
        foreach (var p in praise)
            items[p.UnitId].Add(new ScoreItem(ScoreItem.PraiseKey(p.Id), ItemKind.Praise, null, p.Id, $"表扬：{p.Number} {p.Title}", p.CreatedAt));

        var done = await db.Set<MonthlyPriority>().AsNoTracking()
            .Where(p => p.Status == PriorityStatus.Completed && p.CompletedAt >= start && p.CompletedAt < end && ids.Contains(p.LeadUnitId))
            .Select(p => new { p.Id, p.LeadUnitId, p.Title, p.CompletedAt }).ToListAsync(ct);
        foreach (var p in done)
            items[p.LeadUnitId].Add(new ScoreItem(ScoreItem.PriorityKey(p.Id), ItemKind.Priority, null, null, $"每月一题办结：{p.Title}", p.CompletedAt!.Value));

        return unitIds.Select(u => new UnitInput(u, units.NameOf(u),
            measured.GetValueOrDefault(u) ?? new UnitMeasures(u, 0, new Dictionary<Metric, Ratio>(), 0, 0),
            items[u].OrderBy(i => i.At).ToList())).ToList();
    }
}
