using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Domain.Privacy;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Appeals;

/// <summary>
/// Every workflow action is `POST /api/appeals/{id}/{action}` with a small body and an optional version;
/// each answers the updated appeal, 404 outside the caller's scope, 403 for the wrong role, 409 when the
/// status does not allow it.
/// </summary>
public static class AppealActionsApi
{
    public static void MapAppealActions(this RouteGroupBuilder g)
    {
        foreach (var entry in AppealActionCatalog.All)
            g.MapPost($"/{{id:long}}/{entry.Slug}", (long id, ActionInput body, Ctx c) =>
                c.Run(id, body.Version, entry.Action, (a, actor, now) => entry.Apply(c, a, body, actor, now)));
    }

    /// <summary>What every action handler needs, injected once.</summary>
    public sealed class Ctx(AppealCommands commands, AppealPresenter presenter, AppealScope scope, UnitTree units,
        Data.MinshengDb db, IHttpContextAccessor http, TimeLimits.TimeLimitCache timeLimits, Audit.AuditLog audit, CurrentUser me,
        Microsoft.Extensions.Options.IOptions<Knowledge.DirectAnswerSettings> directAnswer)
    {
        public Domain.TimeLimits.DeadlineSchedule Schedule => timeLimits.Schedule;

        /// <summary>Whether help requests, besides consultations, may be answered directly (the domain refuses the rest).</summary>
        public Knowledge.DirectAnswerSettings DirectAnswer => directAnswer.Value;

        private CancellationToken Ct => http.HttpContext?.RequestAborted ?? default;

        public async Task<Results<Ok<AppealDetail>, NotFound<ProblemDetails>>> Run(long id, int? version, AppealAction action, Func<Appeal, Actor, DateTimeOffset, Task> act)
        {
            if (await commands.RunAsync(id, version, action, act, Ct) is not { } saved) return AppealsApi.NotFoundProblem(id);
            // Reload for the full timeline; an action that moved the appeal out of the actor's scope answers with what was saved.
            return TypedResults.Ok(await presenter.DetailAsync(await commands.LoadAsync(id, Ct) ?? saved, Ct));
        }

        public async Task Dispatch(Appeal a, ActionInput b, Actor actor, DateTimeOffset now)
        {
            var errors = new FieldErrors();
            if (b.LeadUnitId is not { } lead) errors.Add("leadUnitId", "请选择主办单位。");
            else if (units.Find(lead) is not { Active: true }) errors.Add("leadUnitId", "主办单位不存在。");
            else if (!actor.Covers(lead)) errors.Add("leadUnitId", "主办单位不在本辖区内。");
            foreach (var co in b.CoUnitIds ?? [])
                if (units.Find(co) is not { Active: true }) errors.Add("coUnitIds", $"协办单位 {co} 不存在。");
                else if (!actor.Covers(co)) errors.Add("coUnitIds", $"协办单位“{units.NameOf(co)}”不在本辖区内。");
            if (b.CategoryId is { } cat && !await db.Categories.AnyAsync(x => x.Id == cat && x.Active, Ct)) errors.Add("categoryId", "分类不存在。");
            if (b.Tier is { } t && !Enum.IsDefined(t)) errors.Add("tier", "办理层级无效。");
            if (b.Type is { } ty && !Enum.IsDefined(ty)) errors.Add("type", "诉求性质无效。");
            if (b.Comment is { Length: > 2000 }) errors.Add("comment", "派单意见不能超过 2000 个字。");
            errors.ThrowIfAny();
            // 举报不得交被举报单位: the domain refuses the subject unit's subtree unless a root dispatcher gives a reason.
            var subject = new SubjectDispatch(units.IsWithin, actor.UnitId is { } mine && units.IsRoot(mine), b.OverrideReason);
            if (a.Dispatch(b.LeadUnitId!.Value, b.CoUnitIds ?? [], actor, now, schedule: Schedule, comment: b.Comment, categoryId: b.CategoryId, tier: b.Tier, type: b.Type, subject: subject))
                await audit.AppendAsync(me.Username, "appeal.dispatch-override", "appeal", a.Number,
                    $"越级派给被反映单位，理由：{b.OverrideReason!.Trim()}", Ct);
        }

        /// <summary>市级交办: the target must be a county below the city desk (the domain checks "below").</summary>
        public void HandDown(Appeal a, ActionInput b, Actor actor, DateTimeOffset now)
        {
            if (b.CountyId is not { } county || units.Find(county) is not { Active: true, Kind: UnitKind.County } target)
                throw new DomainValidationException("countyId", "请选择要交办的县（区）。");
            a.HandDown(county, target.Name, b.Comment, actor, now);
        }

        public async Task Merge(Appeal a, ActionInput b, Actor actor, DateTimeOffset now)
        {
            if (b.TargetId is not { } targetId) throw new DomainValidationException("targetId", "请选择并入的目标诉求。");
            var target = await scope.Visible().FirstOrDefaultAsync(x => x.Id == targetId, Ct)
                ?? throw new DomainValidationException("targetId", "目标诉求不存在。");
            a.MergeInto(target, actor, now);
        }
    }
}
