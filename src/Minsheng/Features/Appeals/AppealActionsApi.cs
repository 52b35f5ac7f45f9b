using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Infrastructure;
using static Minsheng.Domain.Appeals.AppealAction;

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
        g.MapPost("/{id:long}/direct-answer", (long id, ContentRequest b, Ctx c) =>
            c.Run(id, b.Version, DirectAnswer, (a, actor, now) => a.AnswerDirectly(b.Content!, actor, now)));
        g.MapPost("/{id:long}/dispatch", (long id, DispatchRequest b, Ctx c) =>
            c.Run(id, b.Version, Dispatch, (a, actor, now) => c.Dispatch(a, b, actor, now)));
        g.MapPost("/{id:long}/claim", (long id, CommentRequest b, Ctx c) =>
            c.Run(id, b.Version, Claim, (a, actor, now) => a.Claim(actor, now, b.Comment)));
        g.MapPost("/{id:long}/contact", (long id, CommentRequest b, Ctx c) =>
            c.Run(id, b.Version, RecordContact, (a, actor, now) => a.RecordContact(b.Comment!, actor, now)));
        g.MapPost("/{id:long}/return", (long id, ReasonRequest b, Ctx c) =>
            c.Run(id, b.Version, RequestReturn, (a, actor, now) => a.RequestReturn(b.Reason!, actor, now, c.Schedule)));
        g.MapPost("/{id:long}/accept-return", (long id, CommentRequest b, Ctx c) =>
            c.Run(id, b.Version, AcceptReturn, (a, actor, now) => a.AcceptReturn(actor, now, b.Comment)));
        g.MapPost("/{id:long}/reject-return", (long id, ReasonRequest b, Ctx c) =>
            c.Run(id, b.Version, RejectReturn, (a, actor, now) => a.RejectReturn(b.Reason!, actor, now)));
        g.MapPost("/{id:long}/extension", (long id, ExtensionRequest b, Ctx c) =>
            c.Run(id, b.Version, RequestExtension, (a, actor, now) => a.RequestExtension(b.Days ?? 0, b.Reason!, actor, now, c.Schedule)));
        g.MapPost("/{id:long}/approve-extension", (long id, CommentRequest b, Ctx c) =>
            c.Run(id, b.Version, ApproveExtension, (a, actor, now) => a.ApproveExtension(actor, now, b.Comment, c.Schedule)));
        g.MapPost("/{id:long}/reject-extension", (long id, ReasonRequest b, Ctx c) =>
            c.Run(id, b.Version, RejectExtension, (a, actor, now) => a.RejectExtension(b.Reason!, actor, now)));
        g.MapPost("/{id:long}/contribute", (long id, ContentRequest b, Ctx c) =>
            c.Run(id, b.Version, Contribute, (a, actor, now) => a.Contribute(b.Content!, actor, now)));
        g.MapPost("/{id:long}/reply", (long id, ContentRequest b, Ctx c) =>
            c.Run(id, b.Version, SubmitReply, (a, actor, now) => a.SubmitReply(b.Content!, actor, now)));
        g.MapPost("/{id:long}/approve-reply", (long id, CommentRequest b, Ctx c) =>
            c.Run(id, b.Version, ApproveReply, (a, actor, now) => a.ApproveReply(actor, now, b.Comment)));
        g.MapPost("/{id:long}/reject-reply", (long id, ReasonRequest b, Ctx c) =>
            c.Run(id, b.Version, RejectReply, (a, actor, now) => a.RejectReply(b.Reason!, actor, now)));
        g.MapPost("/{id:long}/callback", (long id, CallbackRequest b, Ctx c) =>
            c.Run(id, b.Version, CallbackSatisfied, (a, actor, now) => a.RecordCallback(
                b.Outcome ?? throw new DomainValidationException("outcome", "请选择回访结果。"), b.Resolved, b.UnitAtFault, b.Comment, actor, now)));
        g.MapPost("/{id:long}/redo", (long id, ReasonRequest b, Ctx c) =>
            c.Run(id, b.Version, Redo, (a, actor, now) => a.Redo(b.Reason!, actor, now, c.Schedule)));
        g.MapPost("/{id:long}/close", (long id, ReasonRequest b, Ctx c) =>
            c.Run(id, b.Version, Close, (a, actor, now) => a.Close(b.Reason!, actor, now)));
        g.MapPost("/{id:long}/merge", (long id, MergeRequest b, Ctx c) =>
            c.Run(id, b.Version, Merge, (a, actor, now) => c.Merge(a, b, actor, now)));
        g.MapPost("/{id:long}/invalidate", (long id, ReasonRequest b, Ctx c) =>
            c.Run(id, b.Version, MarkInvalid, (a, actor, now) => a.MarkInvalid(b.Reason!, actor, now)));
        g.MapPost("/{id:long}/reopen", (long id, ReasonRequest b, Ctx c) =>
            c.Run(id, b.Version, Reopen, (a, actor, now) => a.Reopen(b.Reason!, actor, now)));
        g.MapPost("/{id:long}/escalate", (long id, ReasonRequest b, Ctx c) =>
            c.Run(id, b.Version, Escalate, (a, actor, now) => a.Escalate(b.Reason!, actor, now)));
    }

    /// <summary>What every action handler needs, injected once.</summary>
    public sealed class Ctx(AppealCommands commands, AppealPresenter presenter, AppealScope scope, UnitTree units,
        Data.MinshengDb db, IHttpContextAccessor http, TimeLimits.TimeLimitCache timeLimits)
    {
        public Domain.TimeLimits.DeadlineSchedule Schedule => timeLimits.Schedule;

        private CancellationToken Ct => http.HttpContext?.RequestAborted ?? default;

        public async Task<Results<Ok<AppealDetail>, NotFound<ProblemDetails>>> Run(long id, int? version, AppealAction action, Func<Appeal, Actor, DateTimeOffset, Task> act)
        {
            if (await commands.RunAsync(id, version, action, act, Ct) is not { } saved) return AppealsApi.NotFoundProblem(id);
            // Reload for the full timeline; an action that moved the appeal out of the actor's scope answers with what was saved.
            return TypedResults.Ok(await presenter.DetailAsync(await commands.LoadAsync(id, Ct) ?? saved, Ct));
        }

        public Task<Results<Ok<AppealDetail>, NotFound<ProblemDetails>>> Run(long id, int? version, AppealAction action, Action<Appeal, Actor, DateTimeOffset> act) =>
            Run(id, version, action, (a, actor, now) =>
            {
                act(a, actor, now);
                return Task.CompletedTask;
            });

        public async Task Dispatch(Appeal a, DispatchRequest b, Actor actor, DateTimeOffset now)
        {
            var errors = new FieldErrors();
            if (b.LeadUnitId is not { } lead) errors.Add("leadUnitId", "请选择主办单位。");
            else if (units.Find(lead) is not { Active: true }) errors.Add("leadUnitId", "主办单位不存在。");
            foreach (var co in b.CoUnitIds ?? [])
                if (units.Find(co) is not { Active: true }) errors.Add("coUnitIds", $"协办单位 {co} 不存在。");
            if (b.CategoryId is { } cat && !await db.Categories.AnyAsync(x => x.Id == cat && x.Active, Ct)) errors.Add("categoryId", "分类不存在。");
            if (b.Tier is { } t && !Enum.IsDefined(t)) errors.Add("tier", "办理层级无效。");
            if (b.Type is { } ty && !Enum.IsDefined(ty)) errors.Add("type", "诉求性质无效。");
            if (b.Comment is { Length: > 2000 }) errors.Add("comment", "派单意见不能超过 2000 个字。");
            errors.ThrowIfAny();
            a.Dispatch(b.LeadUnitId!.Value, b.CoUnitIds ?? [], actor, now, b.Comment, b.CategoryId, b.Tier, b.Type, Schedule);
        }

        public async Task Merge(Appeal a, MergeRequest b, Actor actor, DateTimeOffset now)
        {
            if (b.TargetId is not { } targetId) throw new DomainValidationException("targetId", "请选择并入的目标诉求。");
            var target = await scope.Visible().FirstOrDefaultAsync(x => x.Id == targetId, Ct)
                ?? throw new DomainValidationException("targetId", "目标诉求不存在。");
            a.MergeInto(target, actor, now);
        }
    }
}
