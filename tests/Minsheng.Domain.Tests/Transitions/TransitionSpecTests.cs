using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;

namespace Minsheng.Domain.Tests.Transitions;

/// <summary>
/// The table written out by hand from the product rules, so that an accidental edit of Workflow.Table
/// (a move added, dropped or retargeted, a role widened) fails here and not only in production.
/// </summary>
public class TransitionSpecTests
{
    private static readonly string[] ExpectedMoves =
    [
        "DirectAnswer: Registered -> Closed", "DirectAnswer: PendingDispatch -> Closed",
        "Dispatch: Registered -> Dispatched", "Dispatch: PendingDispatch -> Dispatched",
        "Claim: Dispatched -> Claimed",
        "RecordContact: Claimed -> InProgress",
        "RequestReturn: Dispatched -> ReturnRequested", "RequestReturn: Claimed -> ReturnRequested", "RequestReturn: InProgress -> ReturnRequested",
        "AcceptReturn: ReturnRequested -> PendingDispatch",
        "RejectReturn: ReturnRequested -> Dispatched",
        "RequestExtension: Claimed -> Claimed", "RequestExtension: InProgress -> InProgress",
        "ApproveExtension: Claimed -> Claimed", "ApproveExtension: InProgress -> InProgress",
        "RejectExtension: Claimed -> Claimed", "RejectExtension: InProgress -> InProgress",
        "Contribute: Dispatched -> Dispatched", "Contribute: Claimed -> Claimed", "Contribute: InProgress -> InProgress", "Contribute: PendingApproval -> PendingApproval",
        "SubmitReply: Claimed -> PendingApproval", "SubmitReply: InProgress -> PendingApproval",
        "ApproveReply: PendingApproval -> Replied",
        "RejectReply: PendingApproval -> InProgress",
        "CallbackSatisfied: Replied -> Closed",
        "CallbackUnsatisfied: Replied -> ReReview",
        "CallbackNotReached: Replied -> Replied",
        "Redo: ReReview -> Dispatched",
        "Close: ReReview -> Closed", "Close: Replied -> Closed",
        "Merge: Registered -> Merged", "Merge: PendingDispatch -> Merged", "Merge: Dispatched -> Merged",
        "MarkInvalid: Registered -> Invalid", "MarkInvalid: PendingDispatch -> Invalid",
        "Reopen: Closed -> PendingDispatch",
        "HandDown: Registered -> PendingDispatch", "HandDown: PendingDispatch -> PendingDispatch",
        .. new[] { "Registered", "PendingDispatch", "Dispatched", "Claimed", "InProgress", "ReturnRequested", "PendingApproval", "Replied", "ReReview" }
            .Select(s => $"Escalate: {s} -> {s}"),
    ];

    [Fact]
    public void Table_holds_exactly_the_moves_of_the_product_rules()
    {
        var actual = Workflow.Table.SelectMany(t => t.Moves.Select(m => $"{t.Action}: {m.From} -> {m.To}"));
        actual.ShouldBe(ExpectedMoves, ignoreOrder: true);
    }

    [Theory]
    [InlineData(AppealAction.DirectAnswer, new[] { Role.Operator, Role.Dispatcher })]
    [InlineData(AppealAction.Dispatch, new[] { Role.Dispatcher })]
    [InlineData(AppealAction.Claim, new[] { Role.UnitHandler, Role.UnitHead })]
    [InlineData(AppealAction.SubmitReply, new[] { Role.UnitHandler, Role.UnitHead })]
    [InlineData(AppealAction.ApproveReply, new[] { Role.UnitHead })]
    [InlineData(AppealAction.RejectReply, new[] { Role.UnitHead })]
    [InlineData(AppealAction.CallbackSatisfied, new[] { Role.Operator, Role.Dispatcher })]
    [InlineData(AppealAction.Close, new[] { Role.Dispatcher })]
    [InlineData(AppealAction.Reopen, new[] { Role.Dispatcher, Role.Supervisor })]
    [InlineData(AppealAction.Escalate, new[] { Role.Dispatcher, Role.Supervisor, Role.Leader })]
    [InlineData(AppealAction.HandDown, new[] { Role.Dispatcher })]
    public void Roles_of_key_rows_match_the_product_rules(AppealAction action, Role[] roles) =>
        Workflow.Rule(action).Roles.ShouldBe(roles, ignoreOrder: true);

    [Theory]
    [InlineData(AppealAction.Claim, Party.LeadUnit)]
    [InlineData(AppealAction.SubmitReply, Party.LeadUnit)]
    [InlineData(AppealAction.ApproveReply, Party.LeadUnit)]
    [InlineData(AppealAction.RequestReturn, Party.LeadUnit)]
    [InlineData(AppealAction.RequestExtension, Party.LeadUnit)]
    [InlineData(AppealAction.Contribute, Party.CoUnit)]
    [InlineData(AppealAction.Dispatch, Party.Anyone)]
    public void Unit_actions_are_bound_to_their_party(AppealAction action, Party party) =>
        Workflow.Rule(action).Party.ShouldBe(party);

    [Fact]
    public void Available_lists_the_buttons_a_role_has_in_a_status()
    {
        Workflow.Available(AppealStatus.Registered, Role.Dispatcher).ShouldBe(
            [AppealAction.DirectAnswer, AppealAction.Dispatch, AppealAction.Merge, AppealAction.MarkInvalid, AppealAction.Escalate, AppealAction.HandDown],
            ignoreOrder: true);
        Workflow.Available(AppealStatus.PendingApproval, Role.UnitHead).ShouldBe(
            [AppealAction.Contribute, AppealAction.ApproveReply, AppealAction.RejectReply], ignoreOrder: true);
        Workflow.Available(AppealStatus.Closed, Role.Operator).ShouldBeEmpty();
    }
}
