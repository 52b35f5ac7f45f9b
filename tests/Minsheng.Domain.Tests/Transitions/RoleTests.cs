using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Domain.Tests.TestKit;

namespace Minsheng.Domain.Tests.Transitions;

/// <summary>Whoever's role is not in the row's Roles is refused, even where the move itself is legal.</summary>
public class RoleTests
{
    public static TheoryData<AppealAction, Role> ForbiddenRoles()
    {
        var data = new TheoryData<AppealAction, Role>();
        foreach (var rule in Workflow.Table)
            foreach (var role in Enum.GetValues<Role>().Except(rule.Roles))
                data.Add(rule.Action, role);
        return data;
    }

    public static TheoryData<AppealAction> Actions() => new(Perform.AllActions);

    [Theory, MemberData(nameof(ForbiddenRoles))]
    public void Actor_whose_role_is_not_in_the_row_is_forbidden(AppealAction action, Role role)
    {
        var from = Workflow.Rule(action).Moves[0].From;
        var appeal = AppealBuilder.ReadyFor(from, action);
        var version = appeal.Version;

        var ex = Should.Throw<ActionForbiddenException>(() => Perform.Action(appeal, action, Actors.WithRole(role)));

        ex.Action.ShouldBe(action);
        appeal.Status.ShouldBe(from);
        appeal.Version.ShouldBe(version);
    }

    [Theory, MemberData(nameof(Actions))]
    public void Citizen_and_system_without_a_role_may_take_no_workflow_action(AppealAction action)
    {
        var appeal = AppealBuilder.ReadyFor(Workflow.Rule(action).Moves[0].From, action);
        Should.Throw<ActionForbiddenException>(() => Perform.Action(appeal, action, Actor.Citizen));
        Should.Throw<ActionForbiddenException>(() => Perform.Action(appeal, action, Actor.System));
    }

    [Theory]
    [InlineData(Role.UnitHandler)]
    [InlineData(Role.UnitHead)]
    [InlineData(Role.Supervisor)]
    [InlineData(Role.Leader)]
    [InlineData(Role.Admin)]
    public void Register_by_non_desk_role_is_forbidden(Role role)
    {
        var ex = Should.Throw<ActionForbiddenException>(() =>
            Appeal.Register(Drafts.Valid(), "MS1", "QC1", Actors.WithRole(role), AppealBuilder.T0));
        ex.Action.ShouldBe(AppealAction.Register);
    }

    [Fact]
    public void Register_through_the_public_portal_needs_no_role()
    {
        var appeal = Appeal.Register(Drafts.Valid(), "MS1", "QC1", Actor.Citizen, AppealBuilder.T0);
        appeal.Status.ShouldBe(AppealStatus.Registered);
        appeal.CreatedByUserId.ShouldBeNull();
    }
}
