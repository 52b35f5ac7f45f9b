using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Organization;
using Minsheng.Domain.Priorities;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.Priorities;

/// <summary>
/// 每月一题 for analysts (create, milestones, complete, publish), leaders and supervisors (read) and the lead unit's staff
/// (read theirs, report progress, complete milestones). Desk roles see the priorities of their jurisdiction (a city sees
/// its counties'); unit staff see those their unit leads. Anything else is "not found".
/// </summary>
public sealed class MonthlyPriorities(MinshengDb db, CurrentUser me, UnitTree units, AuditedCommit commit, TopicVolumeQuery volume, TimeProvider clock)
{
    /// <summary>Months of history shown before the priority's month.</summary>
    public const int MonthsShownBefore = 6;
    public const int ListMax = 200;

    public async Task<IReadOnlyList<PrioritySummary>> ListAsync(CancellationToken ct)
    {
        var rows = await Visible().Include(p => p.Milestones).AsNoTracking()
            .OrderByDescending(p => p.Month).ThenBy(p => p.JurisdictionId).Take(ListMax).ToListAsync(ct);
        return rows.Select(p => new PrioritySummary(p.Id, p.Month, p.Title, units.NameOf(p.JurisdictionId), units.NameOf(p.LeadUnitId), p.Status,
            Labels.PriorityStatus(p.Status), p.Milestones.Count(m => m.DoneAt != null), p.Milestones.Count, p.PublishedAt != null)).ToList();
    }

    public async Task<PriorityDetail?> GetAsync(long id, CancellationToken ct)
    {
        var p = await Load(id, ct);
        return p is null ? null : await DetailAsync(p, ct);
    }

    public Task<PriorityDetail> CreateAsync(PriorityRequest body, CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            RequireAnalyst();
            var jurisdiction = me.JurisdictionId;
            var errors = new FieldErrors();
            if (body.LeadUnitId is not { } lead || units.Find(lead) is null) errors.Add("leadUnitId", "请选择牵头单位。");
            else if (!me.InJurisdiction(lead)) errors.Add("leadUnitId", "牵头单位不在本辖区内。");
            var month = body.Month?.Trim() ?? "";
            if (PriorityMonth.TryParse(month, out _) && await db.Set<MonthlyPriority>().AnyAsync(p => p.JurisdictionId == jurisdiction && p.Month == month, ct))
                errors.Add("month", $"本辖区 {month} 已确定了每月一题，每月只定一题。");
            // One answer names every wrong field: the unit checks here and the domain's own checks together.
            var p = FieldCheck.Collect(errors, () => new MonthlyPriority(jurisdiction, month, body.Title ?? "", body.Problem ?? "",
                [body.KeyPhrases ?? ""], body.Place, body.LeadUnitId ?? 0, body.Measures ?? "", me.DisplayName, clock.GetUtcNow()));
            db.Add(p);
            await db.SaveChangesAsync(ct);
            NotifyLeadUnit(p, $"每月一题：{p.Title}", $"{units.NameOf(p.JurisdictionId)}将“{p.Title}”确定为 {p.Month} 的每月一题，由贵单位牵头。工作措施：{p.Measures}");
            notes.Record(AuditActions.PriorityCreate, p.Id.ToString(), $"{p.Month} {p.Title}");
            return await DetailAsync(p, ct);
        }, ct);

    public Task<PriorityDetail?> AddMilestoneAsync(long id, MilestoneRequest body, CancellationToken ct) =>
        Change(id, analystOnly: true, (p, notes) =>
        {
            var m = p.AddMilestone(body.Title ?? "", body.DueOn);
            notes.Record(AuditActions.PriorityMilestoneAdd, p.Id.ToString(), $"{m.Title} {m.DueOn:yyyy-MM-dd}");
        }, ct);

    public Task<PriorityDetail?> CompleteMilestoneAsync(long id, long milestoneId, MilestoneDoneRequest body, CancellationToken ct) =>
        Change(id, analystOnly: false, (p, notes) =>
        {
            p.CompleteMilestone(milestoneId, body.Note, clock.GetUtcNow());
            notes.Record(AuditActions.PriorityMilestoneDone, p.Id.ToString(), $"节点 {milestoneId}");
        }, ct);

    public Task<PriorityDetail?> ReportAsync(long id, ProgressRequest body, CancellationToken ct) =>
        Change(id, analystOnly: false, (p, notes) =>
        {
            p.Report(body.Text ?? "", me.Role.IsUnitStaff() ? me.UnitId : null, me.DisplayName, clock.GetUtcNow());
            notes.Record(AuditActions.PriorityProgress, p.Id.ToString(), body.Text);
        }, ct);

    public Task<PriorityDetail?> CompleteAsync(long id, CompleteRequest body, CancellationToken ct) =>
        Change(id, analystOnly: true, (p, notes) =>
        {
            p.Complete(body.Result ?? "", clock.GetUtcNow());
            notes.Record(AuditActions.PriorityComplete, p.Id.ToString(), p.Result);
        }, ct);

    public Task<PriorityDetail?> PublishAsync(long id, CancellationToken ct) =>
        Change(id, analystOnly: true, (p, notes) =>
        {
            p.Publish(clock.GetUtcNow());
            notes.Record(AuditActions.PriorityPublish, p.Id.ToString(), p.Title);
        }, ct);

    /// <summary>Published priorities of the portal's jurisdiction (a city portal shows its counties' too), newest month first.</summary>
    public async Task<IReadOnlyList<PublicPriority>> PublishedAsync(long? jurisdictionId, CancellationToken ct)
    {
        var q = db.Set<MonthlyPriority>().Include(p => p.Milestones).Include(p => p.Progress).AsNoTracking().Where(p => p.PublishedAt != null);
        if (jurisdictionId is { } j)
        {
            var subtree = units.Subtree(j).ToArray();
            q = q.Where(p => subtree.Contains(p.JurisdictionId));
        }
        var rows = await q.OrderByDescending(p => p.Month).Take(24).ToListAsync(ct);
        var list = new List<PublicPriority>();
        foreach (var p in rows)
            list.Add(new PublicPriority(p.Id, p.Month, p.Title, p.Problem, units.NameOf(p.LeadUnitId), p.Measures, Labels.PriorityStatus(p.Status), p.Result,
                Milestones(p), p.Progress.OrderBy(x => x.ReportedAt).Select(x => x.Text).ToList(), await VolumeAsync(p, ct)));
        return list;
    }

    /// <summary>The lead units an analyst can choose from: the active units of the jurisdiction.</summary>
    public IReadOnlyList<UnitInfo> LeadUnitChoices() =>
        units.Subtree(me.JurisdictionId).Select(units.Find).OfType<UnitInfo>().Where(u => u.Active && u.Kind != UnitKind.City)
            .OrderBy(u => u.Path).ToList();

    private async Task<PriorityDetail?> Change(long id, bool analystOnly, Action<MonthlyPriority, AuditNotes> change, CancellationToken ct)
    {
        var detail = await commit.RunAsync(async notes =>
        {
            var p = await Load(id, ct, tracked: true);
            if (p is null) return null;
            if (analystOnly) RequireAnalyst();
            else if (me.Role != Role.Analyst && !me.Role.IsUnitStaff())
                throw new ForbiddenException("只有分析员和牵头单位工作人员可以报送进展或完成节点。");
            change(p, notes);
            await db.SaveChangesAsync(ct);
            return p;
        }, ct);
        return detail is null ? null : await DetailAsync(detail, ct);
    }

    private void RequireAnalyst()
    {
        if (me.Role != Role.Analyst) throw new ForbiddenException("只有民意分析员可以确定和管理每月一题。");
    }

    private IQueryable<MonthlyPriority> Visible() => db.Set<MonthlyPriority>().VisibleTo(me, units);

    private Task<MonthlyPriority?> Load(long id, CancellationToken ct, bool tracked = false)
    {
        var q = Visible().Include(p => p.Milestones).Include(p => p.Progress).Where(p => p.Id == id);
        return (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    private async Task<PriorityDetail> DetailAsync(MonthlyPriority p, CancellationToken ct) =>
        new(p.Id, p.Month, p.Title, p.Problem, p.Phrases, p.Place, p.LeadUnitId, units.NameOf(p.LeadUnitId), units.NameOf(p.JurisdictionId),
            p.Measures, p.Status, Labels.PriorityStatus(p.Status), p.Result, p.CompletedAt, p.PublishedAt, Milestones(p),
            p.Progress.OrderByDescending(x => x.ReportedAt)
                .Select(x => new ProgressView(x.Id, x.Text, x.UnitId is { } u ? units.NameOf(u) : null, x.ReportedBy, x.ReportedAt)).ToList(),
            await VolumeAsync(p, ct),
            MayEdit: me.Role == Role.Analyst && p.Status == PriorityStatus.Active,
            MayReport: p.Status == PriorityStatus.Active && (me.Role == Role.Analyst || me.Role.IsUnitStaff()));

    private IReadOnlyList<MilestoneView> Milestones(MonthlyPriority p)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        return p.Milestones.OrderBy(m => m.DueOn).ThenBy(m => m.Id)
            .Select(m => new MilestoneView(m.Id, m.Title, m.DueOn, m.DoneAt, m.DoneNote, m.DoneAt is null && m.DueOn < today)).ToList();
    }

    private async Task<VolumeView> VolumeAsync(MonthlyPriority p, CancellationToken ct)
    {
        var start = PriorityMonth.Parse(p.Month);
        var current = PriorityMonth.Of(ChinaTime.DateOf(clock.GetUtcNow()));
        var to = current < start ? start : (current > start.AddMonths(12) ? start.AddMonths(12) : current);
        var series = await volume.MonthlyAsync(p.JurisdictionId, p.Phrases, p.Place, start.AddMonths(-MonthsShownBefore), to, ct);
        return VolumeView.From(VolumeComparison.Compare(series, start, current));
    }

    private void NotifyLeadUnit(MonthlyPriority p, string title, string body) =>
        db.Notifications.Add(new Notification($"priority:{p.Id}", NotificationKind.MonthlyPriority, Audience.Unit, p.LeadUnitId, null, null,
            title, body, null, clock.GetUtcNow()));
}
