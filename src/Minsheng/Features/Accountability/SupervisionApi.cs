using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Accountability;

public sealed record SupervisionRequest(SupervisionKind? Kind, string? Instruction, DateTimeOffset? DueAt);

public sealed record SupervisionView(long Id, long AppealId, SupervisionKind Kind, string KindLabel, string Instruction, DateTimeOffset DueAt,
    string IssuedBy, string IssuerRole, DateTimeOffset CreatedAt);

/// <summary>督办单/交办函 by hand: a supervisor's or leader's instruction (批示) and deadline on one appeal, sent to its lead unit.</summary>
public static class SupervisionApi
{
    public static void MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var roles = new[] { nameof(Role.Supervisor), nameof(Role.Leader) };
        app.MapPost("/api/appeals/{id:long}/supervision-orders", Issue).RequireAuthorization(p => p.RequireRole(roles)).WithTags("督办");
        app.MapGet("/api/supervision-orders", List).RequireAuthorization(p => p.RequireRole(roles)).WithTags("督办");
    }

    public static async Task<Results<Created<SupervisionView>, NotFound<ProblemDetails>>> Issue(long id, SupervisionRequest body,
        AppealScope scope, MinshengDb db, CurrentUser me, AuditLog audit, TimeProvider clock, CancellationToken ct)
    {
        var appeal = await scope.Visible().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (appeal is null) return AppealsApi.NotFoundProblem(id);
        var now = clock.GetUtcNow();
        var order = new SupervisionOrder(appeal.Id, body.Kind ?? SupervisionKind.SupervisionOrder, body.Instruction, body.DueAt, me.DisplayName, me.Role, now);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SupervisionOrders.Add(order);
        await db.SaveChangesAsync(ct);
        var label = KindLabel(order.Kind);
        db.Notifications.Add(new Notification($"manual:{order.Id}", NotificationKind.ManualSupervision, Audience.Unit, appeal.LeadUnitId, appeal.Id, null,
            $"{label}：{appeal.Number}", $"{me.DisplayName}批示：{order.Instruction}（请于 {order.DueAt.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm} 前办理并反馈）", order.DueAt, now));
        await audit.AppendAsync(me.Username, "supervision.issue", "appeal", appeal.Number, order.Instruction, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/supervision-orders?appealId={appeal.Id}", View(order));
    }

    /// <summary>Orders on appeals within the caller's jurisdiction.</summary>
    public static async Task<List<SupervisionView>> List(long? appealId, MinshengDb db, AppealScope scope, CancellationToken ct)
    {
        var visible = scope.Visible();
        var q = db.SupervisionOrders.AsNoTracking().Where(o => visible.Any(a => a.Id == o.AppealId));
        if (appealId is { } id) q = q.Where(o => o.AppealId == id);
        return (await q.OrderByDescending(o => o.Id).Take(500).ToListAsync(ct)).Select(View).ToList();
    }

    private static SupervisionView View(SupervisionOrder o) =>
        new(o.Id, o.AppealId, o.Kind, KindLabel(o.Kind), o.Instruction, o.DueAt, o.IssuedBy, Labels.Role(o.IssuerRole), o.CreatedAt);

    public static string KindLabel(SupervisionKind k) => k == SupervisionKind.AssignmentLetter ? "交办函" : "督办单";
}
