using Minsheng.Domain.Appeals;
using Minsheng.Domain.Tests.TestKit;
using static Minsheng.Domain.Appeals.AppealStatus;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests;

/// <summary>
/// Regression tests for guard bugs found by review: merge identity, lapsed extension requests, reopened
/// replies, role-before-state ordering, NaN coordinates and trimmed lengths.
/// </summary>
public class GuardRegressionTests
{
    /// <summary>MergeInto compares Id, which is 0 for every appeal not yet saved: two distinct new appeals look like one.</summary>
    [Fact]
    public void Merge_of_two_distinct_unsaved_appeals_is_not_a_self_merge()
    {
        var appeal = new AppealBuilder().At(Registered);
        appeal.MergeInto(new AppealBuilder().At(Registered), Dispatcher, Perform.Later);
        appeal.Status.ShouldBe(Merged);
    }

    /// <summary>A pending extension request survives AcceptReturn, so it is still pending for the next lead unit.</summary>
    [Fact]
    public void Accepted_return_drops_the_pending_extension_of_the_old_lead_unit()
    {
        var b = new AppealBuilder().WithPendingExtension();
        var appeal = b.At(PendingDispatch);
        appeal.PendingExtensionDays.ShouldBeNull();

        appeal.Dispatch(OtherUnit, [], Dispatcher, b.Next(), Schedules.Default);
        appeal.Claim(OtherHandler, b.Next());
        appeal.RequestExtension(3, "新主办单位需协调", OtherHandler, b.Next(), Schedules.Default);
        appeal.PendingExtensionDays.ShouldBe(3);
    }

    /// <summary>Redo clears Reply and RepliedAt but Reopen does not: a reopened appeal in the queue still counts as replied.</summary>
    [Fact]
    public void Reopened_appeal_no_longer_counts_as_replied()
    {
        var appeal = new AppealBuilder().At(Closed);
        appeal.Reopen("回头看发现问题反弹", Dispatcher, Perform.Later);
        appeal.Reply.ShouldBeNull();
        appeal.RepliedAt.ShouldBeNull();
    }

    /// <summary>State guards run before the role check in Close, Escalate, MergeInto and the extension methods.</summary>
    [Fact]
    public void Actor_without_the_role_is_forbidden_even_when_a_state_guard_would_also_fail()
    {
        Should.Throw<ActionForbiddenException>(() => new AppealBuilder().At(Replied).Close("联系不上", Operator, Perform.Later));
        Should.Throw<ActionForbiddenException>(() =>
            new AppealBuilder().WithTier(Tier.HighLevel).At(InProgress).Escalate("提级", OtherHandler, Perform.Later));
        Should.Throw<ActionForbiddenException>(() => new AppealBuilder().At(InProgress).ApproveExtension(LeadHandler, Perform.Later, null, Schedules.Default));
        Should.Throw<ActionForbiddenException>(() =>
            new AppealBuilder().WithTier(Tier.Urgent).At(InProgress).RequestExtension(3, "需协调", OtherHandler, Perform.Later, Schedules.Default));
    }

    /// <summary>NaN is neither below -90 nor above 90, so it slips through the range checks.</summary>
    [Fact]
    public void NaN_coordinates_are_invalid() =>
        Should.Throw<DomainValidationException>((Drafts.Valid() with { Latitude = double.NaN, Longitude = double.NaN }).Validate);

    /// <summary>FieldErrors.Text measures the untrimmed value while the trimmed one is stored.</summary>
    [Fact]
    public void Length_limit_applies_to_the_trimmed_text() =>
        Should.NotThrow((Drafts.Valid() with { Title = new string('路', AppealDraft.TitleMax) + "\n" }).Validate);
}
