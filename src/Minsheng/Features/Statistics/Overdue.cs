using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Statistics;

/// <summary>
/// 当前超期 as one SQL predicate: an open appeal held by its lead unit with some stage clock still running past its
/// deadline. A stage's clock stops as Appeal.Done says: sign-for at the claim, first contact at the contact, reply at
/// the approved reply, resolve at the approved reply (or the closing). Terminal appeals have no clock.
///
/// Attribution: each stage's time belongs to whoever holds the appeal. Once the unit's reply is approved the appeal
/// waits on the desk — 已答复待回访 (Replied) for the callback, 复核中 (ReReview) for the dispatcher's ruling — and a
/// unit clock left open then (a first contact never recorded before the reply) is not the unit's lateness any more:
/// such appeals are <see cref="AtDesk"/>, never in <see cref="At"/>. Appeals without a lead unit (待派单, after an
/// accepted return) are the desk's as well. A pending return (退单待审) stays the unit's: deadlines carry over
/// returns, and a wrongful return must not stop the clock.
/// </summary>
public static class Overdue
{
    /// <summary>The open statuses in which the appeal waits on the desk, not on a unit.</summary>
    public static readonly IReadOnlyList<AppealStatus> DeskHeld =
        [AppealStatus.Registered, AppealStatus.PendingDispatch, AppealStatus.Replied, AppealStatus.ReReview];

    /// <summary>Open statuses in which the lead unit holds the appeal (an IN list over the status index).</summary>
    public static readonly IReadOnlyList<AppealStatus> UnitHeld = AppealStatuses.Open.Except(DeskHeld).ToArray();

    /// <summary>The unit's overdue: held by a lead unit, some unit clock past its deadline.</summary>
    public static Expression<Func<Appeal, bool>> At(DateTimeOffset now) => a =>
        UnitHeld.Contains(a.Status) && a.LeadUnitId != null
        && ((a.ClaimedAt == null && a.SignForDue < now)
            || (a.ContactedAt == null && a.FirstContactDue < now)
            || (a.RepliedAt == null && a.ReplyDue < now)
            || (a.RepliedAt == null && a.ClosedAt == null && a.ResolveDue < now));

    /// <summary>
    /// 受理端超期: open appeals waiting on the desk (待派单 with deadlines carried over, 已答复待回访, 复核中) whose
    /// 办结时限 has passed — the case is late and the next move is the desk's.
    /// </summary>
    public static Expression<Func<Appeal, bool>> AtDesk(DateTimeOffset now) => a =>
        DeskHeld.Contains(a.Status) && a.ResolveDue != null && a.ResolveDue < now;

    /// <summary>Not overdue at <paramref name="now"/> but overdue by <paramref name="until"/>: 即将到期.</summary>
    public static Expression<Func<Appeal, bool>> Between(DateTimeOffset now, DateTimeOffset until)
    {
        var later = At(until);
        var early = At(now);
        var already = ReplacingExpressionVisitor.Replace(early.Parameters[0], later.Parameters[0], early.Body);
        return Expression.Lambda<Func<Appeal, bool>>(Expression.AndAlso(later.Body, Expression.Not(already)), later.Parameters);
    }
}
