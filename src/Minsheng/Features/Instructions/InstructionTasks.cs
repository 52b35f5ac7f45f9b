using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Instructions;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Organization;
using Minsheng.Domain.Privacy;
using Minsheng.Features.Analysis.Bulletins;
using Minsheng.Features.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Features.TimeLimits;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Instructions;

/// <summary>
/// Leaders' instructions (批示) as tracked 交办 tasks. A leader instructs on anything they can see and assigns a lead
/// unit (and co-units) of their own subtree — a city leader into a county — with a deadline in working days. The unit
/// head reports back; the leader accepts (闭环, or 纳入工作计划 when proposed) or returns it with a new deadline.
/// Leaders see their own instructions, supervisors every task of their subtree, unit staff their units' tasks, with
/// appeal text masked: the complainant's identity never reaches the unit through a task.
/// </summary>
public sealed class InstructionTasks(MinshengDb db, AuditedCommit commit, CurrentUser me, UnitTree units, TimeProvider clock,
    TimeLimitCache timeLimits, Bulletins bulletins, AppealScope scope, AppealText appealText,
    Analysis.Reports.ReportDesk reports, Analysis.HotTopics.HotTopics topics)
{
    public const int TextMax = 1000;
    public const int ReportMax = 2000;

    private string NotFound => "找不到该交办事项，或不在您的管辖范围内。";

    /// <summary>The caller's list: a leader's own instructions, a supervisor's jurisdiction (overdue first), a unit's tasks.</summary>
    public async Task<List<InstructionView>> ListAsync(CancellationToken ct)
    {
        var rows = me.Role == Role.Leader
            ? await db.Set<Instruction>().AsNoTracking().Where(i => i.LeaderId == me.Id).ToListAsync(ct)
            : await VisibleAsync(null, ct);
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var ordered = rows.OrderByDescending(i => InstructionDeadlines.Overdue(i.Status, i.DueAt, now))
            .ThenByDescending(i => InstructionWorkflow.DueForReview(i.Status, i.ReviewOn, today))
            .ThenBy(i => i.Status == InstructionStatus.Closed).ThenBy(i => i.DueAt).Take(500).ToList();
        return await ViewsAsync(ordered, withEvents: false, ct);
    }

    public async Task<InstructionView?> GetAsync(long id, CancellationToken ct) =>
        (await VisibleAsync(id, ct)) is [var one] ? (await ViewsAsync([one], withEvents: true, ct))[0] : null;

    /// <summary>A new instruction; target errors name "targetRef", unit errors "leadUnitId"/"coUnitIds".</summary>
    public async Task<InstructionView> CreateAsync(InstructionRequest r, CancellationToken ct)
    {
        if (me.Role != Role.Leader) throw new OutOfScopeException("只有领导可以作出批示。");
        var errors = new FieldErrors().Text("text", r.Text, "批示内容", TextMax).Text("targetRef", r.TargetRef, "批示对象", 100);
        if (r.TargetKind is not { } kind || !Enum.IsDefined(kind)) errors.Add("targetKind", "批示对象类型无效。");
        if (r.DeadlineDays is not (>= 1 and <= InstructionWorkflow.MaxDeadlineDays)) errors.Add("deadlineDays", $"办理时限应为 1 到 {InstructionWorkflow.MaxDeadlineDays} 个工作日。");
        errors.ThrowIfAny();
        var target = await ResolveAsync(r.TargetKind!.Value, r.TargetRef!.Trim(), r.TargetTitle, ct);
        var lead = r.LeadUnitId ?? target.DefaultLead;
        UnitErrors(lead, r.CoUnitIds ?? [], errors);
        errors.ThrowIfAny();
        var co = (r.CoUnitIds ?? []).Distinct().Where(u => u != lead).ToList();
        var now = clock.GetUtcNow();
        var due = timeLimits.Schedule.Time.AddWorkingDays(now, r.DeadlineDays!.Value).Due;
        var jurisdiction = units.JurisdictionOf(lead!.Value)?.Id ?? me.JurisdictionId;
        return await commit.RunAsync(async notes =>
        {
            var task = new Instruction(jurisdiction, target.Target, r.Text!.Trim(), me.Id, me.DisplayName, lead.Value, co, due, now);
            db.Add(task);
            await db.SaveChangesAsync(ct);
            db.Add(new InstructionEvent(task.Id, "assign", me.DisplayName, task.Text, now));
            foreach (var unit in co.Prepend(lead.Value))
                db.Notifications.Add(new Notification($"instruction-assign:{task.Id}:{unit}", NotificationKind.InstructionAssigned, Audience.Unit, unit, null, null,
                    $"批示交办：{Short(task.TargetTitle)}", $"{me.DisplayName}批示：{task.Text}（{(unit == lead ? "主办" : "协办")}，请于 {Ui(due)} 前办理并报告办理情况：/instructions/{task.Id}）", due, now));
            notes.Record(AuditActions.InstructionCreate, task.Id.ToString(), $"{task.TargetKind}:{task.TargetRef} lead={lead} due={Ui(due)}");
            return (await ViewsAsync([task], withEvents: true, ct))[0];
        }, ct);
    }

    public async Task<InstructionView?> ReportAsync(long id, InstructionReportRequest r, CancellationToken ct)
    {
        if (me.Role != Role.UnitHead) throw new OutOfScopeException("办理情况报告由主办单位负责人提交。");
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var errors = new FieldErrors().Text("text", r.Text, "办理情况", ReportMax);
        if (r.Outcome is not { } outcome || !Enum.IsDefined(outcome)) errors.Add("outcome", "请选择办理结果。");
        else if (outcome == ReportOutcome.Plan)
        {
            errors.Text("planText", r.PlanText, "工作计划", ReportMax);
            if (r.ReviewOn is not { } on) errors.Add("reviewOn", "请填写复查日期。");
            else if (on <= today || on > today.AddYears(2)) errors.Add("reviewOn", "复查日期应在今天之后、两年以内。");
        }
        errors.ThrowIfAny();
        return await ChangeAsync(id, AuditActions.InstructionReport, task =>
        {
            if (!me.Covers(task.LeadUnitId)) throw new OutOfScopeException("只有主办单位负责人可以报告办理情况，协办单位请向主办单位提供材料。");
            task.Report(r.Outcome!.Value, r.Text!.Trim(), r.PlanText?.Trim(), r.ReviewOn, me.DisplayName, clock.GetUtcNow());
            return ("report", $"{Labels.ReportOutcome(r.Outcome.Value)}：{task.ReportText}" + (task.PlanText is { } p ? $"\n工作计划：{p}（{task.ReviewOn:yyyy-MM-dd} 复查）" : ""),
                new Notification($"instruction-report:{task.Id}:{task.Round}", NotificationKind.InstructionReported, Audience.Leaders, task.JurisdictionId, null, null,
                    $"办理情况报告：{Short(task.TargetTitle)}", $"{units.NameOf(task.LeadUnitId)}已报告{Labels.ReportOutcome(r.Outcome.Value)}，请审阅：/instructions/{task.Id}", null, clock.GetUtcNow()));
        }, ct);
    }

    public Task<InstructionView?> AcceptAsync(long id, CancellationToken ct) =>
        ChangeAsync(id, AuditActions.InstructionAccept, task =>
        {
            RequireIssuer(task);
            task.Accept(clock.GetUtcNow());
            return (task.Status == InstructionStatus.Planned ? "plan" : "accept",
                task.Status == InstructionStatus.Planned ? $"{task.PlanText}（{task.ReviewOn:yyyy-MM-dd} 复查）" : null, null);
        }, ct);

    public async Task<InstructionView?> ReturnAsync(long id, InstructionReturnRequest r, CancellationToken ct)
    {
        var errors = new FieldErrors().Text("reason", r.Reason, "退回意见", TextMax);
        if (r.DeadlineDays is not (>= 1 and <= InstructionWorkflow.MaxDeadlineDays)) errors.Add("deadlineDays", $"办理时限应为 1 到 {InstructionWorkflow.MaxDeadlineDays} 个工作日。");
        errors.ThrowIfAny();
        return await ChangeAsync(id, AuditActions.InstructionReturn, task =>
        {
            RequireIssuer(task);
            var now = clock.GetUtcNow();
            var due = timeLimits.Schedule.Time.AddWorkingDays(now, r.DeadlineDays!.Value).Due;
            task.Return(due);
            return ("return", $"{r.Reason!.Trim()}（新期限 {Ui(due)}）",
                new Notification($"instruction-return:{task.Id}:{task.Round}", NotificationKind.InstructionAssigned, Audience.Unit, task.LeadUnitId, null, null,
                    $"退回重办：{Short(task.TargetTitle)}", $"{me.DisplayName}退回意见：{r.Reason.Trim()}（请于 {Ui(due)} 前办理并重新报告：/instructions/{task.Id}）", due, now));
        }, ct);
    }

    private async Task<InstructionView?> ChangeAsync(long id, AuditAction action, Func<Instruction, (string Kind, string? Text, Notification? Notice)> change, CancellationToken ct) =>
        await commit.RunAsync(async notes =>
        {
            if (await VisibleAsync(id, ct) is not [var seen]) return null;
            var task = await db.Set<Instruction>().FirstAsync(i => i.Id == seen.Id, ct);
            var (kind, text, notice) = change(task);
            db.Add(new InstructionEvent(task.Id, kind, me.DisplayName, text, clock.GetUtcNow()));
            if (notice is not null) db.Notifications.Add(notice);
            notes.Record(action, task.Id.ToString(), $"{Labels.InstructionStatus(task.Status)} round={task.Round}");
            return (InstructionView?)(await ViewsAsync([task], withEvents: false, ct))[0];
        }, ct);

    private void RequireIssuer(Instruction task)
    {
        if (me.Role != Role.Leader || task.LeaderId != me.Id) throw new OutOfScopeException($"只有作出批示的领导（{task.LeaderName}）可以审阅办理情况。");
    }

    /// <summary>The tasks the caller may open (one when id is given): leaders theirs and their subtree's, supervisors their subtree's, units theirs.</summary>
    private async Task<List<Instruction>> VisibleAsync(long? id, CancellationToken ct)
    {
        var subtree = units.Subtree(me.UnitId).ToHashSet();
        var ids = subtree.ToArray();
        var q = db.Set<Instruction>().AsNoTracking();
        if (id is { } one) q = q.Where(i => i.Id == one);
        switch (me.Role)
        {
            case Role.Leader:
                return await q.Where(i => i.LeaderId == me.Id || ids.Contains(i.LeadUnitId)).ToListAsync(ct);
            case Role.Supervisor:
                return await q.Where(i => ids.Contains(i.LeadUnitId)).ToListAsync(ct);
            case Role.UnitHandler or Role.UnitHead:
                // Co-units are a short list on the row; the candidates are few, the check is exact.
                var rows = await q.Where(i => ids.Contains(i.LeadUnitId) || i.CoUnitIds != "").ToListAsync(ct);
                return rows.Where(i => subtree.Contains(i.LeadUnitId) || i.CoUnits.Any(subtree.Contains)).ToList();
            default:
                return [];
        }
    }

    private sealed record Resolved(InstructionTarget Target, long? DefaultLead);

    private async Task<Resolved> ResolveAsync(InstructionTargetKind kind, string reference, string? title, CancellationToken ct)
    {
        switch (kind)
        {
            case InstructionTargetKind.BulletinItem:
                if (!long.TryParse(reference, out var itemId) || await bulletins.IssuedItemAsync(itemId, ct) is not { } found)
                    throw new DomainValidationException("targetRef", "找不到该《民意参考》条目，或它尚未签发、不在您的管辖范围内。");
                return new(new InstructionTarget(kind, reference, found.Item.Title, BulletinItemId: found.Item.Id), null);
            case InstructionTargetKind.Appeal:
                var appeal = long.TryParse(reference, out var appealId)
                    ? await scope.Visible().AsNoTracking().Where(a => a.Id == appealId).Select(a => new { a.Id, a.Title, a.CitizenName, a.LeadUnitId }).FirstOrDefaultAsync(ct)
                    : null;
                if (appeal is null) throw new DomainValidationException("targetRef", "找不到该诉求，或不在您的管辖范围内。");
                return new(new InstructionTarget(kind, reference, appealText.Show(appeal.Title, TextExposure.Masked, appeal.CitizenName), AppealId: appeal.Id), appeal.LeadUnitId);
            case InstructionTargetKind.Report:
                // Only a report the leader may read: issued, of the leader's jurisdiction.
                var report = long.TryParse(reference, out var reportId) ? await reports.FindAsync(reportId, ct) : null;
                if (report is null) throw new DomainValidationException("targetRef", "找不到该报告，或它尚未签发、不在您的管辖范围内。");
                return new(new InstructionTarget(kind, reference, report.Title), null);
            case InstructionTargetKind.Topic:
                var topic = long.TryParse(reference, out var topicId) ? await topics.DetailAsync(topicId, ct) : null;
                if (topic is null) throw new DomainValidationException("targetRef", "找不到该热点问题，或不在您的管辖范围内。");
                return new(new InstructionTarget(kind, reference, topic.Topic.Title), null);
            default:
                throw new DomainValidationException("targetKind", "不支持的批示对象。");
        }
    }

    private void UnitErrors(long? lead, long[] co, FieldErrors errors)
    {
        string? Problem(long unit) => units.Find(unit) is not { Active: true } info ? "单位不存在或已停用。"
            : !me.Covers(unit) ? "单位不在您的管辖范围内。"
            : info.ParentId is null || info.Kind.IsJurisdiction() ? "请选择具体的承办单位（部门、乡镇等），不能交办给县（市）本级。" : null;
        if (lead is not { } l) errors.Add("leadUnitId", "请选择主办单位。");
        else if (Problem(l) is { } p) errors.Add("leadUnitId", p);
        foreach (var c in co.Distinct())
            if (Problem(c) is { } p) errors.Add("coUnitIds", $"{units.NameOf(c)}：{p}");
    }

    private async Task<List<InstructionView>> ViewsAsync(IReadOnlyList<Instruction> rows, bool withEvents, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var unitView = me.Role.IsUnitStaff();
        var appealIds = rows.Where(i => i.AppealId != null).Select(i => i.AppealId!.Value).Distinct().ToArray();
        // Units read the appeal behind a task masked, whether or not it was dispatched to them.
        var appeals = await db.Appeals.AsNoTracking().Where(a => appealIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Content, a.CitizenName }).ToDictionaryAsync(a => a.Id, ct);
        var itemIds = rows.Where(i => i.BulletinItemId != null).Select(i => i.BulletinItemId!.Value).Distinct().ToArray();
        var items = await db.Set<BulletinItem>().AsNoTracking().Where(i => itemIds.Contains(i.Id))
            .Select(i => new { i.Id, i.BulletinId, i.Problem }).ToDictionaryAsync(i => i.Id, ct);
        var ids = rows.Select(i => i.Id).ToArray();
        var events = withEvents
            ? (await db.Set<InstructionEvent>().AsNoTracking().Where(e => ids.Contains(e.InstructionId)).OrderBy(e => e.Id).ToListAsync(ct)).ToLookup(e => e.InstructionId)
            : null;
        return rows.Select(i =>
        {
            string? link = null, background = null;
            if (i.AppealId is { } aid && appeals.GetValueOrDefault(aid) is { } a)
            {
                link = unitView ? null : $"/appeals/{aid}";
                background = $"{appealText.Show(a.Title, TextExposure.Masked, a.CitizenName)}：{appealText.Show(a.Content, TextExposure.Masked, a.CitizenName)}";
            }
            else if (i.BulletinItemId is { } iid && items.GetValueOrDefault(iid) is { } it)
            {
                link = unitView ? null : $"/bulletins/{it.BulletinId}#item-{iid}";
                background = it.Problem;
            }
            var canReport = me.Role == Role.UnitHead && i.Status == InstructionStatus.Assigned && me.Covers(i.LeadUnitId);
            var canDecide = me.Role == Role.Leader && i.LeaderId == me.Id && i.Status is InstructionStatus.Reported or InstructionStatus.Planned;
            return new InstructionView(i.Id, i.TargetKind, Labels.InstructionTarget(i.TargetKind), i.TargetRef, i.TargetTitle, link, background,
                i.Text, i.LeaderName, i.LeadUnitId, units.NameOf(i.LeadUnitId), i.CoUnits.Select(u => units.NameOf(u)).ToList(),
                i.DueAt, InstructionDeadlines.Overdue(i.Status, i.DueAt, now), i.Round, i.Status, Labels.InstructionStatus(i.Status),
                i.ReportOutcome, i.ReportText, i.PlanText, i.ReviewOn, InstructionWorkflow.DueForReview(i.Status, i.ReviewOn, today),
                i.ReportedBy, i.ReportedAt, i.ClosedAt, i.CreatedAt, canReport, canDecide,
                events is null ? [] : events[i.Id].Select(e => new InstructionEventView(e.Kind, Labels.InstructionEvent(e.Kind), e.Actor, e.Text, e.At)).ToList());
        }).ToList();
    }

    private static string Ui(DateTimeOffset t) => ChinaTime.ToChina(t).ToString("yyyy-MM-dd HH:mm");

    private static string Short(string s) => s.Length <= 30 ? s : s[..30] + "……";
}
