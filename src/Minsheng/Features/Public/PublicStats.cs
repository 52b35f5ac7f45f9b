using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

/// <summary>
/// One unit's figures for the period. On time: replies given by the resolve deadline, out of the appeals whose
/// deadline has passed or that were replied. Satisfaction: 满意 and 基本满意 callbacks out of callbacks that reached the citizen.
/// </summary>
public sealed record UnitStats(long UnitId, string Name, string Kind, int Received, int Closed, int OnTime, int Due, double? OnTimeRate,
    int Satisfied, int Reached, double? SatisfactionRate, string? Jurisdiction = null);

public sealed record PublicStatsView(int Days, DateTimeOffset From, DateTimeOffset To, UnitStats Total, IReadOnlyList<UnitStats> Units);

/// <summary>
/// 办理统计 for the public: per department and township, from one grouped query over the period; a county's view
/// counts the appeals led by that county's units.
/// </summary>
public sealed class PublicStats(MinshengDb db, UnitTree units, TimeProvider clock)
{
    public static readonly int[] Periods = [30, 90, 365];
    public const int DefaultDays = 90;

    public static int Validate(int? days)
    {
        if (days is { } d && !Periods.Contains(d)) throw new DomainValidationException("days", "统计周期只能是 30、90 或 365 天。");
        return days ?? DefaultDays;
    }

    public async Task<PublicStatsView> ComputeAsync(int? days, CancellationToken ct, UnitInfo? county = null)
    {
        var period = Validate(days);
        var now = clock.GetUtcNow();
        var since = now.AddDays(-period);
        var appeals = db.Appeals.AsNoTracking();
        if (county is not null)
        {
            var subtree = units.Subtree(county.Id);
            appeals = appeals.Where(a => a.LeadUnitId != null && subtree.Contains(a.LeadUnitId.Value));
        }
        // GROUP BY lead unit in the database; only a row per unit comes back.
        var rows = await appeals
            .Where(a => a.CreatedAt >= since && a.LeadUnitId != null && a.Status != AppealStatus.Merged && a.Status != AppealStatus.Invalid)
            .GroupBy(a => a.LeadUnitId!.Value)
            .Select(g => new
            {
                UnitId = g.Key,
                Received = g.Count(),
                Closed = g.Count(a => a.Status == AppealStatus.Closed),
                OnTime = g.Count(a => a.RepliedAt != null && a.ResolveDue != null && a.RepliedAt <= a.ResolveDue),
                Due = g.Count(a => a.ResolveDue != null && (a.RepliedAt != null || a.ResolveDue < now)),
                Satisfied = g.Count(a => a.CallbackOutcome == CallbackOutcome.Satisfied || a.CallbackOutcome == CallbackOutcome.BasicallySatisfied),
                Reached = g.Count(a => a.CallbackOutcome == CallbackOutcome.Satisfied || a.CallbackOutcome == CallbackOutcome.BasicallySatisfied
                                       || a.CallbackOutcome == CallbackOutcome.Unsatisfied),
            })
            .ToListAsync(ct);

        // A village's or a section's appeals count for the department or township above it.
        var byUnit = rows.GroupBy(r => Accountable(r.UnitId)).Where(g => g.Key is not null).Select(g => Make(g.Key!,
                g.Sum(r => r.Received), g.Sum(r => r.Closed), g.Sum(r => r.OnTime), g.Sum(r => r.Due), g.Sum(r => r.Satisfied), g.Sum(r => r.Reached)))
            .OrderByDescending(u => u.Received).ThenBy(u => u.Name, StringComparer.Ordinal).ToList();
        var total = new UnitStats(0, "合计", "", byUnit.Sum(u => u.Received), byUnit.Sum(u => u.Closed), byUnit.Sum(u => u.OnTime), byUnit.Sum(u => u.Due),
            Rate(byUnit.Sum(u => u.OnTime), byUnit.Sum(u => u.Due)), byUnit.Sum(u => u.Satisfied), byUnit.Sum(u => u.Reached),
            Rate(byUnit.Sum(u => u.Satisfied), byUnit.Sum(u => u.Reached)));
        return new PublicStatsView(period, since, now, total, byUnit);
    }

    private UnitStats Make(UnitInfo u, int received, int closed, int onTime, int due, int satisfied, int reached) =>
        new(u.Id, u.Name, Labels.UnitKind(u.Kind), received, closed, onTime, due, Rate(onTime, due), satisfied, reached, Rate(satisfied, reached),
            units.JurisdictionOf(u.Id)?.Name);

    private UnitInfo? Accountable(long unitId)
    {
        var u = units.Find(unitId);
        while (u is not null && u.Kind is not (UnitKind.Department or UnitKind.Township))
            u = u.ParentId is { } p ? units.Find(p) : null;
        return u;
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}
