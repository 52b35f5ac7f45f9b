using Minsheng.Domain.Appeals;
using Minsheng.Features.Statistics;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Unit;

/// <summary>The queries behind a unit's tabs, relative to the signed-in user's unit subtree and the current time.</summary>
public sealed class UnitQueues(CurrentUser me, UnitTree units, TimeProvider clock)
{
    private static readonly AppealStatus[] Working = [AppealStatus.Dispatched, AppealStatus.Claimed, AppealStatus.InProgress, AppealStatus.ReturnRequested, AppealStatus.PendingApproval];

    public IQueryable<Appeal> Led(IQueryable<Appeal> q)
    {
        var mine = units.Subtree(me.UnitId).ToArray();
        return q.Where(a => a.LeadUnitId != null && mine.Contains(a.LeadUnitId.Value));
    }

    public IReadOnlyList<QueueTab> Inbox()
    {
        var now = clock.GetUtcNow();
        var soon = now.AddDays(1);
        var mine = units.Subtree(me.UnitId).ToArray();
        IQueryable<Appeal> Open(IQueryable<Appeal> q) => Led(q).Where(a => Working.Contains(a.Status));
        return
        [
            new("claim", "待签收", q => Led(q).Where(a => a.Status == AppealStatus.Dispatched), ByDue),
            new("working", "办理中", q => Led(q).Where(a => a.Status == AppealStatus.Claimed || a.Status == AppealStatus.InProgress
                || a.Status == AppealStatus.PendingApproval || a.Status == AppealStatus.ReturnRequested), ByDue),
            // The same clock rule as the supervisor board and the dashboard (Statistics/Overdue.cs).
            new("soon", "即将到期", q => Open(q).Where(Overdue.Between(now, soon)), ByDue),
            new("overdue", "已超期", q => Open(q).Where(Overdue.At(now)), ByDue),
            new("assist", "协办", q => q.Where(a => Working.Contains(a.Status) && a.CoUnits.Any(c => mine.Contains(c.UnitId))), ByDue),
            new("done", "已答复", q => Led(q).Where(a => a.Status == AppealStatus.Replied || a.Status == AppealStatus.ReReview || a.Status == AppealStatus.Closed),
                q => q.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)),
        ];
    }

    private static IOrderedQueryable<Appeal> ByDue(IQueryable<Appeal> q) => q.OrderBy(a => a.ResolveDue).ThenBy(a => a.Id);
}
