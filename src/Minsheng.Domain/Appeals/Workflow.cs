using Minsheng.Domain.Organization;
using static Minsheng.Domain.Appeals.AppealAction;
using static Minsheng.Domain.Appeals.AppealStatus;
using static Minsheng.Domain.Organization.Role;

namespace Minsheng.Domain.Appeals;

/// <summary>Whose unit must cover which unit of the appeal for unit staff to act.</summary>
public enum Party { Anyone, LeadUnit, CoUnit }

public sealed record Transition(AppealAction Action, Role[] Roles, Party Party, bool Public, (AppealStatus From, AppealStatus To)[] Moves);

/// <summary>
/// The whole appeal workflow: (status, action) → status, and who may act. A few actions add a guard on
/// the appeal's own data (extension once, callbacks before closing); those live beside the action in Appeal.
/// </summary>
public static class Workflow
{
    private static readonly Role[] Desk = [Operator, Dispatcher];
    private static readonly Role[] Staff = [UnitHandler, UnitHead];
    private static readonly AppealStatus[] Open = [Registered, PendingDispatch, Dispatched, Claimed, InProgress, ReturnRequested, PendingApproval, Replied, ReReview];

    public static readonly IReadOnlyList<Transition> Table =
    [
        //  action              who                          party           public  from → to
        new(DirectAnswer,       Desk,                        Party.Anyone,   true,  [(Registered, Closed), (PendingDispatch, Closed)]),
        new(Dispatch,           [Dispatcher],                Party.Anyone,   true,  [(Registered, Dispatched), (PendingDispatch, Dispatched)]),
        new(Claim,              Staff,                       Party.LeadUnit, true,  [(Dispatched, Claimed)]),
        new(RecordContact,      Staff,                       Party.LeadUnit, false, [(Claimed, InProgress)]),
        new(RequestReturn,      Staff,                       Party.LeadUnit, false, [(Dispatched, ReturnRequested), (Claimed, ReturnRequested), (InProgress, ReturnRequested)]),
        new(AcceptReturn,       [Dispatcher],                Party.Anyone,   false, [(ReturnRequested, PendingDispatch)]),
        new(RejectReturn,       [Dispatcher],                Party.Anyone,   false, [(ReturnRequested, Dispatched)]),
        new(RequestExtension,   Staff,                       Party.LeadUnit, false, [(Claimed, Claimed), (InProgress, InProgress)]),
        new(ApproveExtension,   [Dispatcher],                Party.Anyone,   true,  [(Claimed, Claimed), (InProgress, InProgress)]),
        new(RejectExtension,    [Dispatcher],                Party.Anyone,   false, [(Claimed, Claimed), (InProgress, InProgress)]),
        new(Contribute,         Staff,                       Party.CoUnit,   false, [(Dispatched, Dispatched), (Claimed, Claimed), (InProgress, InProgress), (PendingApproval, PendingApproval)]),
        new(SubmitReply,        Staff,                       Party.LeadUnit, false, [(Claimed, PendingApproval), (InProgress, PendingApproval)]),
        new(ApproveReply,       [UnitHead],                  Party.LeadUnit, true,  [(PendingApproval, Replied)]),
        new(RejectReply,        [UnitHead],                  Party.LeadUnit, false, [(PendingApproval, InProgress)]),
        new(CallbackSatisfied,  Desk,                        Party.Anyone,   true,  [(Replied, Closed)]),
        new(CallbackUnsatisfied, Desk,                       Party.Anyone,   true,  [(Replied, ReReview)]),
        new(CallbackNotReached, Desk,                        Party.Anyone,   false, [(Replied, Replied)]),
        new(Redo,               [Dispatcher],                Party.Anyone,   true,  [(ReReview, Dispatched)]),
        new(Close,              [Dispatcher],                Party.Anyone,   true,  [(ReReview, Closed), (Replied, Closed)]),
        new(Merge,              [Dispatcher],                Party.Anyone,   true,  [(Registered, Merged), (PendingDispatch, Merged), (Dispatched, Merged)]),
        new(MarkInvalid,        Desk,                        Party.Anyone,   true,  [(Registered, Invalid), (PendingDispatch, Invalid)]),
        new(Reopen,             [Dispatcher, Supervisor],    Party.Anyone,   true,  [(Closed, PendingDispatch)]),
        new(Escalate,           [Dispatcher, Supervisor, Leader], Party.Anyone, false, [.. Open.Select(s => (s, s))]),
        new(HandDown,           [Dispatcher],                Party.Anyone,   false, [(Registered, PendingDispatch), (PendingDispatch, PendingDispatch)]),
    ];

    private static readonly Dictionary<AppealAction, Transition> ByAction = Table.ToDictionary(t => t.Action);

    public static Transition Rule(AppealAction action) =>
        ByAction.TryGetValue(action, out var t) ? t : throw new ArgumentOutOfRangeException(nameof(action), action, "No rule for this action.");

    /// <summary>The status the action leads to from this status, or null when the table has no such move.</summary>
    public static AppealStatus? Target(AppealStatus from, AppealAction action)
    {
        foreach (var (f, to) in Rule(action).Moves)
            if (f == from) return to;
        return null;
    }

    /// <summary>Actions a role could take from a status (the UI shows these as buttons).</summary>
    public static IEnumerable<AppealAction> Available(AppealStatus status, Role role) =>
        Table.Where(t => t.Roles.Contains(role) && t.Moves.Any(m => m.From == status)).Select(t => t.Action);

    public static bool IsTerminal(AppealStatus status) => AppealStatuses.IsTerminal(status);
}
