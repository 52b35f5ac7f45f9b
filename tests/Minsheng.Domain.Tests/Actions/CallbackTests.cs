using Minsheng.Domain.Appeals;
using Minsheng.Domain.Tests.TestKit;
using static Minsheng.Domain.Appeals.AppealStatus;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.Actions;

/// <summary>回访: satisfied closes, unsatisfied goes to re-review, not reached keeps the appeal replied.</summary>
public class CallbackTests
{
    [Fact]
    public void BasicallySatisfied_counts_as_satisfied_and_closes()
    {
        var appeal = new AppealBuilder().At(Replied);
        appeal.RecordCallback(CallbackOutcome.BasicallySatisfied, true, true, null, Dispatcher, Perform.Later);

        appeal.Status.ShouldBe(Closed);
        appeal.Timeline[^1].Action.ShouldBe(AppealAction.CallbackSatisfied);
        appeal.UnitAtFault.ShouldBeNull();
    }

    [Fact]
    public void Unsatisfied_moves_to_re_review_and_records_fault()
    {
        var appeal = new AppealBuilder().At(Replied);
        appeal.RecordCallback(CallbackOutcome.Unsatisfied, false, true, "仍未修好", Operator, Perform.Later);

        appeal.Status.ShouldBe(ReReview);
        appeal.CallbackOutcome.ShouldBe(CallbackOutcome.Unsatisfied);
        appeal.Resolved.ShouldBe(false);
        appeal.UnitAtFault.ShouldBe(true);
        appeal.ClosedAt.ShouldBeNull();
    }

    [Fact]
    public void NotReached_keeps_replied_and_counts_attempts()
    {
        var appeal = new AppealBuilder().At(Replied);
        appeal.RecordCallback(CallbackOutcome.NotReached, null, null, "无人接听", Operator, Perform.Later);
        appeal.RecordCallback(CallbackOutcome.NotReached, null, null, "关机", Operator, Perform.Later.AddHours(2));

        appeal.Status.ShouldBe(Replied);
        appeal.CallbackAttempts.ShouldBe(2);
        appeal.CallbackOutcome.ShouldBe(CallbackOutcome.NotReached);
        appeal.Resolved.ShouldBeNull();
    }

    [Fact]
    public void Undefined_outcome_is_invalid() =>
        Should.Throw<DomainValidationException>(() =>
                new AppealBuilder().At(Replied).RecordCallback((CallbackOutcome)42, null, null, null, Operator, Perform.Later))
            .Errors.Keys.ShouldBe(["outcome"]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Close_from_replied_before_three_attempts_throws_illegal_transition(int attempts)
    {
        var appeal = new AppealBuilder().WithNotReachedCallbacks(attempts).At(Replied);

        var ex = Should.Throw<IllegalTransitionException>(() => appeal.Close("联系不上", Dispatcher, Perform.Later));

        ex.Status.ShouldBe(Replied);
        ex.Action.ShouldBe(AppealAction.Close);
        appeal.Status.ShouldBe(Replied);
    }

    [Fact]
    public void Close_from_replied_after_three_unreached_attempts_closes()
    {
        var appeal = new AppealBuilder().WithNotReachedCallbacks(Appeal.CallbackAttemptsBeforeClose).At(Replied);
        appeal.Close("三次回访均未联系上", Dispatcher, Perform.Later);

        appeal.Status.ShouldBe(Closed);
        appeal.CloseReason.ShouldBe("三次回访均未联系上");
        appeal.ClosedAt.ShouldBe(Perform.Later);
    }

    [Fact]
    public void ReReview_then_redo_dispatches_again_to_the_same_lead_without_a_reply()
    {
        var appeal = new AppealBuilder().At(ReReview);
        appeal.Redo("群众不满意，重新办理", Dispatcher, Perform.Later, Schedules.Default);

        appeal.Status.ShouldBe(Dispatched);
        appeal.RedoCount.ShouldBe(1);
        appeal.LeadUnitId.ShouldBe(LeadUnit);
        appeal.Reply.ShouldBeNull();
        appeal.RepliedAt.ShouldBeNull();
    }

    [Fact]
    public void Redone_appeal_can_be_replied_again_and_counts_callbacks_afresh()
    {
        var b = new AppealBuilder().WithNotReachedCallbacks(1);
        var appeal = b.At(ReReview);
        appeal.CallbackAttempts.ShouldBe(2);
        appeal.Redo("重新办理", Dispatcher, b.Next(), Schedules.Default);
        appeal.Claim(LeadHandler, b.Next());
        appeal.SubmitReply("已彻底修复。", LeadHandler, b.Next());
        appeal.ApproveReply(LeadHead, b.Next());

        appeal.Status.ShouldBe(Replied);
        appeal.Reply.ShouldBe("已彻底修复。");
        appeal.CallbackAttempts.ShouldBe(0);
        appeal.CallbackOutcome.ShouldBeNull();
        appeal.RedoCount.ShouldBe(1);
    }

    [Fact]
    public void ReReview_can_be_closed_without_callback_attempts()
    {
        var appeal = new AppealBuilder().At(ReReview);
        appeal.Close("经复核已依法依规办理", Dispatcher, Perform.Later);

        appeal.Status.ShouldBe(Closed);
        appeal.CloseReason.ShouldBe("经复核已依法依规办理");
        appeal.RedoCount.ShouldBe(0);
    }
}
