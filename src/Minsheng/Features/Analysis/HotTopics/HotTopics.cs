using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.HotTopics;

/// <summary>
/// 热点问题 for analysts (read, recompute, edit) and leaders (read): the topics of the caller's jurisdiction — a
/// county, or a city with its counties — or of a county within a city caller's jurisdiction (unitId). A topic or
/// jurisdiction outside the caller's is refused with 403; the appeals of a topic are read through AppealScope and
/// shown masked by AppealPresenter, as every list of appeals is.
/// </summary>
public sealed class HotTopics(MinshengDb db, HotTopicComputer computer, AuditedCommit commit, CurrentUser me, UnitTree units,
    AppealScope scope, AppealPresenter presenter, TimeProvider clock)
{
    public const string ReadRoles = nameof(Role.Analyst) + "," + nameof(Role.Leader);
    public const string EditRoles = nameof(Role.Analyst);
    public const int TitleMax = 60;
    public const int DefaultDays = 30;

    public const string TrendRule =
        "趋势：与上一个等长时段比较。上期件数为上期受理、提到本热点地点（如有）且含本热点前五个关键词中至少两个（只有一个时含该词）的诉求数；上期为 0 时记为“新出现”。";

    public bool MayEdit => me.Role == Role.Analyst;

    public static int ValidDays(int? days)
    {
        if (days is null) return DefaultDays;
        if (!TopicPeriod.Lengths.Contains(days.Value))
            throw new DomainValidationException("days", $"统计时段只能是 {string.Join("、", TopicPeriod.Lengths)} 天。");
        return days.Value;
    }

    /// <summary>The jurisdiction asked for: the caller's own by default, or a county or city inside it.</summary>
    public UnitInfo Jurisdiction(long? unitId)
    {
        var own = units.Find(me.JurisdictionId) ?? throw new OutOfScopeException("账号所在单位不属于任何辖区。");
        if (unitId is null || unitId == own.Id) return own;
        if (units.Find(unitId.Value) is not { Active: true } unit || !(unit.Kind.IsJurisdiction() || unit.ParentId is null))
            throw new DomainValidationException("unitId", "请选择一个县（区）或市。");
        if (!units.IsWithin(unit.Id, own.Id)) throw new OutOfScopeException("超出管辖范围：只能查看本辖区的热点问题。");
        return unit;
    }

    private void RequireWithin(long jurisdictionId)
    {
        if (!units.IsWithin(jurisdictionId, me.JurisdictionId)) throw new OutOfScopeException("超出管辖范围：只能查看本辖区的热点问题。");
    }

    private void RequireAnalyst()
    {
        if (!MayEdit) throw new OutOfScopeException("只有分析员可以重新计算或编辑热点问题，领导只能查看。");
    }

    public async Task<TopicListView> ListAsync(int? days, long? unitId, CancellationToken ct)
    {
        var d = ValidDays(days);
        var j = Jurisdiction(unitId);
        var run = await db.Set<HotTopicRun>().AsNoTracking().FirstOrDefaultAsync(r => r.JurisdictionId == j.Id && r.Days == d, ct);
        var rows = await db.Set<HotTopic>().AsNoTracking().Where(t => t.JurisdictionId == j.Id && t.Days == d).OrderBy(t => t.Rank).ToListAsync(ct);
        var unattached = await db.Set<HotTopicEdit>().CountAsync(e => e.JurisdictionId == j.Id && e.Days == d && !e.Attached, ct);
        var period = run is null ? TopicPeriod.Ending(clock.GetUtcNow(), d) : TopicPeriod.Ending(run.PeriodEnd, d);
        return new TopicListView(j.Id, j.Name, d, period.Start, run?.PeriodEnd ?? period.End, run?.ComputedAt, run?.Documents ?? 0, TopicEngine.Formula, TrendRule,
            rows.Where(t => !t.Dismissed).Select(TopicView.Of).ToList(), rows.Where(t => t.Dismissed).Select(TopicView.Of).ToList(), unattached, MayEdit);
    }

    /// <summary>Null when there is no such topic; 403 when it lies outside the caller's jurisdiction.</summary>
    public async Task<TopicDetailView?> DetailAsync(long id, CancellationToken ct)
    {
        var t = await db.Set<HotTopic>().AsNoTracking().Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return null;
        RequireWithin(t.JurisdictionId);
        var ids = t.Members.Select(m => m.AppealId).ToList();
        var appeals = await scope.Visible().AsNoTracking().Where(a => ids.Contains(a.Id)).OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id).ToListAsync(ct);
        var run = await db.Set<HotTopicRun>().AsNoTracking().FirstAsync(r => r.JurisdictionId == t.JurisdictionId && r.Days == t.Days, ct);
        var edits = await db.Set<HotTopicEdit>().AsNoTracking().Where(e => e.TopicId == id).OrderBy(e => e.Id).ToListAsync(ct);
        var others = await db.Set<HotTopic>().AsNoTracking().Where(x => x.JurisdictionId == t.JurisdictionId && x.Days == t.Days && x.Id != id && !x.Dismissed)
            .OrderBy(x => x.Rank).Select(x => new TopicRef(x.Id, x.Title, x.Appeals)).ToListAsync(ct);
        return new TopicDetailView(TopicView.Of(t), t.JurisdictionId, units.NameOf(t.JurisdictionId), t.Days, run.PeriodStart, run.PeriodEnd,
            await presenter.SummariesAsync(appeals, ct),
            edits.Select(e => new TopicEditView(e.Id, e.Kind, Labels.TopicEdit(e.Kind), e.Value, e.Kind == TopicEditKind.Split ? e.Other?.Count ?? 0 : 0,
                e.Attached, e.CreatedAt, e.CreatedBy)).ToList(),
            others, MayEdit);
    }

    /// <summary>Recomputes the given period (or all three) of the jurisdiction now: the analyst's button and POST …/recompute.</summary>
    public async Task<RecomputeView> RecomputeAsync(RecomputeRequest? body, long? unitId, CancellationToken ct)
    {
        RequireAnalyst();
        var lengths = body?.Days is null ? TopicPeriod.Lengths : [ValidDays(body.Days)];
        var j = Jurisdiction(unitId);
        var done = new List<RecomputedPeriod>();
        foreach (var d in lengths)
        {
            var run = await commit.RunAsync(notes => computer.RecomputeAsync(j.Id, d, notes, ct), ct);
            done.Add(new RecomputedPeriod(d, run.Documents, await db.Set<HotTopic>().CountAsync(t => t.JurisdictionId == j.Id && t.Days == d && !t.Dismissed, ct), run.ComputedAt));
        }
        return new RecomputeView(j.Id, j.Name, done);
    }

    /// <summary>
    /// Records an edit and applies it to the stored topics at once; the answer is the topic it landed on (the merged
    /// topic, or the topic a split left). Null when the topic does not exist.
    /// </summary>
    public async Task<TopicDetailView?> EditAsync(long id, TopicEditRequest body, CancellationToken ct)
    {
        RequireAnalyst();
        var kind = ParseKind(body.Kind);
        var topic = await db.Set<HotTopic>().AsNoTracking().Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (topic is null) return null;
        RequireWithin(topic.JurisdictionId);
        var members = topic.Members.Select(m => m.AppealId).Order().ToList();
        var errors = new FieldErrors();
        List<long>? other = null;
        string? value = null;
        switch (kind)
        {
            case TopicEditKind.Rename:
                errors.Text("title", body.Title, "热点名称", TitleMax);
                value = body.Title?.Trim();
                break;
            case TopicEditKind.Merge:
                var with = body.OtherTopicId is { } o && o != id
                    ? await db.Set<HotTopic>().AsNoTracking().Include(x => x.Members).FirstOrDefaultAsync(x => x.Id == o && x.JurisdictionId == topic.JurisdictionId && x.Days == topic.Days, ct)
                    : null;
                if (with is null) errors.Add("otherTopicId", "请选择同一辖区、同一时段的另一个热点来合并。");
                else other = with.Members.Select(m => m.AppealId).Order().ToList();
                break;
            case TopicEditKind.Split:
                var chosen = (body.AppealIds ?? []).Distinct().ToList();
                if (chosen.Count == 0) errors.Add("appealIds", "请选择要拆分出去的诉求。");
                else if (chosen.Any(a => !members.Contains(a))) errors.Add("appealIds", "只能拆分本热点中的诉求。");
                else if (chosen.Count == members.Count) errors.Add("appealIds", "不能把全部诉求都拆分出去，请改用改名。");
                errors.Text("title", body.Title, "新热点名称", TitleMax, required: false);
                other = chosen.Order().ToList();
                value = string.IsNullOrWhiteSpace(body.Title) ? null : body.Title.Trim();
                break;
        }
        errors.ThrowIfAny();
        var landed = await commit.RunAsync(async notes =>
        {
            var edit = new HotTopicEdit(topic.JurisdictionId, topic.Days, kind, members, other, value, clock.GetUtcNow(), me.Username);
            db.Set<HotTopicEdit>().Add(edit);
            await computer.ApplyNowAsync(edit, ct);
            notes.Record(AuditActions.TopicEdit, id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{Labels.TopicEdit(kind)}“{topic.Title}”" + kind switch
                {
                    TopicEditKind.Rename => $" 为“{value}”",
                    TopicEditKind.Merge => $"，并入热点 {body.OtherTopicId}（{other!.Count} 件）",
                    TopicEditKind.Split => $"，拆出 {other!.Count} 件诉求" + (value is null ? "" : $"为“{value}”"),
                    _ => "",
                });
            return edit.TopicId;
        }, ct);
        return await DetailAsync(landed ?? id, ct);
    }

    private static TopicEditKind ParseKind(string? kind) =>
        Enum.TryParse<TopicEditKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(kind, out _)
            ? k
            : throw new DomainValidationException("kind", "编辑类型应为 rename、merge、split、pin、unpin、dismiss 或 restore。");
}
