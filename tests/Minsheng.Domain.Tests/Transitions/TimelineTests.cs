using Minsheng.Domain.Appeals;
using Minsheng.Domain.Tests.TestKit;

namespace Minsheng.Domain.Tests.Transitions;

/// <summary>Every successful action leaves exactly one timeline entry and bumps Version; a refused one leaves none.</summary>
public class TimelineTests
{
    public static TheoryData<AppealStatus, AppealAction> LegalMoves()
    {
        var data = new TheoryData<AppealStatus, AppealAction>();
        foreach (var rule in Workflow.Table)
            foreach (var (from, _) in rule.Moves)
                data.Add(from, rule.Action);
        return data;
    }

    [Theory, MemberData(nameof(LegalMoves))]
    public void Successful_action_appends_one_entry_and_bumps_version(AppealStatus from, AppealAction action)
    {
        var appeal = AppealBuilder.ReadyFor(from, action);
        var entries = appeal.Timeline.Count;
        var version = appeal.Version;
        var actor = Perform.DefaultActor(action);

        Perform.Action(appeal, action, actor, Perform.Later);

        appeal.Timeline.Count.ShouldBe(entries + 1);
        appeal.Version.ShouldBe(version + 1);
        appeal.UpdatedAt.ShouldBe(Perform.Later);
        var entry = appeal.Timeline[^1];
        entry.Action.ShouldBe(action);
        entry.FromStatus.ShouldBe(from);
        entry.ToStatus.ShouldBe(Workflow.Target(from, action)!.Value);
        entry.ToStatus.ShouldBe(appeal.Status);
        entry.ActorUserId.ShouldBe(actor.UserId);
        entry.ActorName.ShouldBe(actor.Name);
        entry.ActorRole.ShouldBe(actor.Role);
        entry.ActorUnitId.ShouldBe(actor.UnitId);
        entry.At.ShouldBe(Perform.Later);
        entry.IsPublic.ShouldBe(Workflow.Rule(action).Public);
    }

    [Fact]
    public void Register_starts_the_timeline_at_version_one()
    {
        var appeal = Appeal.Register(Drafts.Valid(), "MS1", "QC1", Actors.Operator, AppealBuilder.T0);

        appeal.Version.ShouldBe(1);
        var entry = appeal.Timeline.ShouldHaveSingleItem();
        entry.Action.ShouldBe(AppealAction.Register);
        entry.FromStatus.ShouldBeNull();
        entry.ToStatus.ShouldBe(AppealStatus.Registered);
        entry.ActorRole.ShouldBe(Organization.Role.Operator);
        entry.IsPublic.ShouldBeTrue();
    }

    [Fact]
    public void Main_path_timeline_reads_as_the_story_of_the_appeal()
    {
        var appeal = new AppealBuilder().At(AppealStatus.Closed);

        appeal.Timeline.Select(e => e.Action).ShouldBe(
        [
            AppealAction.Register, AppealAction.Dispatch, AppealAction.Claim, AppealAction.RecordContact,
            AppealAction.SubmitReply, AppealAction.ApproveReply, AppealAction.CallbackSatisfied,
        ]);
        appeal.Version.ShouldBe(7);
        for (var i = 1; i < appeal.Timeline.Count; i++)
            appeal.Timeline[i].FromStatus.ShouldBe(appeal.Timeline[i - 1].ToStatus);
    }

    [Fact]
    public void Illegal_action_leaves_timeline_and_version_untouched()
    {
        var appeal = new AppealBuilder().At(AppealStatus.Closed);
        var entries = appeal.Timeline.Count;
        var version = appeal.Version;

        Should.Throw<IllegalTransitionException>(() => appeal.Dispatch(Actors.LeadUnit, [], Actors.Dispatcher, Perform.Later, Schedules.Default));
        Should.Throw<ActionForbiddenException>(() => appeal.Reopen("理由", Actors.Operator, Perform.Later));

        appeal.Timeline.Count.ShouldBe(entries);
        appeal.Version.ShouldBe(version);
    }

    [Fact]
    public void Comment_is_trimmed_and_blank_comment_is_stored_as_null()
    {
        var appeal = new AppealBuilder().At(AppealStatus.Dispatched);
        appeal.Claim(Actors.LeadHandler, Perform.Later, "   ");
        appeal.Timeline[^1].Comment.ShouldBeNull();
        appeal.RecordContact("  已联系  ", Actors.LeadHandler, Perform.Later);
        appeal.Timeline[^1].Comment.ShouldBe("已联系");
    }

    [Fact]
    public void Internal_steps_are_not_public()
    {
        var appeal = new AppealBuilder().At(AppealStatus.InProgress);
        appeal.Timeline.Single(e => e.Action == AppealAction.RecordContact).IsPublic.ShouldBeFalse();
        appeal.Timeline.Single(e => e.Action == AppealAction.Claim).IsPublic.ShouldBeTrue();
    }
}
