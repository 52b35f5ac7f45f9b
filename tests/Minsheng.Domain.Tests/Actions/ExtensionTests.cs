using Minsheng.Domain.Appeals;
using Minsheng.Domain.TimeLimits;
using Minsheng.Domain.Tests.TestKit;
using static Minsheng.Domain.Appeals.AppealStatus;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.Actions;

/// <summary>延期: once per appeal, never for 特别办, and decided only while a request is pending.</summary>
public class ExtensionTests
{
    [Fact]
    public void RequestExtension_records_a_pending_request_and_keeps_the_status()
    {
        var appeal = new AppealBuilder().At(InProgress);
        appeal.RequestExtension(5, "需协调供电公司", LeadHandler, Perform.Later, Schedules.Default);

        appeal.Status.ShouldBe(InProgress);
        appeal.PendingExtensionDays.ShouldBe(5);
        appeal.PendingExtensionReason.ShouldBe("需协调供电公司");
        appeal.ExtensionUsed.ShouldBeFalse();
    }

    [Fact]
    public void ApproveExtension_uses_up_the_one_extension()
    {
        var appeal = new AppealBuilder().WithPendingExtension().At(Claimed);
        appeal.ApproveExtension(Dispatcher, Perform.Later, null, Schedules.Default);

        appeal.ExtensionUsed.ShouldBeTrue();
        appeal.PendingExtensionDays.ShouldBeNull();
        appeal.PendingExtensionReason.ShouldBeNull();
    }

    [Fact]
    public void Second_extension_after_approval_throws_illegal_transition()
    {
        var appeal = new AppealBuilder().WithPendingExtension().At(InProgress);
        appeal.ApproveExtension(Dispatcher, Perform.Later, null, Schedules.Default);

        var ex = Should.Throw<IllegalTransitionException>(() => appeal.RequestExtension(3, "还需时间", LeadHandler, Perform.Later, Schedules.Default));
        ex.Action.ShouldBe(AppealAction.RequestExtension);
        ex.Status.ShouldBe(InProgress);
    }

    [Fact]
    public void Rejected_extension_may_be_requested_again()
    {
        var appeal = new AppealBuilder().WithPendingExtension().At(InProgress);
        appeal.RejectExtension("理由不充分", Dispatcher, Perform.Later);
        appeal.ExtensionUsed.ShouldBeFalse();
        appeal.PendingExtensionDays.ShouldBeNull();

        appeal.RequestExtension(3, "补充说明：需等待配件", LeadHandler, Perform.Later, Schedules.Default);
        appeal.PendingExtensionDays.ShouldBe(3);
    }

    [Fact]
    public void Second_request_while_one_is_pending_throws_illegal_transition() =>
        Should.Throw<IllegalTransitionException>(() =>
            new AppealBuilder().WithPendingExtension().At(InProgress).RequestExtension(3, "再申请", LeadHandler, Perform.Later, Schedules.Default));

    [Fact]
    public void Urgent_tier_never_gets_an_extension()
    {
        var appeal = new AppealBuilder().WithTier(Tier.Urgent).At(InProgress);

        var ex = Should.Throw<IllegalTransitionException>(() => appeal.RequestExtension(1, "需协调", LeadHandler, Perform.Later, Schedules.Default));
        ex.Action.ShouldBe(AppealAction.RequestExtension);
        appeal.PendingExtensionDays.ShouldBeNull();
    }

    [Theory]
    [InlineData(AppealAction.ApproveExtension)]
    [InlineData(AppealAction.RejectExtension)]
    public void Deciding_without_a_pending_request_throws_illegal_transition(AppealAction action)
    {
        var appeal = new AppealBuilder().At(InProgress);
        var ex = Should.Throw<IllegalTransitionException>(() => Perform.Action(appeal, action));
        ex.Action.ShouldBe(action);
        ex.Status.ShouldBe(InProgress);
        appeal.ExtensionUsed.ShouldBeFalse();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(TimeLimitRules.DefaultMaxExtensionDays + 1)]
    public void Days_outside_one_to_the_rules_maximum_are_invalid(int days) =>
        Should.Throw<DomainValidationException>(() =>
                new AppealBuilder().At(InProgress).RequestExtension(days, "需协调", LeadHandler, Perform.Later, Schedules.Default))
            .Errors.Keys.ShouldBe(["days"]);

    [Theory]
    [InlineData(1)]
    [InlineData(TimeLimitRules.DefaultMaxExtensionDays)]
    public void Days_at_the_bounds_are_accepted(int days)
    {
        var appeal = new AppealBuilder().At(InProgress);
        appeal.RequestExtension(days, "需协调", LeadHandler, Perform.Later, Schedules.Default);
        appeal.PendingExtensionDays.ShouldBe(days);
    }

    [Fact]
    public void Request_text_on_the_timeline_names_the_days()
    {
        var appeal = new AppealBuilder().At(Claimed);
        appeal.RequestExtension(7, "需协调", LeadHandler, Perform.Later, Schedules.Default);
        appeal.Timeline[^1].Comment.ShouldBe("申请延期 7 个工作日：需协调");
    }
}
