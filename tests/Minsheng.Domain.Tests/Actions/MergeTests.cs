using Minsheng.Domain.Appeals;
using Minsheng.Domain.Tests.TestKit;
using static Minsheng.Domain.Appeals.AppealStatus;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.Actions;

/// <summary>并案: a duplicate is merged into an open appeal, never into itself or an ended one.</summary>
public class MergeTests
{
    [Theory]
    [InlineData(Registered)]
    [InlineData(PendingDispatch)]
    [InlineData(Dispatched)]
    public void Merge_points_at_the_target_and_ends_the_duplicate(AppealStatus from)
    {
        var appeal = new AppealBuilder().At(from);
        var target = AppealBuilder.MergeTarget();

        appeal.MergeInto(target, Dispatcher, Perform.Later);

        appeal.Status.ShouldBe(Merged);
        appeal.MergedIntoId.ShouldBe(target.Id);
        appeal.ClosedAt.ShouldBe(Perform.Later);
        appeal.Timeline[^1].Comment.ShouldBe($"并入 {target.Number}");
        target.Status.ShouldBe(Registered);
    }

    [Theory]
    [InlineData(Dispatched)]
    [InlineData(InProgress)]
    [InlineData(Replied)]
    public void Merge_into_an_open_appeal_in_any_stage_succeeds(AppealStatus targetStatus)
    {
        var appeal = new AppealBuilder().At(Registered);
        appeal.MergeInto(AppealBuilder.MergeTarget(targetStatus), Dispatcher, Perform.Later);
        appeal.Status.ShouldBe(Merged);
    }

    [Fact]
    public void Merge_into_itself_is_invalid()
    {
        var appeal = AppealBuilder.Persisted(new AppealBuilder().At(Registered));

        var ex = Should.Throw<DomainValidationException>(() => appeal.MergeInto(appeal, Dispatcher, Perform.Later));

        ex.Errors.Keys.ShouldBe(["targetId"]);
        appeal.Status.ShouldBe(Registered);
    }

    [Theory]
    [InlineData(Closed)]
    [InlineData(Merged)]
    [InlineData(Invalid)]
    public void Merge_into_an_ended_appeal_throws_illegal_transition(AppealStatus targetStatus)
    {
        var appeal = new AppealBuilder().At(Registered);
        var target = AppealBuilder.MergeTarget(targetStatus);

        var ex = Should.Throw<IllegalTransitionException>(() => appeal.MergeInto(target, Dispatcher, Perform.Later));

        ex.Status.ShouldBe(Registered);
        ex.Action.ShouldBe(AppealAction.Merge);
        appeal.Status.ShouldBe(Registered);
        appeal.MergedIntoId.ShouldBeNull();
    }

    [Fact]
    public void Only_a_dispatcher_merges() =>
        Should.Throw<ActionForbiddenException>(() =>
            new AppealBuilder().At(Registered).MergeInto(AppealBuilder.MergeTarget(), Operator, Perform.Later));
}
