using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Assessment;
using Minsheng.Domain.Notifications;
using static Minsheng.Domain.Appeals.AppealAction;

namespace Minsheng.Features.Statistics.Metrics;

/// <summary>
/// The 口径 of every unit measure as queries of <see cref="MetricFact"/> (see <see cref="MetricDefinitions"/> for the
/// wording shown on the page). Common rules: an item belongs to the period in which it was decided, so a month can be
/// assessed on the 1st of the next; the unit is the appeal's lead unit (主办) unless said otherwise; merged and invalid
/// appeals count for nobody; only the current round of an appeal is on the appeal row (a redo or a reopen clears
/// the previous round's claim, contact, reply and callback), so the stage rates measure each appeal's latest round.
/// </summary>
public sealed class MetricQueries(MinshengDb db)
{
    private IQueryable<Appeal> Measured => db.Appeals.Where(a => a.LeadUnitId != null && a.Status != AppealStatus.Merged && a.Status != AppealStatus.Invalid);

    /// <summary>
    /// The parts whose union is the measure; each part is grouped in SQL on its own and the counts added. Every part
    /// keeps only the rows that may have been decided in [start, end): the caller still filters on DecidedAt, but a
    /// decision time computed with CASE cannot use an index, so each appeal-based part first asks that one of the
    /// columns its DecidedAt can take lies in the period (an exact consequence of the definition, so no item is lost),
    /// which the indexes of migration 025 answer without reading every appeal of the jurisdiction.
    /// </summary>
    public IReadOnlyList<IQueryable<MetricFact>> Parts(Measure measure, DateTimeOffset now, DateTimeOffset start, DateTimeOffset end) => measure switch
    {
        Measure.Response => [Response(now, start, end)],
        Measure.OnTimeSignFor => [SignFor(now, start, end)],
        Measure.OnTimeContact => [Contact(now, start, end)],
        Measure.OnTimeReply => [Reply(now, start, end)],
        Measure.OnTimeClose => [Close(now, start, end)],
        Measure.Resolution => [Resolution()],
        Measure.Satisfaction => [Satisfaction()],
        Measure.ReturnRate or Measure.Received => [Returns(), KeptAssignments()],
        Measure.WrongfulReturn => [Rulings()],
        Measure.RedoRate => [ReReviews()],
        Measure.CoUnitOnTime => [CoUnitContributions(now, start, end)],
        Measure.SupervisionOrders => [AutomaticSupervision(), ManualSupervision()],
        Measure.Overdue => [MissedDeadline(now, start, end)],
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    /// <summary>响应率: decided at the first contact if on time, else when the first-contact deadline passed; hit when claimed by the sign-for deadline AND contacted by the first-contact deadline.</summary>
    private IQueryable<MetricFact> Response(DateTimeOffset now, DateTimeOffset s, DateTimeOffset e) => Measured
        .Where(a => (a.ContactedAt >= s && a.ContactedAt < e) || (a.FirstContactDue >= s && a.FirstContactDue < e))
        .Where(a => a.FirstContactDue != null && ((a.ContactedAt != null && a.ContactedAt <= a.FirstContactDue) || a.FirstContactDue < now))
        .Select(a => new MetricFact
        {
            UnitId = a.LeadUnitId, AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = a.ContactedAt != null && a.ContactedAt <= a.FirstContactDue ? a.ContactedAt : a.FirstContactDue,
            Hit = a.ClaimedAt != null && a.SignForDue != null && a.ClaimedAt <= a.SignForDue && a.ContactedAt != null && a.ContactedAt <= a.FirstContactDue,
        });

    private IQueryable<MetricFact> SignFor(DateTimeOffset now, DateTimeOffset s, DateTimeOffset e) => Measured
        .Where(a => (a.ClaimedAt >= s && a.ClaimedAt < e) || (a.SignForDue >= s && a.SignForDue < e))
        .Where(a => a.SignForDue != null && ((a.ClaimedAt != null && a.ClaimedAt <= a.SignForDue) || a.SignForDue < now))
        .Select(a => new MetricFact
        {
            UnitId = a.LeadUnitId, AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = a.ClaimedAt != null && a.ClaimedAt <= a.SignForDue ? a.ClaimedAt : a.SignForDue,
            Hit = a.ClaimedAt != null && a.ClaimedAt <= a.SignForDue,
        });

    private IQueryable<MetricFact> Contact(DateTimeOffset now, DateTimeOffset s, DateTimeOffset e) => Measured
        .Where(a => (a.ContactedAt >= s && a.ContactedAt < e) || (a.FirstContactDue >= s && a.FirstContactDue < e))
        .Where(a => a.FirstContactDue != null && ((a.ContactedAt != null && a.ContactedAt <= a.FirstContactDue) || a.FirstContactDue < now))
        .Select(a => new MetricFact
        {
            UnitId = a.LeadUnitId, AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = a.ContactedAt != null && a.ContactedAt <= a.FirstContactDue ? a.ContactedAt : a.FirstContactDue,
            Hit = a.ContactedAt != null && a.ContactedAt <= a.FirstContactDue,
        });

    /// <summary>按时答复率: the approved reply (RepliedAt) against the reply deadline; direct answers have no deadline and no unit.</summary>
    private IQueryable<MetricFact> Reply(DateTimeOffset now, DateTimeOffset s, DateTimeOffset e) => Measured
        .Where(a => (a.RepliedAt >= s && a.RepliedAt < e) || (a.ReplyDue >= s && a.ReplyDue < e))
        .Where(a => a.ReplyDue != null && ((a.RepliedAt != null && a.RepliedAt <= a.ReplyDue) || a.ReplyDue < now))
        .Select(a => new MetricFact
        {
            UnitId = a.LeadUnitId, AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = a.RepliedAt != null && a.RepliedAt <= a.ReplyDue ? a.RepliedAt : a.ReplyDue,
            Hit = a.RepliedAt != null && a.RepliedAt <= a.ReplyDue,
        });

    /// <summary>按时办结率: the unit's work ends with its approved reply (or the closing), as Appeal.Done says, against the resolve deadline (extended when an extension was approved).</summary>
    private IQueryable<MetricFact> Close(DateTimeOffset now, DateTimeOffset s, DateTimeOffset e) => Measured
        .Where(a => (a.RepliedAt >= s && a.RepliedAt < e) || (a.ClosedAt >= s && a.ClosedAt < e) || (a.ResolveDue >= s && a.ResolveDue < e))
        .Where(a => a.ResolveDue != null && (((a.RepliedAt ?? a.ClosedAt) != null && (a.RepliedAt ?? a.ClosedAt) <= a.ResolveDue) || a.ResolveDue < now))
        .Select(a => new MetricFact
        {
            UnitId = a.LeadUnitId, AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = (a.RepliedAt ?? a.ClosedAt) != null && (a.RepliedAt ?? a.ClosedAt) <= a.ResolveDue ? a.RepliedAt ?? a.ClosedAt : a.ResolveDue,
            Hit = (a.RepliedAt ?? a.ClosedAt) != null && (a.RepliedAt ?? a.ClosedAt) <= a.ResolveDue,
        });

    /// <summary>
    /// 满意率: the reached callback (满意/基本满意/不满意) of each appeal's current round, at the callback's time: the
    /// one timeline entry after the approved reply; hit when 满意 or 基本满意. Callbacks the desk marked not the unit's
    /// fault (UnitAtFault = false) are left out: they do not count against the unit.
    /// </summary>
    private IQueryable<MetricFact> Satisfaction() =>
        from t in db.Timeline
        where t.Action == CallbackSatisfied || t.Action == CallbackUnsatisfied
        join a in Measured on t.AppealId equals a.Id
        where a.RepliedAt != null && t.At >= a.RepliedAt
              && (a.CallbackOutcome == CallbackOutcome.Satisfied || a.CallbackOutcome == CallbackOutcome.BasicallySatisfied || a.CallbackOutcome == CallbackOutcome.Unsatisfied)
              && a.UnitAtFault != false
        select new MetricFact
        {
            UnitId = a.LeadUnitId, AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = t.At,
            Hit = a.CallbackOutcome == CallbackOutcome.Satisfied || a.CallbackOutcome == CallbackOutcome.BasicallySatisfied,
        };

    /// <summary>解决率: of the callbacks above, those that recorded whether the problem was solved; hit when solved.</summary>
    private IQueryable<MetricFact> Resolution() =>
        from t in db.Timeline
        where t.Action == CallbackSatisfied || t.Action == CallbackUnsatisfied
        join a in Measured on t.AppealId equals a.Id
        where a.RepliedAt != null && t.At >= a.RepliedAt && a.Resolved != null
              && (a.CallbackOutcome == CallbackOutcome.Satisfied || a.CallbackOutcome == CallbackOutcome.BasicallySatisfied || a.CallbackOutcome == CallbackOutcome.Unsatisfied)
              && a.UnitAtFault != false
        select new MetricFact
        {
            UnitId = a.LeadUnitId, AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = t.At,
            Hit = a.Resolved == true,
        };

    /// <summary>退单率, numerator: every return the unit requested (the requester's unit), at the request.</summary>
    private IQueryable<MetricFact> Returns() =>
        from t in db.Timeline
        where t.Action == RequestReturn && t.ActorUnitId != null
        join a in db.Appeals on t.AppealId equals a.Id
        select new MetricFact
        {
            UnitId = t.ActorUnitId, AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = t.At, Hit = true,
        };

    /// <summary>
    /// 退单率, the rest of the denominator (and 收件量 with the returns): appeals the unit leads now, dispatched to it
    /// (or redone) in the period, that it has not asked to return since. The timeline does not record the unit of a
    /// dispatch, so an assignment the unit returned is known by its return request.
    /// </summary>
    private IQueryable<MetricFact> KeptAssignments() => Measured
        .Where(a => a.DispatchedAt != null
                    && !db.Timeline.Any(t => t.AppealId == a.Id && t.Action == RequestReturn && t.ActorUnitId == a.LeadUnitId && t.At >= a.DispatchedAt))
        .Select(a => new MetricFact
        {
            UnitId = a.LeadUnitId, AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = a.DispatchedAt, Hit = false,
        });

    /// <summary>错退率: the desk's rulings on returns (准予/驳回), at the ruling, for the unit that requested the return; hit when rejected.</summary>
    private IQueryable<MetricFact> Rulings() =>
        from t in db.Timeline
        where t.Action == AcceptReturn || t.Action == RejectReturn
        join a in db.Appeals on t.AppealId equals a.Id
        select new MetricFact
        {
            UnitId = db.Timeline.Where(r => r.AppealId == t.AppealId && r.Action == RequestReturn && r.At <= t.At)
                .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r.ActorUnitId).FirstOrDefault(),
            AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = t.At, Hit = t.Action == RejectReturn,
        };

    /// <summary>
    /// 重办率: callbacks whose outcome was settled — 满意/基本满意 at the callback, 不满意 when the dispatcher ruled on the
    /// re-review (重办 or 办结) — at that moment; hit when the ruling was a redo. The unit is the appeal's lead unit.
    /// </summary>
    private IQueryable<MetricFact> ReReviews() =>
        from t in db.Timeline
        where t.Action == CallbackSatisfied || t.Action == Redo || (t.Action == AppealAction.Close && t.FromStatus == AppealStatus.ReReview)
        join a in Measured on t.AppealId equals a.Id
        select new MetricFact
        {
            UnitId = a.LeadUnitId, AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = t.At, Hit = t.Action == Redo,
        };

    /// <summary>
    /// 协办按时率: the model has no co-unit deadline, so a co-unit's part is due by the lead unit's reply deadline. Each
    /// co-unit of an appeal's current round counts once: decided at its first contribution (协办意见) of the round if
    /// that came by the deadline, else when the deadline passed; hit when it did. The unit is the co-unit.
    /// </summary>
    private IQueryable<MetricFact> CoUnitContributions(DateTimeOffset now, DateTimeOffset s, DateTimeOffset e) =>
        from c in db.AppealCoUnits
        join a in Measured on c.AppealId equals a.Id
        // Decided at the first contribution only when it came by the deadline, else at the deadline: never after it.
        // So an item of [s, e) has its deadline in it, or a contribution in it with the deadline after s.
        where a.ReplyDue != null && a.ReplyDue >= s
              && (a.ReplyDue < e || db.Timeline.Where(t => t.Action == Contribute && t.At >= s && t.At < e).Select(t => t.AppealId).Contains(a.Id))
        let first = db.Timeline.Where(t => t.AppealId == a.Id && t.Action == Contribute && t.ActorUnitId == c.UnitId && t.At >= a.DispatchedAt)
            .OrderBy(t => t.At).Select(t => (DateTimeOffset?)t.At).FirstOrDefault()
        where (first != null && first <= a.ReplyDue) || a.ReplyDue < now
        select new MetricFact
        {
            UnitId = c.UnitId, AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = first != null && first <= a.ReplyDue ? first : a.ReplyDue,
            Hit = first != null && first <= a.ReplyDue,
        };

    /// <summary>
    /// 督办单 received: the monitor's orders (addressed to the lead unit) at their issue; orders of one appeal issued in
    /// the same pass (older data raised one per stage) count once. Plus the supervisors' and leaders' own orders.
    /// </summary>
    private IQueryable<MetricFact> AutomaticSupervision() =>
        from n in db.Notifications
        where n.Kind == NotificationKind.SupervisionOrder && n.UnitId != null && n.AppealId != null
              && !db.Notifications.Any(o => o.Kind == NotificationKind.SupervisionOrder && o.AppealId == n.AppealId
                                            && o.UnitId == n.UnitId && o.CreatedAt == n.CreatedAt && o.Id < n.Id)
        join a in db.Appeals on n.AppealId equals a.Id
        select new MetricFact
        {
            UnitId = n.UnitId, AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = n.CreatedAt, Hit = true,
        };

    private IQueryable<MetricFact> ManualSupervision() =>
        from o in db.SupervisionOrders
        join a in Measured on o.AppealId equals a.Id
        select new MetricFact
        {
            UnitId = a.LeadUnitId, AppealId = a.Id, RegionUnitId = a.RegionUnitId, CategoryId = a.CategoryId, Channel = a.Channel,
            DecidedAt = o.CreatedAt, Hit = true,
        };

    /// <summary>
    /// 超期件数: appeals of the unit that missed a stage deadline, in the period of the first deadline missed. First
    /// contact counts as done by an approved reply (the appeal has left the unit's hands; see <see cref="Overdue"/>).
    /// </summary>
    private IQueryable<MetricFact> MissedDeadline(DateTimeOffset now, DateTimeOffset s, DateTimeOffset e) => FirstMissed(now, s, e)
        .Where(x => x.Missed != null)
        .Select(x => new MetricFact
        {
            UnitId = x.A.LeadUnitId, AppealId = x.A.Id, RegionUnitId = x.A.RegionUnitId, CategoryId = x.A.CategoryId, Channel = x.A.Channel,
            DecidedAt = x.Missed, Hit = true,
        });

    private IQueryable<MissedStage> FirstMissed(DateTimeOffset now, DateTimeOffset s, DateTimeOffset e) => Measured
        .Where(a => (a.SignForDue >= s && a.SignForDue < e) || (a.FirstContactDue >= s && a.FirstContactDue < e)
                    || (a.ReplyDue >= s && a.ReplyDue < e) || (a.ResolveDue >= s && a.ResolveDue < e))
        .Select(a => new MissedStage
        {
            A = a,
            Missed = a.SignForDue != null && a.SignForDue < now && (a.ClaimedAt == null || a.ClaimedAt > a.SignForDue) ? a.SignForDue
                : a.FirstContactDue != null && a.FirstContactDue < now && ((a.ContactedAt ?? a.RepliedAt) == null || (a.ContactedAt ?? a.RepliedAt) > a.FirstContactDue) ? a.FirstContactDue
                : a.ReplyDue != null && a.ReplyDue < now && (a.RepliedAt == null || a.RepliedAt > a.ReplyDue) ? a.ReplyDue
                : a.ResolveDue != null && a.ResolveDue < now && ((a.RepliedAt ?? a.ClosedAt) == null || (a.RepliedAt ?? a.ClosedAt) > a.ResolveDue) ? a.ResolveDue
                : null,
        });

    /// <summary>
    /// The one way a past day's items change with no write: 超期件数 counts an appeal at the FIRST stage deadline it missed
    /// that has passed, so when an earlier stage's deadline still ahead passes unmet, the item moves to that (later) day.
    /// Items only ever leave a past day this way (the new deadline is after now), and only appeals with some deadline
    /// still ahead can move. Per China day of [s, e) that holds such an item: the earliest of those deadlines, after
    /// which the stored day is stale. Every other part is fixed for past days: an item decided at a deadline exists
    /// once that deadline has passed (it has, the day being past), one decided at a recorded time does not depend on now.
    /// </summary>
    public async Task<Dictionary<int, DateTimeOffset>> OverdueStaleAtAsync(DateTimeOffset now, DateTimeOffset s, DateTimeOffset e, CancellationToken ct)
    {
        var movable = await FirstMissed(now, s, e)
            .Where(x => x.Missed != null && x.Missed >= s && x.Missed < e)
            .Where(x => x.A.SignForDue >= now || x.A.FirstContactDue >= now || x.A.ReplyDue >= now || x.A.ResolveDue >= now)
            .Select(x => new { x.Missed, x.A.SignForDue, x.A.FirstContactDue, x.A.ReplyDue, x.A.ResolveDue })
            .ToListAsync(ct);
        var stale = new Dictionary<int, DateTimeOffset>();
        foreach (var m in movable)
        {
            var next = new[] { m.SignForDue, m.FirstContactDue, m.ReplyDue, m.ResolveDue }.Where(d => d >= now).Min()!.Value;
            var day = Facts.FactDays.Of(m.Missed!.Value);
            if (!stale.TryGetValue(day, out var at) || next < at) stale[day] = next;
        }
        return stale;
    }

    /// <summary>An appeal with the deadline its 超期 item is dated by (null: none missed yet).</summary>
    private sealed class MissedStage
    {
        public Appeal A { get; init; } = null!;
        public DateTimeOffset? Missed { get; init; }
    }
}
