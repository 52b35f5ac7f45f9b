using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Notifications;
using Minsheng.Features.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Accountability;

/// <summary>
/// 督办单/交办函 by hand, for the API and the 督查督办 board: a supervisor's or leader's instruction (批示) and deadline on
/// one appeal in their jurisdiction, sent to its lead unit's inbox in the same commit.
/// </summary>
public sealed class Supervision(MinshengDb db, AppealScope scope, CurrentUser me, AuditedCommit commit, TimeProvider clock)
{
    public const int ListMax = 500;

    /// <summary>The order issued, or null when the appeal is not in the caller's jurisdiction (checked before the input).</summary>
    public Task<SupervisionView?> IssueAsync(long appealId, SupervisionKind? kind, string? instruction, DateTimeOffset? dueAt, CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            var appeal = await scope.Visible().AsNoTracking().FirstOrDefaultAsync(a => a.Id == appealId, ct);
            if (appeal is null) return null;
            var now = clock.GetUtcNow();
            var order = new SupervisionOrder(appeal.Id, kind ?? SupervisionKind.SupervisionOrder, instruction, dueAt, me.DisplayName, me.Role, now);
            db.SupervisionOrders.Add(order);
            await db.SaveChangesAsync(ct); // the notice's key names the order
            db.Notifications.Add(new Notification($"manual:{order.Id}", NotificationKind.ManualSupervision, Audience.Unit, appeal.LeadUnitId, appeal.Id, null,
                $"{Labels.SupervisionKind(order.Kind)}：{appeal.Number}",
                $"{me.DisplayName}批示：{order.Instruction}（请于 {order.DueAt.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} 前办理并反馈）", order.DueAt, now));
            notes.Record(AuditActions.SupervisionIssue, appeal.Number, order.Instruction);
            return (SupervisionView?)View(order);
        }, ct);

    /// <summary>Orders on appeals within the caller's jurisdiction, newest first.</summary>
    public async Task<List<SupervisionView>> ListAsync(long? appealId, CancellationToken ct)
    {
        var visible = scope.Visible();
        var q = db.SupervisionOrders.AsNoTracking().Where(o => visible.Any(a => a.Id == o.AppealId));
        if (appealId is { } id) q = q.Where(o => o.AppealId == id);
        return (await q.OrderByDescending(o => o.Id).Take(ListMax).ToListAsync(ct)).Select(View).ToList();
    }

    private static SupervisionView View(SupervisionOrder o) =>
        new(o.Id, o.AppealId, o.Kind, Labels.SupervisionKind(o.Kind), o.Instruction, o.DueAt, o.IssuedBy, Labels.Role(o.IssuerRole), o.CreatedAt);
}
