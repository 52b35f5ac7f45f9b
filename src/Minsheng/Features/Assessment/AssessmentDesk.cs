using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Assessment;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Priorities;
using Minsheng.Features.Audit;
using Minsheng.Features.TimeLimits;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Assessment;

/// <summary>
/// The monthly assessment: schemes per jurisdiction, drafting a month's scores into stored rows, the cycle (open the
/// contest window, close it, recompute after rulings, freeze, publish) and reading a ranking. Frozen rows are never
/// written again: that is the snapshot later data changes cannot alter.
/// </summary>
public sealed class AssessmentDesk(MinshengDb db, AuditedCommit commit, CurrentUser me, UnitTree units, AssessmentAccess access,
    AssessmentSource source, TimeLimitCache timeLimits, TimeProvider clock)
{
    // ---- schemes ----

    public async Task<AssessmentScheme> SchemeAsync(long jurisdictionId, CancellationToken ct) =>
        await db.Set<SchemeRow>().AsNoTracking().Where(s => s.JurisdictionId == jurisdictionId).Select(s => s.SchemeJson).FirstOrDefaultAsync(ct)
            is { } json ? AssessmentScheme.FromJson(json) : AssessmentScheme.Default;

    public Task<AssessmentScheme> SaveSchemeAsync(long? jurisdictionId, SchemeRequest body, CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            var j = jurisdictionId ?? me.JurisdictionId;
            access.RequireOffice(j);
            var d = AssessmentScheme.Default;
            var assessed = source.AssessedUnits(j).Select(u => u.Id).ToHashSet();
            var errors = new FieldErrors();
            var groups = (body.Groups ?? []).Select(g => new UnitGroup(g.Name?.Trim() ?? "", g.UnitIds ?? [])).ToList();
            if (groups.SelectMany(g => g.UnitIds).Any(u => !assessed.Contains(u))) errors.Add("groups", "分组中有不属于本辖区考核范围的单位。");
            errors.ThrowIfAny();
            var scheme = new AssessmentScheme
            {
                Weights = body.Weights ?? new Dictionary<Metric, double>(d.Weights),
                PerSupervisionOrder = body.PerSupervisionOrder ?? d.PerSupervisionOrder,
                PerConfirmedLead = body.PerConfirmedLead ?? d.PerConfirmedLead,
                PerPraise = body.PerPraise ?? d.PerPraise,
                PerCompletedPriority = body.PerCompletedPriority ?? d.PerCompletedPriority,
                BonusCap = body.BonusCap ?? d.BonusCap,
                MinSample = body.MinSample ?? d.MinSample,
                ContestWorkingDays = body.ContestWorkingDays ?? d.ContestWorkingDays,
                BoardSize = body.BoardSize ?? d.BoardSize,
                Groups = groups,
            }.Validated();
            var row = await db.Set<SchemeRow>().FirstOrDefaultAsync(s => s.JurisdictionId == j, ct);
            if (row is null) db.Add(row = new SchemeRow { JurisdictionId = j });
            row.SchemeJson = scheme.ToJson();
            row.UpdatedBy = me.Username;
            row.UpdatedAt = clock.GetUtcNow();
            notes.Record(AuditActions.AssessmentScheme, j.ToString(), row.SchemeJson);
            return scheme;
        }, ct);

    // ---- reading ----

    public async Task<IReadOnlyList<PeriodSummary>> PeriodsAsync(long? jurisdictionId, CancellationToken ct)
    {
        if (access.Jurisdiction(jurisdictionId) is not { } j) return [];
        var q = db.Set<AssessmentPeriod>().AsNoTracking().Where(p => p.JurisdictionId == j);
        if (!access.IsReaderRole) q = q.Where(p => p.Status != PeriodStatus.Draft);
        var list = await q.OrderByDescending(p => p.Month).Take(36).ToListAsync(ct);
        var pending = await PendingCountsAsync(list.Select(p => p.Id).ToArray(), ct);
        return list.Select(p => Summary(p, pending.GetValueOrDefault(p.Id))).ToList();
    }

    public async Task<AssessmentPeriod?> FindAsync(long jurisdictionId, string? month, CancellationToken ct)
    {
        var q = db.Set<AssessmentPeriod>().AsNoTracking().Where(p => p.JurisdictionId == jurisdictionId);
        if (!access.IsReaderRole) q = q.Where(p => p.Status != PeriodStatus.Draft);
        if (!string.IsNullOrWhiteSpace(month))
        {
            if (!PriorityMonth.TryParse(month, out var m)) throw new DomainValidationException("month", "月份格式应为 yyyy-MM，例如 2026-11。");
            var key = m.ToString();
            q = q.Where(p => p.Month == key);
        }
        return await q.OrderByDescending(p => p.Month).FirstOrDefaultAsync(ct);
    }

    /// <summary>A month's ranking by group: readers of the jurisdiction see every state; unit staff only published ones.</summary>
    public async Task<RankingView?> RankingAsync(long? jurisdictionId, string? month, CancellationToken ct)
    {
        if (access.Jurisdiction(jurisdictionId) is not { } j) return null;
        var p = await FindAsync(j, month, ct);
        if (p is null || (!access.IsReaderRole && p.Status != PeriodStatus.Published)) return null;
        var rows = await RowsAsync(p.Id, ct);
        var fm = await db.Set<ForceMajeure>().AsNoTracking().Where(f => f.JurisdictionId == j).OrderByDescending(f => f.FromDate).Take(20).ToListAsync(ct);
        return new RankingView(Summary(p, (await PendingCountsAsync([p.Id], ct)).GetValueOrDefault(p.Id)), Group(rows), access.Acts(j),
            fm.Select(f => new ForceMajeureView(f.Id, f.FromDate, f.ToDate, f.Units.Select(u => units.NameOf(u)).ToList(), f.Reason, f.DeclaredBy)).ToList());
    }

    /// <summary>A period's rows for the ranking and the boards: the figures and the rates, without the items (<see cref="WithoutItems"/>).</summary>
    public async Task<IReadOnlyList<AssessmentRow>> RowsAsync(long periodId, CancellationToken ct) =>
        await WithoutItems(db.Set<AssessmentRow>().AsNoTracking().Where(r => r.PeriodId == periodId).OrderBy(r => r.Id)).ToListAsync(ct);

    /// <summary>
    /// Stored rows without their detail_json (the items: megabytes across a county's month), which only a unit's own
    /// sheet shows. The rates come from rates_json; a row without it (none after migration 028's fill) brings its
    /// detail instead, which <see cref="ScoreDetail.RatesFromJson"/> reads just as well.
    /// </summary>
    public static IQueryable<AssessmentRow> WithoutItems(IQueryable<AssessmentRow> rows) => rows.Select(r => new AssessmentRow
    {
        Id = r.Id, PeriodId = r.PeriodId, UnitId = r.UnitId, UnitName = r.UnitName, GroupName = r.GroupName, Rank = r.Rank, GroupSize = r.GroupSize,
        Score = r.Score, RatePart = r.RatePart, Deductions = r.Deductions, Bonus = r.Bonus, Received = r.Received,
        RatesJson = r.RatesJson ?? r.DetailJson,
    });

    public static IReadOnlyList<RankingGroup> Group(IEnumerable<AssessmentRow> rows) =>
        rows.GroupBy(r => r.GroupName).OrderBy(g => g.Min(r => r.Id))
            .Select(g => new RankingGroup(g.Key, g.OrderBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.UnitId).Select(Ranked).ToList())).ToList();

    public static RankedUnit Ranked(AssessmentRow r) => new(r.UnitId, r.UnitName, r.GroupName, r.Rank, r.GroupSize, r.Score, r.RatePart,
        r.Deductions, r.Bonus, r.Received, ScoreDetail.RatesFromJson(r.RatesJson ?? r.DetailJson));

    public PeriodSummary Summary(AssessmentPeriod p, int pending) => new(p.Id, p.JurisdictionId, units.NameOf(p.JurisdictionId), p.Month, p.Status,
        Labels.PeriodStatus(p.Status), p.ContestUntil, p.ComputedAt, p.FrozenAt, p.PublishedAt, pending);

    private async Task<Dictionary<long, int>> PendingCountsAsync(long[] periodIds, CancellationToken ct) =>
        await db.Set<ScoreAppeal>().AsNoTracking().Where(a => periodIds.Contains(a.PeriodId) && a.Status == ScoreAppealStatus.Pending)
            .GroupBy(a => a.PeriodId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);

    // ---- the cycle ----

    /// <summary>The office's step on a month: draft, open, recompute, close, freeze or publish.</summary>
    public async Task<PeriodSummary> CycleAsync(CycleRequest body, CancellationToken ct)
    {
        var j = body.JurisdictionId ?? me.JurisdictionId;
        access.RequireOffice(j);
        var errors = new FieldErrors();
        if (!PriorityMonth.TryParse(body.Month, out var month)) errors.Add("month", "月份格式应为 yyyy-MM，例如 2026-11。");
        var action = body.Action?.Trim().ToLowerInvariant();
        if (action is not ("draft" or "open" or "recompute" or "close" or "freeze" or "publish"))
            errors.Add("action", "操作应为 draft、open、recompute、close、freeze 或 publish。");
        errors.ThrowIfAny();
        var m = month.ToString();
        if (action == "draft")
        {
            var created = await DraftAsync(j, m, open: false, ct);
            return Summary(created, 0);
        }
        var period = await commit.RunAsync(async notes =>
        {
            var p = await db.Set<AssessmentPeriod>().FirstOrDefaultAsync(x => x.JurisdictionId == j && x.Month == m, ct)
                    ?? throw new DomainValidationException("month", $"{m} 还没有考核草稿。");
            var now = clock.GetUtcNow();
            switch (action)
            {
                case "open":
                    await OpenAsync(p, notes, ct);
                    break;
                case "recompute":
                    await RecomputeAsync(p, ct);
                    notes.Record(AuditActions.AssessmentRecompute, p.Id.ToString(), p.Month);
                    break;
                case "close":
                    p.CloseContest();
                    notes.Record(AuditActions.AssessmentClose, p.Id.ToString(), p.Month);
                    break;
                case "freeze":
                    var pending = await db.Set<ScoreAppeal>().CountAsync(a => a.PeriodId == p.Id && a.Status == ScoreAppealStatus.Pending, ct);
                    // The last recomputation happens before freezing, so every ruling is in the snapshot.
                    if (p.MayRecompute && pending == 0) await RecomputeAsync(p, ct);
                    p.Freeze(pending, me.Username, now);
                    notes.Record(AuditActions.AssessmentFreeze, p.Id.ToString(), p.Month);
                    break;
                case "publish":
                    p.Publish(me.Username, now);
                    notes.Record(AuditActions.AssessmentPublish, p.Id.ToString(), p.Month);
                    break;
            }
            return p;
        }, ct);
        return Summary(period, (await PendingCountsAsync([period.Id], ct)).GetValueOrDefault(period.Id));
    }

    /// <summary>Drafts a month (and, for the monthly job, opens its contest window at once); an existing month is returned as it is.</summary>
    public Task<AssessmentPeriod> DraftAsync(long jurisdictionId, string month, bool open, CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            if (await db.Set<AssessmentPeriod>().FirstOrDefaultAsync(x => x.JurisdictionId == jurisdictionId && x.Month == month, ct) is { } existing)
                return existing;
            var scheme = await SchemeAsync(jurisdictionId, ct);
            var p = new AssessmentPeriod(jurisdictionId, month, scheme.ToJson(), clock.GetUtcNow());
            db.Add(p);
            await db.SaveChangesAsync(ct);
            await WriteRowsAsync(p, scheme, ct);
            notes.Record(AuditActions.AssessmentDraft, p.Id.ToString(), $"{units.NameOf(jurisdictionId)} {month}");
            if (open) await OpenAsync(p, notes, ct);
            return p;
        }, ct);

    private async Task OpenAsync(AssessmentPeriod p, AuditNotes notes, CancellationToken ct)
    {
        var scheme = AssessmentScheme.FromJson(p.SchemeJson);
        var until = ContestEnd(ChinaTime.DateOf(clock.GetUtcNow()), scheme.ContestWorkingDays);
        p.OpenContest(until);
        var now = clock.GetUtcNow();
        foreach (var unitId in await db.Set<AssessmentRow>().Where(r => r.PeriodId == p.Id).Select(r => r.UnitId).ToListAsync(ct))
            db.Notifications.Add(new Notification($"assessment:{p.Id}:open:{unitId}", NotificationKind.AssessmentDraft, Audience.Unit, unitId, null, null,
                $"{p.Month} 考核草稿", $"{units.NameOf(p.JurisdictionId)} {p.Month} 的考核得分草稿已出。对扣分事项有异议的，请在 {until:yyyy-MM-dd} 前在“本单位考核”提出申诉并附证明材料。",
                ChinaTime.EndOfDay(until), now));
        notes.Record(AuditActions.AssessmentOpen, p.Id.ToString(), $"{p.Month} 申诉截止 {until:yyyy-MM-dd}");
    }

    /// <summary>The last day of the window: the Nth working day counting from the day it opens (that day included when working).</summary>
    public DateOnly ContestEnd(DateOnly opened, int workingDays)
    {
        var calendar = timeLimits.Current.Calendar;
        var day = opened;
        var counted = 0;
        while (true)
        {
            if (calendar.IsWorkingDay(day) && ++counted >= workingDays) return day;
            day = day.AddDays(1);
        }
    }

    /// <summary>Recomputes an open month's rows with its current scheme, rulings and force majeure (inside the caller's commit).</summary>
    public async Task RecomputeAsync(AssessmentPeriod p, CancellationToken ct)
    {
        if (!p.MayRecompute) throw new Domain.Instructions.WorkflowConflictException("考核已冻结", $"{p.Month} 的考核已冻结，得分不再变化。");
        var scheme = await SchemeAsync(p.JurisdictionId, ct);
        p.Recomputed(scheme.ToJson(), clock.GetUtcNow());
        await db.Set<AssessmentRow>().Where(r => r.PeriodId == p.Id).ExecuteDeleteAsync(ct);
        await WriteRowsAsync(p, scheme, ct);
    }

    private async Task WriteRowsAsync(AssessmentPeriod p, AssessmentScheme scheme, CancellationToken ct)
    {
        var scores = await source.ScoreAsync(p.JurisdictionId, p.Month, scheme, p.Id, ct);
        db.AddRange(scores.Select(s =>
        {
            var detail = ScoreDetail.Of(s);
            return new AssessmentRow
            {
                PeriodId = p.Id, UnitId = s.UnitId, UnitName = s.UnitName, GroupName = s.Group, Rank = s.Rank, GroupSize = s.GroupSize,
                Score = s.Score, RatePart = s.RatePart, Deductions = s.Deductions, Bonus = s.Bonus, Received = s.Received,
                DetailJson = detail.ToJson(), RatesJson = detail.RatesToJson(),
            };
        }));
    }

    /// <summary>Closes contest windows that have passed (the monthly job).</summary>
    public async Task<int> CloseExpiredAsync(CancellationToken ct)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var expired = await db.Set<AssessmentPeriod>().Where(p => p.Status == PeriodStatus.Contesting && p.ContestUntil < today).ToListAsync(ct);
        foreach (var p in expired)
            await commit.RunAsync(notes =>
            {
                p.CloseContest();
                notes.Record(AuditActions.AssessmentClose, p.Id.ToString(), $"{p.Month} 申诉期届满");
                return Task.CompletedTask;
            }, ct);
        return expired.Count;
    }
}
