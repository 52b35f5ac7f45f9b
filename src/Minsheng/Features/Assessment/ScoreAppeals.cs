using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Assessment;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Instructions;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Assessment;

/// <summary>
/// 本单位考核 and 申诉: a unit's own sheet (score, rank, every item that cost or earned points), the unit head contesting
/// an item within the window, the office ruling on each (an upheld one exempts the item and the month is recomputed
/// at once), and declared force majeure.
/// </summary>
public sealed class ScoreAppeals(MinshengDb db, AuditedCommit commit, CurrentUser me, UnitTree units, AssessmentAccess access,
    AssessmentDesk desk, TimeProvider clock)
{
    public const int QueueMax = 200;

    /// <summary>The sheet of the caller's unit (unit staff) or of any assessed unit (readers of the jurisdiction).</summary>
    public async Task<UnitSheet?> SheetAsync(string? month, long? unitId, long? jurisdictionId, CancellationToken ct)
    {
        var unit = access.IsUnitStaff ? me.UnitId : unitId;
        if (unit is not { } u || access.Jurisdiction(access.IsUnitStaff ? null : jurisdictionId) is not { } j) return null;
        if (!me.InJurisdiction(u) && access.IsUnitStaff) return null;
        if (!access.IsUnitStaff && !units.IsWithin(u, j)) return null;
        var p = await desk.FindAsync(j, month, ct);
        if (p is null) return null;
        var row = await db.Set<AssessmentRow>().AsNoTracking().FirstOrDefaultAsync(r => r.PeriodId == p.Id && r.UnitId == u, ct);
        var appeals = await ListAsync(db.Set<ScoreAppeal>().Where(a => a.PeriodId == p.Id && a.UnitId == u), ct);
        var items = row is null ? [] : ScoreDetail.FromJson(row.DetailJson).Items;
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        return new UnitSheet(desk.Summary(p, appeals.Count(a => a.Status == ScoreAppealStatus.Pending)), u, units.NameOf(u),
            row is null ? null : AssessmentDesk.Ranked(row), items, appeals,
            me.Role == Role.UnitHead && me.UnitId == u && p.MayContest(today), p.Status == PeriodStatus.Published);
    }

    /// <summary>Files a 申诉 on one item of the head's own unit, with a reason and evidence (text and/or a file).</summary>
    public Task<ScoreAppealView> FileAsync(ScoreAppealRequest body, string? fileName, string? contentType, byte[]? file, CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            if (me.Role != Role.UnitHead) throw new ForbiddenException("只有单位负责人可以提出考核申诉。");
            var j = me.JurisdictionId;
            var errors = new FieldErrors();
            if (string.IsNullOrWhiteSpace(body.Month)) errors.Add("month", "请选择考核月份。");
            if (string.IsNullOrWhiteSpace(body.ItemKey)) errors.Add("itemKey", "请选择要申诉的事项。");
            errors.ThrowIfAny();
            var p = await desk.FindAsync(j, body.Month, ct) ?? throw new DomainValidationException("month", "该月没有考核。");
            if (!p.MayContest(ChinaTime.DateOf(clock.GetUtcNow())))
                throw new WorkflowConflictException("不在申诉期内", $"{p.Month} 的考核当前为“{Labels.PeriodStatus(p.Status)}”" +
                    (p.ContestUntil is { } until ? $"，申诉截止日期为 {until:yyyy-MM-dd}。" : "，尚未开放申诉。"));
            var row = await db.Set<AssessmentRow>().AsNoTracking().FirstOrDefaultAsync(r => r.PeriodId == p.Id && r.UnitId == me.UnitId, ct);
            var item = row is null ? null : ScoreDetail.FromJson(row.DetailJson).Items.FirstOrDefault(i => i.Key == body.ItemKey);
            if (item is null || item.Kind is ItemKind.Praise or ItemKind.Priority)
                throw new DomainValidationException("itemKey", "本单位该月的扣分事项中没有这一项。");
            if (await db.Set<ScoreAppeal>().AnyAsync(a => a.PeriodId == p.Id && a.UnitId == me.UnitId && a.ItemKey == item.Key, ct))
                throw new WorkflowConflictException("已经申诉过", "该事项已经提出过申诉，每项只能申诉一次。");
            var label = item.Metric is { } m ? $"{Labels.AssessedMetric(m)}·{Labels.MetricMiss(m)}：{item.Label}" : item.Label;
            var a = new ScoreAppeal(p.Id, me.UnitId, item.Key, label, body.Reason, body.Evidence, fileName, contentType, file, me.DisplayName, clock.GetUtcNow());
            db.Add(a);
            await db.SaveChangesAsync(ct);
            db.Notifications.Add(new Notification($"score-appeal:{a.Id}:filed", NotificationKind.ScoreAppealFiled, Audience.Supervisors, me.UnitId, item.AppealId, null,
                $"考核申诉：{units.NameOf(me.UnitId)}", $"{units.NameOf(me.UnitId)}对 {p.Month} 考核的“{label}”提出申诉：{a.Reason}", null, clock.GetUtcNow()));
            notes.Record(AuditActions.ScoreAppealFile, a.Id.ToString(), $"{p.Month} {item.Key}");
            return View(a, p.Month);
        }, ct);

    /// <summary>The office rules: upheld exempts the item and recomputes the month at once; rejected leaves it. Both need a reason.</summary>
    public Task<ScoreAppealView?> RuleAsync(RulingRequest body, CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            var errors = new FieldErrors();
            if (body.AppealId is null) errors.Add("appealId", "请指定申诉。");
            if (body.Uphold is null) errors.Add("uphold", "请选择申诉成立或不予支持。");
            errors.ThrowIfAny();
            var a = await db.Set<ScoreAppeal>().FirstOrDefaultAsync(x => x.Id == body.AppealId, ct);
            var p = a is null ? null : await db.Set<AssessmentPeriod>().FirstOrDefaultAsync(x => x.Id == a.PeriodId, ct);
            if (a is null || p is null || !access.Reads(p.JurisdictionId)) return null;
            access.RequireOffice(p.JurisdictionId);
            if (!p.MayRecompute) throw new WorkflowConflictException("考核已冻结", $"{p.Month} 的考核已冻结，不能再审核申诉。");
            a.Rule(body.Uphold!.Value, body.Ruling, me.DisplayName, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            if (a.Status == ScoreAppealStatus.Upheld) await desk.RecomputeAsync(p, ct);
            var verdict = Labels.ScoreAppealStatus(a.Status);
            db.Notifications.Add(new Notification($"score-appeal:{a.Id}:ruled", NotificationKind.ScoreAppealRuled, Audience.Unit, a.UnitId, null, null,
                $"申诉审核结果：{verdict}", $"贵单位对 {p.Month} 考核“{a.ItemLabel}”的申诉：{verdict}。审核意见：{a.Ruling}", null, clock.GetUtcNow()));
            notes.Record(AuditActions.ScoreAppealRule, a.Id.ToString(), $"{verdict}：{a.Ruling}");
            return View(a, p.Month);
        }, ct);

    /// <summary>Appeals of a jurisdiction (readers; pending first) or of the caller's unit (unit staff).</summary>
    public async Task<IReadOnlyList<ScoreAppealView>> QueueAsync(long? jurisdictionId, bool pendingOnly, CancellationToken ct)
    {
        if (access.Jurisdiction(jurisdictionId) is not { } j) return [];
        var periods = db.Set<AssessmentPeriod>().Where(p => p.JurisdictionId == j).Select(p => p.Id);
        var q = db.Set<ScoreAppeal>().Where(a => periods.Contains(a.PeriodId));
        if (access.IsUnitStaff) q = q.Where(a => a.UnitId == me.UnitId);
        if (pendingOnly) q = q.Where(a => a.Status == ScoreAppealStatus.Pending);
        return await ListAsync(q, ct);
    }

    /// <summary>The evidence file of an appeal the caller may see; null when there is none or it is out of sight.</summary>
    public async Task<(string Name, string Type, byte[] Content)?> EvidenceAsync(long id, CancellationToken ct)
    {
        var a = await db.Set<ScoreAppeal>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a?.EvidenceFile is null) return null;
        var j = await db.Set<AssessmentPeriod>().Where(p => p.Id == a.PeriodId).Select(p => p.JurisdictionId).FirstAsync(ct);
        var visible = access.IsUnitStaff ? a.UnitId == me.UnitId : access.Reads(j);
        return visible ? (a.EvidenceFileName ?? "evidence", a.EvidenceContentType ?? "application/octet-stream", a.EvidenceFile) : null;
    }

    /// <summary>不可抗力: the office declares a period (for some units or all); open months overlapping it are recomputed.</summary>
    public Task<ForceMajeureView> DeclareAsync(ForceMajeureRequest body, CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            var j = me.JurisdictionId;
            access.RequireOffice(j);
            var ids = body.UnitIds ?? [];
            if (ids.Any(u => units.Find(u) is null || !units.IsWithin(u, j))) throw new DomainValidationException("unitIds", "所选单位不在本辖区内。");
            var f = new ForceMajeure(j, body.From, body.To, ids, body.Reason, me.DisplayName, clock.GetUtcNow());
            db.Add(f);
            await db.SaveChangesAsync(ct);
            var fromMonth = f.FromDate.ToString("yyyy-MM");
            var toMonth = f.ToDate.ToString("yyyy-MM");
            var open = await db.Set<AssessmentPeriod>().Where(p => p.JurisdictionId == j && string.Compare(p.Month, fromMonth) >= 0
                && string.Compare(p.Month, toMonth) <= 0).ToListAsync(ct);
            foreach (var p in open.Where(p => p.MayRecompute)) await desk.RecomputeAsync(p, ct);
            notes.Record(AuditActions.ForceMajeureDeclare, f.Id.ToString(), $"{f.FromDate:yyyy-MM-dd}~{f.ToDate:yyyy-MM-dd} {f.Reason}");
            return new ForceMajeureView(f.Id, f.FromDate, f.ToDate, f.Units.Select(u => units.NameOf(u)).ToList(), f.Reason, f.DeclaredBy);
        }, ct);

    private async Task<IReadOnlyList<ScoreAppealView>> ListAsync(IQueryable<ScoreAppeal> q, CancellationToken ct)
    {
        // The file itself stays in the database: lists carry only its name.
        var rows = await q.AsNoTracking().OrderBy(a => a.Status == ScoreAppealStatus.Pending ? 0 : 1).ThenByDescending(a => a.FiledAt).Take(QueueMax)
            .Select(a => new { a.Id, a.PeriodId, a.UnitId, a.ItemKey, a.ItemLabel, a.Reason, a.EvidenceText, a.EvidenceFileName, a.Status, a.Ruling, a.RuledBy, a.RuledAt, a.FiledBy, a.FiledAt })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.PeriodId).Distinct().ToArray();
        var months = await db.Set<AssessmentPeriod>().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Month, ct);
        return rows.Select(a => new ScoreAppealView(a.Id, a.PeriodId, months.GetValueOrDefault(a.PeriodId, ""), a.UnitId, units.NameOf(a.UnitId), a.ItemKey,
            a.ItemLabel, a.Reason, a.EvidenceText, a.EvidenceFileName, a.Status, Labels.ScoreAppealStatus(a.Status), a.Ruling, a.RuledBy, a.RuledAt,
            a.FiledBy, a.FiledAt)).ToList();
    }

    private ScoreAppealView View(ScoreAppeal a, string month) => new(a.Id, a.PeriodId, month, a.UnitId, units.NameOf(a.UnitId), a.ItemKey, a.ItemLabel,
        a.Reason, a.EvidenceText, a.EvidenceFileName, a.Status, Labels.ScoreAppealStatus(a.Status), a.Ruling, a.RuledBy, a.RuledAt, a.FiledBy, a.FiledAt);
}
