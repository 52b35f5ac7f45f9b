using Minsheng.Domain.Appeals;
using Minsheng.Domain.Tests.TestKit;
using static Minsheng.Domain.Appeals.AppealStatus;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.Actions;

/// <summary>直接办结 closes a case with no unit involved, so the domain allows it only for consultations (help: by setting).</summary>
public class DirectAnswerGuardTests
{
    public static TheoryData<AppealType> NotConsultations() => new(Enum.GetValues<AppealType>().Where(t => t != AppealType.Consultation));

    [Theory, MemberData(nameof(NotConsultations))]
    public void Only_a_consultation_is_answered_directly_by_default(AppealType type)
    {
        var appeal = new AppealBuilder().WithType(type).At(Registered);
        var version = appeal.Version;

        var ex = Should.Throw<IllegalTransitionException>(() => appeal.AnswerDirectly("已当场答复。", Operator, Perform.Later));

        ex.Reason.ShouldNotBeNull().ShouldContain("只有咨询类诉求可以直接办结");
        appeal.Status.ShouldBe(Registered);
        appeal.Version.ShouldBe(version);
        appeal.Reply.ShouldBeNull();
    }

    [Fact]
    public void A_help_request_is_answered_directly_only_where_the_setting_allows_it()
    {
        var refused = new AppealBuilder().WithType(AppealType.Help).At(Registered);
        Should.Throw<IllegalTransitionException>(() => refused.AnswerDirectly("已告知办理渠道。", Operator, Perform.Later, helpAllowed: false));

        var allowed = new AppealBuilder().WithType(AppealType.Help).At(Registered);
        allowed.AnswerDirectly("已告知办理渠道。", Operator, Perform.Later, helpAllowed: true);
        allowed.Status.ShouldBe(Closed);
    }

    [Fact]
    public void The_setting_never_opens_direct_answers_to_complaints()
    {
        var complaint = new AppealBuilder().WithType(AppealType.Complaint).At(PendingDispatch);
        var ex = Should.Throw<IllegalTransitionException>(() => complaint.AnswerDirectly("已当场答复。", Dispatcher, Perform.Later, helpAllowed: true));
        ex.Reason.ShouldNotBeNull().ShouldContain("须派单办理");
        Appeal.MayAnswerDirectly(AppealType.Complaint, helpAllowed: true).ShouldBeFalse();
        Appeal.MayAnswerDirectly(AppealType.Consultation, helpAllowed: false).ShouldBeTrue();
    }
}
