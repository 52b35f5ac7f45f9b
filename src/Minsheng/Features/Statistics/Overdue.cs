using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Statistics;

/// <summary>
/// 当前超期 as one SQL predicate: an open appeal with some stage clock still running past its deadline.
/// A stage's clock stops as Appeal.Done says: sign-for at the claim, first contact at the contact, reply at
/// the approved reply, resolve at the approved reply (or the closing). Terminal appeals have no clock.
/// </summary>
public static class Overdue
{
    /// <summary>Open appeals only (an IN list over the status index, see <see cref="AppealStatuses.Open"/>).</summary>
    public static Expression<Func<Appeal, bool>> At(DateTimeOffset now) => a =>
        AppealStatuses.Open.Contains(a.Status)
        && ((a.ClaimedAt == null && a.SignForDue < now)
            || (a.ContactedAt == null && a.FirstContactDue < now)
            || (a.RepliedAt == null && a.ReplyDue < now)
            || (a.RepliedAt == null && a.ClosedAt == null && a.ResolveDue < now));

    /// <summary>Not overdue at <paramref name="now"/> but overdue by <paramref name="until"/>: 即将到期.</summary>
    public static Expression<Func<Appeal, bool>> Between(DateTimeOffset now, DateTimeOffset until)
    {
        var later = At(until);
        var early = At(now);
        var already = ReplacingExpressionVisitor.Replace(early.Parameters[0], later.Parameters[0], early.Body);
        return Expression.Lambda<Func<Appeal, bool>>(Expression.AndAlso(later.Body, Expression.Not(already)), later.Parameters);
    }
}
