using Minsheng.Domain.Appeals;
using Minsheng.Domain.Tests.TestKit;
using static Minsheng.Domain.Appeals.AppealStatus;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.Transitions;

/// <summary>Unit staff act only on appeals whose lead (or co) unit lies in their own subtree.</summary>
public class UnitPartyTests
{
    [Fact]
    public void Claim_by_handler_not_covering_the_lead_unit_is_forbidden()
    {
        var appeal = new AppealBuilder().At(Dispatched);
        Should.Throw<ActionForbiddenException>(() => appeal.Claim(OtherHandler, Perform.Later)).Action.ShouldBe(AppealAction.Claim);
        appeal.Status.ShouldBe(Dispatched);
    }

    [Fact]
    public void Claim_by_staff_of_a_child_unit_of_the_lead_is_forbidden() =>
        Should.Throw<ActionForbiddenException>(() => new AppealBuilder().At(Dispatched).Claim(SubUnitHandler, Perform.Later));

    [Fact]
    public void Claim_by_co_unit_handler_is_forbidden() =>
        Should.Throw<ActionForbiddenException>(() => new AppealBuilder().At(Dispatched).Claim(CoHandler, Perform.Later));

    [Fact]
    public void Claim_by_staff_of_a_unit_above_the_lead_succeeds()
    {
        var appeal = new AppealBuilder().At(Dispatched);
        appeal.Claim(CountyHandler, Perform.Later);
        appeal.Status.ShouldBe(Claimed);
    }

    [Theory]
    [InlineData(AppealAction.RecordContact, Claimed)]
    [InlineData(AppealAction.RequestReturn, Dispatched)]
    [InlineData(AppealAction.RequestExtension, InProgress)]
    [InlineData(AppealAction.SubmitReply, InProgress)]
    public void Lead_unit_action_by_a_co_or_unrelated_unit_is_forbidden(AppealAction action, AppealStatus from)
    {
        Should.Throw<ActionForbiddenException>(() => Perform.Action(new AppealBuilder().At(from), action, CoHandler));
        Should.Throw<ActionForbiddenException>(() => Perform.Action(new AppealBuilder().At(from), action, OtherHandler));
    }

    [Fact]
    public void ApproveReply_by_head_of_another_unit_is_forbidden()
    {
        Should.Throw<ActionForbiddenException>(() => new AppealBuilder().At(PendingApproval).ApproveReply(OtherHead, Perform.Later));
        Should.Throw<ActionForbiddenException>(() => new AppealBuilder().At(PendingApproval).ApproveReply(CoHead, Perform.Later));
    }

    [Fact]
    public void ApproveReply_by_a_handler_of_the_lead_unit_is_forbidden_by_role() =>
        Should.Throw<ActionForbiddenException>(() => new AppealBuilder().At(PendingApproval).ApproveReply(LeadHandler, Perform.Later));

    [Theory]
    [InlineData(Dispatched)]
    [InlineData(Claimed)]
    [InlineData(InProgress)]
    [InlineData(PendingApproval)]
    public void Contribute_by_co_unit_staff_keeps_the_status(AppealStatus status)
    {
        var appeal = new AppealBuilder().At(status);
        appeal.Contribute("已配合排查线路。", CoHead, Perform.Later);
        appeal.Status.ShouldBe(status);
        appeal.Timeline[^1].Comment.ShouldBe("已配合排查线路。");
    }

    [Fact]
    public void Contribute_by_lead_unit_staff_not_covering_a_co_unit_is_forbidden() =>
        Should.Throw<ActionForbiddenException>(() => new AppealBuilder().At(InProgress).Contribute("意见", LeadHandler, Perform.Later))
            .Action.ShouldBe(AppealAction.Contribute);

    [Fact]
    public void Contribute_by_unrelated_unit_is_forbidden() =>
        Should.Throw<ActionForbiddenException>(() => new AppealBuilder().At(InProgress).Contribute("意见", OtherHandler, Perform.Later));

    [Fact]
    public void Contribute_without_any_co_unit_is_forbidden_to_everyone() =>
        Should.Throw<ActionForbiddenException>(() =>
            new AppealBuilder().WithoutCoUnits().At(InProgress).Contribute("意见", CoHandler, Perform.Later));

    [Fact]
    public void Former_lead_unit_may_not_act_after_a_redispatch_elsewhere()
    {
        var appeal = new AppealBuilder().At(PendingDispatch);
        appeal.Dispatch(OtherUnit, [], Dispatcher, Perform.Later, Schedules.Default);
        Should.Throw<ActionForbiddenException>(() => appeal.Claim(LeadHandler, Perform.Later));
        appeal.Claim(OtherHandler, Perform.Later);
        appeal.Status.ShouldBe(Claimed);
    }
}
