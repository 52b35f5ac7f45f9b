using Minsheng.Domain.Appeals;
using Minsheng.Domain.Tests.TestKit;

namespace Minsheng.Domain.Tests.Transitions;

/// <summary>Every (status, action) pair, driven through the real aggregate, against Workflow.Table.</summary>
public class TransitionTableTests
{
    public static TheoryData<AppealStatus, AppealAction> AllPairs()
    {
        var data = new TheoryData<AppealStatus, AppealAction>();
        foreach (var status in Enum.GetValues<AppealStatus>())
            foreach (var action in Perform.AllActions)
                data.Add(status, action);
        return data;
    }

    [Theory, MemberData(nameof(AllPairs))]
    public void Action_moves_to_table_target_or_throws_illegal_transition(AppealStatus status, AppealAction action)
    {
        var appeal = AppealBuilder.ReadyFor(status, action);
        appeal.Status.ShouldBe(status);
        var version = appeal.Version;

        if (Workflow.Target(status, action) is { } target)
        {
            Perform.Action(appeal, action);
            appeal.Status.ShouldBe(target);
            appeal.Version.ShouldBe(version + 1);
        }
        else
        {
            var ex = Should.Throw<IllegalTransitionException>(() => Perform.Action(appeal, action));
            ex.Status.ShouldBe(status);
            ex.Action.ShouldBe(action);
            if (ex.Reason is null) ex.Message.ShouldBe($"Action {action} is not allowed in status {status}.");
            appeal.Status.ShouldBe(status);
            appeal.Version.ShouldBe(version);
        }
    }

    [Fact]
    public void Every_action_on_an_appeal_has_exactly_one_row()
    {
        Workflow.Table.Select(t => t.Action).ShouldBe(Perform.AllActions, ignoreOrder: true);
        Should.Throw<ArgumentOutOfRangeException>(() => Workflow.Rule(AppealAction.Register));
    }

    [Fact]
    public void No_row_has_two_moves_from_the_same_status()
    {
        foreach (var rule in Workflow.Table)
            rule.Moves.Select(m => m.From).ShouldBeUnique($"{rule.Action} has two moves from one status");
    }

    [Fact]
    public void Terminal_statuses_are_left_only_by_reopening_a_closed_appeal()
    {
        var leaving = Workflow.Table
            .SelectMany(t => t.Moves.Where(m => Workflow.IsTerminal(m.From)).Select(m => (t.Action, m.From, m.To)));
        leaving.ShouldBe([(AppealAction.Reopen, AppealStatus.Closed, AppealStatus.PendingDispatch)]);
    }

    [Theory]
    [InlineData(AppealStatus.Closed, true)]
    [InlineData(AppealStatus.Merged, true)]
    [InlineData(AppealStatus.Invalid, true)]
    [InlineData(AppealStatus.Replied, false)]
    [InlineData(AppealStatus.ReReview, false)]
    [InlineData(AppealStatus.Registered, false)]
    public void IsTerminal_marks_closed_merged_and_invalid(AppealStatus status, bool terminal) =>
        Workflow.IsTerminal(status).ShouldBe(terminal);
}
