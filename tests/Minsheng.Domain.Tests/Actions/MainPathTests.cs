using Minsheng.Domain.Appeals;
using Minsheng.Domain.Tests.TestKit;
using static Minsheng.Domain.Appeals.AppealStatus;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.Actions;

/// <summary>registered → dispatched → claimed → in progress → pending approval → replied → closed.</summary>
public class MainPathTests
{
    [Fact]
    public void Appeal_walks_the_main_path_to_closed()
    {
        var b = new AppealBuilder();
        var appeal = b.NewAppeal();
        appeal.Status.ShouldBe(Registered);

        appeal.Dispatch(LeadUnit, [CoUnit, CoUnit], Dispatcher, b.Next(), Schedules.Default, "请尽快处理", categoryId: 7, tier: Tier.Coordinated);
        appeal.Status.ShouldBe(Dispatched);
        appeal.LeadUnitId.ShouldBe(LeadUnit);
        appeal.CoUnits.Select(c => c.UnitId).ShouldBe([CoUnit]);
        appeal.CategoryId.ShouldBe(7);
        appeal.Tier.ShouldBe(Tier.Coordinated);

        appeal.Claim(LeadHandler, b.Next());
        appeal.Status.ShouldBe(Claimed);
        appeal.RecordContact("已电话联系群众", LeadHandler, b.Next());
        appeal.Status.ShouldBe(InProgress);

        appeal.SubmitReply("已修复路灯。", LeadHandler, b.Next());
        appeal.Status.ShouldBe(PendingApproval);

        var approvedAt = b.Next();
        appeal.ApproveReply(LeadHead, approvedAt);
        appeal.Status.ShouldBe(Replied);
        appeal.Reply.ShouldBe("已修复路灯。");
        appeal.RepliedAt.ShouldBe(approvedAt);

        var closedAt = b.Next();
        appeal.RecordCallback(CallbackOutcome.Satisfied, true, null, null, Operator, closedAt);
        appeal.Status.ShouldBe(Closed);
        appeal.ClosedAt.ShouldBe(closedAt);
        appeal.CallbackOutcome.ShouldBe(CallbackOutcome.Satisfied);
        appeal.Resolved.ShouldBe(true);
        appeal.Version.ShouldBe(7);
    }

    [Fact]
    public void Submitted_reply_is_only_a_draft_until_approved()
    {
        var appeal = new AppealBuilder().At(PendingApproval);

        appeal.ReplyDraft.ShouldBe("已修复路灯。");
        appeal.Reply.ShouldBeNull();
        appeal.RepliedAt.ShouldBeNull();
    }

    [Fact]
    public void ApproveReply_turns_the_draft_into_the_reply()
    {
        var appeal = new AppealBuilder().At(PendingApproval);
        appeal.ApproveReply(LeadHead, Perform.Later);

        appeal.Reply.ShouldBe("已修复路灯。");
        appeal.ReplyDraft.ShouldBeNull();
        appeal.RepliedAt.ShouldBe(Perform.Later);
    }

    [Fact]
    public void RejectReply_sends_the_appeal_back_to_in_progress_without_a_reply()
    {
        var appeal = new AppealBuilder().At(PendingApproval);
        appeal.RejectReply("答复过于简单", LeadHead, Perform.Later);

        appeal.Status.ShouldBe(InProgress);
        appeal.Reply.ShouldBeNull();
        appeal.RepliedAt.ShouldBeNull();
    }

    [Fact]
    public void Reply_can_be_submitted_straight_after_claim()
    {
        var appeal = new AppealBuilder().At(Claimed);
        appeal.SubmitReply("已当场处理。", LeadHead, Perform.Later);
        appeal.Status.ShouldBe(PendingApproval);
    }

    [Fact]
    public void Dispatch_with_lead_unit_among_co_units_is_invalid()
    {
        var appeal = new AppealBuilder().At(Registered);
        var ex = Should.Throw<DomainValidationException>(() => appeal.Dispatch(LeadUnit, [LeadUnit, CoUnit], Dispatcher, Perform.Later, Schedules.Default));
        ex.Errors.Keys.ShouldBe(["coUnitIds"]);
        appeal.Status.ShouldBe(Registered);
    }

    [Fact]
    public void DirectAnswer_closes_with_the_answer_as_reply()
    {
        var appeal = new AppealBuilder().WithType(AppealType.Consultation).At(Registered);
        appeal.AnswerDirectly("  这是政策咨询，已当场答复。 ", Operator, Perform.Later);

        appeal.Status.ShouldBe(Closed);
        appeal.Reply.ShouldBe("这是政策咨询，已当场答复。");
        appeal.RepliedAt.ShouldBe(Perform.Later);
        appeal.ClosedAt.ShouldBe(Perform.Later);
    }

    [Fact]
    public void MarkInvalid_ends_the_appeal_with_a_reason()
    {
        var appeal = new AppealBuilder().At(Registered);
        appeal.MarkInvalid("骚扰电话", Operator, Perform.Later);

        appeal.Status.ShouldBe(Invalid);
        appeal.CloseReason.ShouldBe("骚扰电话");
        appeal.ClosedAt.ShouldBe(Perform.Later);
    }
}
