using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Appeals;

/// <summary>Registering, reading and unmasking appeals. The workflow actions live in AppealActionsApi.</summary>
public static class AppealsApi
{
    public static RouteGroupBuilder MapAppealsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/appeals").RequireAuthorization().WithTags("诉求");
        // Unit staff may register only door-to-door visits in their own area; Appeal.Register enforces which.
        group.MapPost("/", Create).RequireAuthorization(p => p.RequireRole(nameof(Role.Operator), nameof(Role.Dispatcher),
            nameof(Role.UnitHandler), nameof(Role.UnitHead)));
        group.MapGet("/", List);
        group.MapGet("/{id:long}", Get);
        group.MapGet("/{id:long}/timeline", Timeline);
        group.MapPost("/{id:long}/unmask", Unmask);
        group.MapAppealActions();
        return group;
    }

    public static NotFound<ProblemDetails> NotFoundProblem(long id) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "诉求不存在", Detail = $"找不到编号为 {id} 的诉求，或您无权查看。" });

    private static async Task<Results<Created<AppealDetail>, ProblemHttpResult>> Create(CreateAppealRequest body, RegisterAppeal register,
        CurrentUser me, AppealPresenter presenter, CancellationToken ct)
    {
        if (me.Role.IsUnitStaff() && body.Channel != Channel.DoorToDoorVisit)
            return TypedResults.Problem(statusCode: 403, title: "无权执行此操作", detail: "承办单位只能登记入户走访收集的诉求。");
        var errors = new FieldErrors();
        if (me.Role.IsUnitStaff() && body.RegionUnitId is null) errors.Add("regionUnitId", "入户走访请选择所在村（社区）或乡镇。");
        if (body.Channel is null) errors.Add("channel", "请选择受理渠道。");
        if (body.Type is null) errors.Add("type", "请选择诉求性质。");
        errors.ThrowIfAny();
        var draft = new AppealDraft(body.Channel!.Value, body.Type!.Value, body.CategoryId, body.Tier ?? Tier.Timely,
            body.Title ?? "", body.Content ?? "", body.RegionUnitId, body.Address, body.Latitude, body.Longitude,
            body.CitizenName, body.CitizenPhone, body.CitizenAddress, body.SubjectUnitId);
        var appeal = await register.ExecuteAsync(draft, me.ToActor(), ct);
        var detail = await presenter.DetailAsync(appeal, ct);
        return TypedResults.Created($"/api/appeals/{appeal.Id}", detail);
    }

    private static async Task<Results<Ok<Page<AppealSummary>>, ForbidHttpResult>> List(
        [AsParameters] AppealFilter filter, AppealScope scope, AppealPresenter presenter, MinshengDb db, CancellationToken ct)
    {
        if (!scope.MaySeeAppeals) return TypedResults.Forbid();
        var (page, size) = filter.Validate();
        var (total, capped) = await filter.BoundedCountAsync(scope.Visible(), db, ct);
        var items = await filter.NewestPageAsync(scope.Visible(), db, page, size, ct);
        return TypedResults.Ok(new Page<AppealSummary>(await presenter.SummariesAsync(items, ct), total, page, size, capped));
    }

    private static async Task<Results<Ok<AppealDetail>, NotFound<ProblemDetails>>> Get(long id, AppealCommands commands, AppealPresenter presenter, CancellationToken ct) =>
        await commands.LoadAsync(id, ct) is { } appeal ? TypedResults.Ok(await presenter.DetailAsync(appeal, ct)) : NotFoundProblem(id);

    private static async Task<Results<Ok<List<TimelineView>>, NotFound<ProblemDetails>>> Timeline(long id, AppealCommands commands, AppealPresenter presenter, CancellationToken ct) =>
        await commands.LoadAsync(id, ct) is { } appeal
            ? TypedResults.Ok(appeal.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => presenter.Timeline(appeal, t)).ToList())
            : NotFoundProblem(id);

    /// <summary>查阅: reveals the complainant to a permitted viewer, with the reason kept in the access log.</summary>
    private static async Task<Results<Ok<CitizenView>, NotFound<ProblemDetails>, ProblemHttpResult>> Unmask(long id, UnmaskRequest body,
        AppealCommands commands, ComplainantAccess access, CancellationToken ct)
    {
        new FieldErrors().Text("reason", body.Reason, "查阅理由", 200).ThrowIfAny();
        if (await commands.LoadAsync(id, ct) is not { } appeal) return NotFoundProblem(id);
        return await access.RevealAsync(appeal, body.Reason, ct) is { } citizen
            ? TypedResults.Ok(citizen)
            : TypedResults.Problem(statusCode: 403, title: "无权查阅", detail: ComplainantAccess.Refusal);
    }
}
