using Minsheng.Domain.Appeals;
using static Minsheng.Domain.Appeals.AppealStatus;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.TestKit;

/// <summary>
/// Reaches any status by driving the real actions with properly-roled actors (never by setting state).
/// Paths: Registered → Dispatched → Claimed → InProgress → PendingApproval → Replied → ReReview | Closed;
/// Claimed → ReturnRequested → PendingDispatch; Registered → Merged | Invalid.
/// </summary>
public sealed class AppealBuilder
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 3, 9, 0, 0, global::Minsheng.Domain.Calendar.ChinaTime.Offset);
    private static long _nextId = 1000;

    private Tier _tier = Tier.Timely;
    private AppealType _type = AppealType.Complaint;
    private long? _subject;
    private long[] _coUnits = [CoUnit];
    private bool _pendingExtension;
    private int _notReached;
    private DateTimeOffset _now = T0;

    /// <summary>Time of the last step taken; later steps in a test should use <see cref="Next"/>.</summary>
    public DateTimeOffset Now => _now;

    public DateTimeOffset Next() => _now = _now.AddMinutes(10);

    public AppealBuilder WithTier(Tier tier) { _tier = tier; return this; }
    public AppealBuilder WithType(AppealType type) { _type = type; return this; }
    public AppealBuilder WithSubject(long unitId) { _subject = unitId; return this; }
    public AppealBuilder WithoutCoUnits() { _coUnits = []; return this; }

    /// <summary>Asks for an extension right after Claim (so every status reached through Claimed carries it).</summary>
    public AppealBuilder WithPendingExtension() { _pendingExtension = true; return this; }

    /// <summary>Records this many unreached callbacks right after the reply is approved.</summary>
    public AppealBuilder WithNotReachedCallbacks(int attempts) { _notReached = attempts; return this; }

    public Appeal NewAppeal() =>
        Appeal.Register(Drafts.Valid(_tier, _type, _subject), $"MS{Interlocked.Increment(ref _nextId)}", "QC1234", Operator, Next());

    public Appeal At(AppealStatus status) => status switch
    {
        Registered => NewAppeal(),
        Dispatched => Step(At(Registered), (a, t) => a.Dispatch(LeadUnit, _coUnits, Dispatcher, t, Schedules.Default)),
        Claimed => Step(At(Dispatched), (a, t) =>
        {
            a.Claim(LeadHandler, t);
            if (_pendingExtension) a.RequestExtension(5, "需协调供电公司", LeadHandler, Next(), Schedules.Default);
        }),
        InProgress => Step(At(Claimed), (a, t) => a.RecordContact("已电话联系群众", LeadHandler, t)),
        ReturnRequested => Step(At(Claimed), (a, t) => a.RequestReturn("不属于本单位职责", LeadHandler, t, Schedules.Default)),
        PendingDispatch => Step(At(ReturnRequested), (a, t) => a.AcceptReturn(Dispatcher, t)),
        PendingApproval => Step(At(InProgress), (a, t) => a.SubmitReply("已修复路灯。", LeadHandler, t)),
        Replied => Step(At(PendingApproval), (a, t) =>
        {
            a.ApproveReply(LeadHead, t);
            for (var i = 0; i < _notReached; i++)
                a.RecordCallback(CallbackOutcome.NotReached, null, null, "无人接听", Operator, Next());
        }),
        ReReview => Step(At(Replied), (a, t) => a.RecordCallback(CallbackOutcome.Unsatisfied, false, true, "仍未修好", Operator, t)),
        Closed => Step(At(Replied), (a, t) => a.RecordCallback(CallbackOutcome.Satisfied, true, null, null, Operator, t)),
        Merged => Step(At(Registered), (a, t) => a.MergeInto(MergeTarget(), Dispatcher, t)),
        Invalid => Step(At(Registered), (a, t) => a.MarkInvalid("骚扰电话", Operator, t)),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private Appeal Step(Appeal appeal, Action<Appeal, DateTimeOffset> action)
    {
        action(appeal, Next());
        return appeal;
    }

    /// <summary>
    /// An appeal at <paramref name="status"/> whose state-only guards let <paramref name="action"/> through
    /// wherever the table allows it (a pending extension to decide, enough callback attempts to close).
    /// </summary>
    public static Appeal ReadyFor(AppealStatus status, AppealAction action)
    {
        var builder = new AppealBuilder();
        if (action is AppealAction.ApproveExtension or AppealAction.RejectExtension) builder.WithPendingExtension();
        if (action == AppealAction.Close && status == Replied) builder.WithNotReachedCallbacks(Appeal.CallbackAttemptsBeforeClose);
        if (action == AppealAction.DirectAnswer) builder.WithType(AppealType.Consultation); // only consultations may be answered directly
        return builder.At(status);
    }

    /// <summary>
    /// A registered appeal with a store-assigned key. The domain tells appeals apart by Id in MergeInto, and only
    /// the store assigns Id, so this one property is set by reflection; status is never set this way.
    /// </summary>
    public static Appeal MergeTarget(AppealStatus status = Registered) => Persisted(new AppealBuilder().At(status));

    public static Appeal Persisted(Appeal appeal, long? id = null)
    {
        typeof(Appeal).GetProperty(nameof(Appeal.Id))!.SetValue(appeal, id ?? Interlocked.Increment(ref _nextId));
        return appeal;
    }
}
