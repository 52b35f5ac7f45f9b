using Minsheng.Domain.Appeals;
using Minsheng.Domain.Privacy;
using Minsheng.Domain.Tests.TestKit;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.Privacy;

/// <summary>举报不得交被举报单位: an appeal about a unit does not go to that unit or its subtree, unless a root dispatcher says why.</summary>
public class SubjectDispatchTests
{
    // County(1) ⊃ LeadUnit(10) ⊃ LeadSubUnit(11); County ⊃ CoUnit(20); County ⊃ OtherUnit(30)
    private static bool IsWithin(long unit, long ancestor) =>
        unit == ancestor || ancestor == County || (ancestor == LeadUnit && unit == LeadSubUnit);

    private static Appeal About(long subject, AppealType type = AppealType.Report) =>
        new AppealBuilder().WithType(type).WithSubject(subject).NewAppeal();

    private static DateTimeOffset Now => AppealBuilder.T0.AddHours(1);

    [Theory]
    [InlineData(LeadUnit)]
    [InlineData(LeadSubUnit)]
    public void A_report_does_not_go_to_its_subject_or_below(long lead)
    {
        var appeal = About(LeadUnit);
        var ex = Should.Throw<DomainValidationException>(() => appeal.Dispatch(lead, [], Dispatcher, Now, Schedules.Default, subject: new SubjectDispatch(IsWithin)));
        ex.Errors.Keys.ShouldBe(["leadUnitId"]);
        ex.Errors["leadUnitId"][0].ShouldContain("被反映单位");
        appeal.Status.ShouldBe(AppealStatus.Registered);
        appeal.Timeline.Count.ShouldBe(1);
    }

    [Fact]
    public void Nor_as_a_co_unit()
    {
        var appeal = About(CoUnit, AppealType.Complaint);
        var ex = Should.Throw<DomainValidationException>(() => appeal.Dispatch(OtherUnit, [CoUnit], Dispatcher, Now, Schedules.Default, subject: new SubjectDispatch(IsWithin)));
        ex.Errors.Keys.ShouldBe(["coUnitIds"]);
    }

    [Fact]
    public void Without_the_tree_the_subject_unit_itself_is_still_refused() =>
        Should.Throw<DomainValidationException>(() => About(LeadUnit).Dispatch(LeadUnit, [], Dispatcher, Now, Schedules.Default)).Errors.Keys.ShouldBe(["leadUnitId"]);

    [Fact]
    public void Other_units_take_it_without_a_word()
    {
        var appeal = About(LeadUnit);
        appeal.Dispatch(OtherUnit, [CoUnit], Dispatcher, Now, Schedules.Default, "请核查", subject: new SubjectDispatch(IsWithin)).ShouldBeFalse();
        appeal.Status.ShouldBe(AppealStatus.Dispatched);
        appeal.Timeline[^1].Comment.ShouldBe("请核查");
    }

    [Fact]
    public void A_root_dispatcher_overrides_with_a_reason_kept_in_the_timeline()
    {
        var appeal = About(LeadUnit);
        appeal.Dispatch(LeadUnit, [], Dispatcher, Now, Schedules.Default, "请认真核查", subject: new SubjectDispatch(IsWithin, true, "仅该局有执法权，已报县纪委备案"))
            .ShouldBeTrue();
        appeal.LeadUnitId.ShouldBe(LeadUnit);
        appeal.Timeline[^1].Comment.ShouldBe($"请认真核查\n{SubjectDispatch.OverrideMark}派给被反映单位（主办），理由：仅该局有执法权，已报县纪委备案");
    }

    [Fact]
    public void A_dispatcher_below_the_root_may_not_override()
    {
        var appeal = About(LeadUnit);
        var ex = Should.Throw<DomainValidationException>(() =>
            appeal.Dispatch(LeadUnit, [], Dispatcher, Now, Schedules.Default, subject: new SubjectDispatch(IsWithin, false, "情况紧急")));
        ex.Errors.Keys.ShouldBe(["overrideReason"]);
    }

    [Fact]
    public void The_role_and_status_are_checked_before_the_subject_rule()
    {
        var appeal = About(LeadUnit);
        Should.Throw<ActionForbiddenException>(() => appeal.Dispatch(LeadUnit, [], LeadHandler, Now, Schedules.Default, subject: new SubjectDispatch(IsWithin)));
    }
}
