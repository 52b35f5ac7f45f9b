using Minsheng.Domain.Appeals;
using Minsheng.Domain.Tests.TestKit;
using static Minsheng.Domain.Appeals.AppealStatus;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.Actions;

/// <summary>Readable spot checks of the table-driven suite, one per easy-to-get-wrong cell.</summary>
public class IllegalTransitionExampleTests
{
    private static void ShouldBeIllegal(Appeal appeal, AppealAction action, Action act)
    {
        var status = appeal.Status;
        var ex = Should.Throw<IllegalTransitionException>(act);
        ex.Status.ShouldBe(status);
        ex.Action.ShouldBe(action);
        appeal.Status.ShouldBe(status);
    }

    [Fact]
    public void Dispatch_from_closed_throws_illegal_transition()
    {
        var appeal = new AppealBuilder().At(Closed);
        ShouldBeIllegal(appeal, AppealAction.Dispatch, () => appeal.Dispatch(LeadUnit, [], Dispatcher, Perform.Later, Schedules.Default));
    }

    [Fact]
    public void Claim_twice_throws_illegal_transition()
    {
        var appeal = new AppealBuilder().At(Claimed);
        ShouldBeIllegal(appeal, AppealAction.Claim, () => appeal.Claim(LeadHandler, Perform.Later));
    }

    [Fact]
    public void SubmitReply_before_claim_throws_illegal_transition()
    {
        var appeal = new AppealBuilder().At(Dispatched);
        ShouldBeIllegal(appeal, AppealAction.SubmitReply, () => appeal.SubmitReply("答复", LeadHandler, Perform.Later));
    }

    [Fact]
    public void Callback_before_reply_is_approved_throws_illegal_transition()
    {
        var appeal = new AppealBuilder().At(PendingApproval);
        ShouldBeIllegal(appeal, AppealAction.CallbackSatisfied,
            () => appeal.RecordCallback(CallbackOutcome.Satisfied, true, null, null, Operator, Perform.Later));
    }

    [Fact]
    public void Reopen_from_invalid_throws_illegal_transition()
    {
        var appeal = new AppealBuilder().At(Invalid);
        ShouldBeIllegal(appeal, AppealAction.Reopen, () => appeal.Reopen("理由", Dispatcher, Perform.Later));
    }

    [Fact]
    public void Merge_after_claim_throws_illegal_transition()
    {
        var appeal = new AppealBuilder().At(Claimed);
        ShouldBeIllegal(appeal, AppealAction.Merge, () => appeal.MergeInto(AppealBuilder.MergeTarget(), Dispatcher, Perform.Later));
    }

    [Fact]
    public void Escalate_a_merged_appeal_throws_illegal_transition()
    {
        var appeal = new AppealBuilder().At(Merged);
        ShouldBeIllegal(appeal, AppealAction.Escalate, () => appeal.Escalate("理由", Leader, Perform.Later));
    }

    [Fact]
    public void Role_is_checked_before_the_table()
    {
        var appeal = new AppealBuilder().At(Closed);
        Should.Throw<ActionForbiddenException>(() => appeal.Claim(Operator, Perform.Later));
    }
}
