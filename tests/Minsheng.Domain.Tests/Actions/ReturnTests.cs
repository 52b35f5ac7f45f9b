using Minsheng.Domain.Appeals;
using Minsheng.Domain.Tests.TestKit;
using static Minsheng.Domain.Appeals.AppealStatus;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.Actions;

/// <summary>退单: the lead unit asks, the dispatcher accepts (back to the queue) or rejects (back to the unit).</summary>
public class ReturnTests
{
    [Theory]
    [InlineData(Dispatched)]
    [InlineData(Claimed)]
    [InlineData(InProgress)]
    public void RequestReturn_records_reason_and_count(AppealStatus from)
    {
        var appeal = new AppealBuilder().At(from);
        appeal.RequestReturn("不属于本单位职责", LeadHandler, Perform.Later, Schedules.Default);

        appeal.Status.ShouldBe(ReturnRequested);
        appeal.ReturnReason.ShouldBe("不属于本单位职责");
        appeal.ReturnCount.ShouldBe(1);
    }

    [Fact]
    public void AcceptReturn_goes_to_pending_dispatch_with_lead_and_co_units_cleared()
    {
        var appeal = new AppealBuilder().At(ReturnRequested);
        appeal.AcceptReturn(Dispatcher, Perform.Later);

        appeal.Status.ShouldBe(PendingDispatch);
        appeal.LeadUnitId.ShouldBeNull();
        appeal.CoUnits.ShouldBeEmpty();
        appeal.ReturnCount.ShouldBe(1);
    }

    [Fact]
    public void RejectReturn_goes_back_to_dispatched_with_the_same_lead()
    {
        var appeal = new AppealBuilder().At(ReturnRequested);
        appeal.RejectReturn("属于本单位职责", Dispatcher, Perform.Later);

        appeal.Status.ShouldBe(Dispatched);
        appeal.LeadUnitId.ShouldBe(LeadUnit);
        appeal.ReturnReason.ShouldBeNull();
        appeal.Timeline[^1].Comment.ShouldBe("属于本单位职责");
    }

    [Fact]
    public void Rejected_return_must_be_claimed_again_by_the_lead()
    {
        var appeal = new AppealBuilder().At(ReturnRequested);
        appeal.RejectReturn("属于本单位职责", Dispatcher, Perform.Later);
        appeal.Claim(LeadHandler, Perform.Later);
        appeal.Status.ShouldBe(Claimed);
    }

    [Fact]
    public void Accepted_return_is_redispatched_and_the_reason_cleared()
    {
        var appeal = new AppealBuilder().At(PendingDispatch);
        appeal.ReturnReason.ShouldBe("不属于本单位职责");

        appeal.Dispatch(OtherUnit, [CoUnit], Dispatcher, Perform.Later, Schedules.Default);

        appeal.Status.ShouldBe(Dispatched);
        appeal.LeadUnitId.ShouldBe(OtherUnit);
        appeal.ReturnReason.ShouldBeNull();
    }

    [Fact]
    public void Return_counts_add_up_over_several_returns()
    {
        var b = new AppealBuilder();
        var appeal = b.At(ReturnRequested);
        appeal.RejectReturn("属于本单位职责", Dispatcher, b.Next());
        appeal.RequestReturn("确实不属于", LeadHandler, b.Next(), Schedules.Default);
        appeal.ReturnCount.ShouldBe(2);
    }

    [Fact]
    public void Unit_cannot_decide_its_own_return() =>
        Should.Throw<ActionForbiddenException>(() => new AppealBuilder().At(ReturnRequested).AcceptReturn(LeadHead, Perform.Later));
}
