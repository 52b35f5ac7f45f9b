using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Assessment;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Export;

namespace Minsheng.Features.Assessment;

/// <summary>
/// What the frozen months give: 红榜/黑榜 of the latest published month (portal, leader dashboard), the Excel export of a
/// month, and quarterly and yearly roll-ups (the mean of a unit's frozen monthly scores, ranked within its group).
/// </summary>
public sealed class AssessmentBoards(MinshengDb db, UnitTree units, AssessmentAccess access, AssessmentDesk desk)
{
    /// <summary>Published boards of a jurisdiction, for anyone (the portal): the month asked for or the latest published.</summary>
    public async Task<BoardsView?> PublishedAsync(long jurisdictionId, string? month, CancellationToken ct)
    {
        var q = db.Set<AssessmentPeriod>().AsNoTracking().Where(p => p.JurisdictionId == jurisdictionId && p.Status == PeriodStatus.Published);
        if (Domain.Priorities.PriorityMonth.TryParse(month, out var m)) { var key = m.ToString(); q = q.Where(p => p.Month == key); }
        var p = await q.OrderByDescending(x => x.Month).FirstOrDefaultAsync(ct);
        if (p is null) return null;
        var scheme = AssessmentScheme.FromJson(p.SchemeJson);
        var groups = AssessmentDesk.Group(await desk.RowsAsync(p.Id, ct));
        // Groups where nobody reached the minimum sample have no board to show.
        var boards = groups.Select(g => BoardOf(g, scheme.BoardSize)).Where(b => b.Ranked > 0).ToList();
        return new BoardsView(units.NameOf(jurisdictionId), p.Month, p.PublishedAt!.Value, boards, scheme.MinSample);
    }

    /// <summary>
    /// The portal's boards: the county viewed, or on the whole view the portal's own jurisdiction and each county under it
    /// (each ranks its own units); jurisdictions with nothing published are left out.
    /// </summary>
    public async Task<IReadOnlyList<BoardsView>> PortalAsync(UnitInfo? county, string? month, CancellationToken ct)
    {
        var top = units.DefaultJurisdiction();
        IEnumerable<UnitInfo> shown = county is not null ? [county]
            : top is null ? [] : units.Jurisdictions().Where(j => units.IsWithin(j.Id, top.Id)).OrderBy(j => j.Path.Length).ThenBy(j => j.Path);
        var list = new List<BoardsView>();
        foreach (var j in shown)
            if (await PublishedAsync(j.Id, month, ct) is { Boards.Count: > 0 } b) list.Add(b);
        return list;
    }

    public async Task<IReadOnlyList<string>> PublishedMonthsAsync(long jurisdictionId, CancellationToken ct) =>
        await db.Set<AssessmentPeriod>().AsNoTracking().Where(p => p.JurisdictionId == jurisdictionId && p.Status == PeriodStatus.Published)
            .OrderByDescending(p => p.Month).Select(p => p.Month).Take(24).ToListAsync(ct);

    /// <summary>The top N on the 红榜, the bottom N on the 黑榜 (worst first); a unit is on one board only.</summary>
    public static Board BoardOf(RankingGroup g, int size)
    {
        var ranked = g.Units.Where(u => u.Rank is not null).ToList();
        var red = ranked.Take(size).ToList();
        var black = ranked.Skip(red.Count).Reverse().Take(size).ToList();
        return new Board(g.Name, red, black, ranked.Count);
    }

    /// <summary>A month's ranking as an Excel sheet, for readers of the jurisdiction (unit staff: published months).</summary>
    public async Task<(string FileName, byte[] Content)?> ExportAsync(long? jurisdictionId, string? month, CancellationToken ct)
    {
        if (await desk.RankingAsync(jurisdictionId, month, ct) is not { } view) return null;
        var metrics = view.Groups.SelectMany(g => g.Units).SelectMany(u => u.Rates).Select(r => r.Metric).Distinct().OrderBy(m => m).ToList();
        var headers = new List<string> { "分组", "排名", "单位", "得分", "指标得分", "扣分", "加分", "受理量" };
        foreach (var m in metrics) { headers.Add(Labels.AssessedMetric(m)); headers.Add($"{Labels.AssessedMetric(m)}样本量"); }
        var rows = view.Groups.SelectMany(g => g.Units).Select(u =>
        {
            var cells = new List<object?> { u.Group, u.Rank is { } r ? $"{r}/{u.GroupSize}" : "样本不足", u.UnitName, u.Score, u.RatePart, u.Deductions, u.Bonus, u.Received };
            foreach (var m in metrics)
            {
                var rate = u.Rates.FirstOrDefault(x => x.Metric == m);
                cells.Add(rate?.Value is { } v ? Math.Round(v * 100, 1) : null);
                cells.Add(rate?.Denominator);
            }
            return (IReadOnlyList<object?>)cells;
        });
        var bytes = XlsxWriter.Write($"{view.Period.Month}考核", headers, rows);
        return ($"考核排名-{view.Period.JurisdictionName}-{view.Period.Month}.xlsx", bytes);
    }

    /// <summary>
    /// A quarter ("2026-Q4") or a year ("2026") from its frozen months: each unit's mean score over the months it was
    /// ranked in, ranked within the group it had in the latest of them. Open months are left out until frozen.
    /// </summary>
    public async Task<RollupView?> RollupAsync(long? jurisdictionId, string? period, CancellationToken ct)
    {
        if (access.Jurisdiction(jurisdictionId) is not { } j) return null;
        var (months, label) = Months(period);
        var frozen = new[] { PeriodStatus.Frozen, PeriodStatus.Published };
        var q = db.Set<AssessmentPeriod>().AsNoTracking().Where(p => p.JurisdictionId == j && months.Contains(p.Month) && frozen.Contains(p.Status));
        if (!access.IsReaderRole) q = q.Where(p => p.Status == PeriodStatus.Published);
        var periods = await q.OrderBy(p => p.Month).ToListAsync(ct);
        var ids = periods.Select(p => p.Id).ToArray();
        var rows = await AssessmentDesk.WithoutItems(db.Set<AssessmentRow>().AsNoTracking().Where(r => ids.Contains(r.PeriodId))).ToListAsync(ct);
        var monthOf = periods.ToDictionary(p => p.Id, p => p.Month);
        var shown = periods.Select(p => p.Month).ToList();
        var perUnit = rows.GroupBy(r => r.UnitId).Select(g =>
        {
            var latest = g.MaxBy(r => monthOf[r.PeriodId])!;
            var scores = shown.Select(m => g.FirstOrDefault(r => monthOf[r.PeriodId] == m)?.Score).ToList();
            var counted = scores.Where(s => s is not null).Select(s => s!.Value).ToList();
            return new RollupRow(g.Key, latest.UnitName, latest.GroupName, null, counted.Count > 0 ? Math.Round(counted.Average(), 2) : null, counted.Count, scores);
        }).ToList();
        var ranked = new List<RollupRow>();
        foreach (var g in perUnit.GroupBy(r => r.Group))
        {
            var order = g.Where(r => r.Average is not null).OrderByDescending(r => r.Average).ThenBy(r => r.UnitId).ToList();
            for (var i = 0; i < order.Count; i++)
                ranked.Add(order[i] with { Rank = i > 0 && order[i].Average == order[i - 1].Average ? ranked[^1].Rank : i + 1 });
            ranked.AddRange(g.Where(r => r.Average is null));
        }
        return new RollupView(period!.Trim(), label, shown, ranked);
    }

    public static (IReadOnlyList<string> Months, string Label) Months(string? period)
    {
        var text = period?.Trim() ?? "";
        var parts = text.Split("-Q");
        if (parts.Length == 2 && int.TryParse(parts[0], out var y) && y is > 2000 and < 2100 && int.TryParse(parts[1], out var q) && q is >= 1 and <= 4)
            return (Enumerable.Range((q - 1) * 3 + 1, 3).Select(m => $"{y:D4}-{m:D2}").ToList(), $"{y} 年第 {q} 季度");
        if (text.Length == 4 && int.TryParse(text, out var year) && year is > 2000 and < 2100)
            return (Enumerable.Range(1, 12).Select(m => $"{year:D4}-{m:D2}").ToList(), $"{year} 年");
        throw new DomainValidationException("period", "汇总期间应为季度（如 2026-Q4）或年份（如 2026）。");
    }
}
