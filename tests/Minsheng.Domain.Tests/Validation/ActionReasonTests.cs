using Minsheng.Domain.Appeals;
using Minsheng.Domain.Tests.TestKit;
using static Minsheng.Domain.Appeals.AppealStatus;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.Validation;

/// <summary>Actions that need a text refuse an empty or overlong one with the field's key, before touching the appeal.</summary>
public class ActionReasonTests
{
    private static readonly DateTimeOffset Now = Perform.Later;

    /// <summary>(action, status it is legal in, field key, max length, the call with the text to test).</summary>
    private static readonly Dictionary<string, (AppealStatus From, string Field, int Max, Action<Appeal, string> Act)> Cases = new()
    {
        ["AnswerDirectly"] = (Registered, "answer", 2000, (a, s) => a.AnswerDirectly(s, Operator, Now)),
        ["RecordContact"] = (Claimed, "comment", 2000, (a, s) => a.RecordContact(s, LeadHandler, Now)),
        ["RequestReturn"] = (Claimed, "reason", 2000, (a, s) => a.RequestReturn(s, LeadHandler, Now, Schedules.Default)),
        ["RejectReturn"] = (ReturnRequested, "reason", 2000, (a, s) => a.RejectReturn(s, Dispatcher, Now)),
        ["RequestExtension"] = (InProgress, "reason", 2000, (a, s) => a.RequestExtension(5, s, LeadHandler, Now, Schedules.Default)),
        ["RejectExtension"] = (InProgress, "reason", 2000, (a, s) => a.RejectExtension(s, Dispatcher, Now)),
        ["Contribute"] = (InProgress, "content", AppealDraft.ContentMax, (a, s) => a.Contribute(s, CoHandler, Now)),
        ["SubmitReply"] = (InProgress, "content", AppealDraft.ContentMax, (a, s) => a.SubmitReply(s, LeadHandler, Now)),
        ["RejectReply"] = (PendingApproval, "reason", 2000, (a, s) => a.RejectReply(s, LeadHead, Now)),
        ["Redo"] = (ReReview, "reason", 2000, (a, s) => a.Redo(s, Dispatcher, Now, Schedules.Default)),
        ["Close"] = (ReReview, "reason", 2000, (a, s) => a.Close(s, Dispatcher, Now)),
        ["MarkInvalid"] = (Registered, "reason", 2000, (a, s) => a.MarkInvalid(s, Operator, Now)),
        ["Reopen"] = (Closed, "reason", 2000, (a, s) => a.Reopen(s, Dispatcher, Now)),
        ["Escalate"] = (InProgress, "reason", 2000, (a, s) => a.Escalate(s, Supervisor, Now)),
    };

    public static TheoryData<string> Names() => new(Cases.Keys);

    private static Appeal Ready(string name) =>
        name switch
        {
            "RejectExtension" => new AppealBuilder().WithPendingExtension().At(Cases[name].From),
            "AnswerDirectly" => new AppealBuilder().WithType(AppealType.Consultation).At(Cases[name].From), // consultations only
            _ => new AppealBuilder().At(Cases[name].From),
        };

    [Theory, MemberData(nameof(Names))]
    public void Empty_text_is_refused_with_the_field_key(string name)
    {
        foreach (var blank in new[] { "", "   ", null })
        {
            var appeal = Ready(name);
            var version = appeal.Version;

            var ex = Should.Throw<DomainValidationException>(() => Cases[name].Act(appeal, blank!));

            ex.Errors.Keys.ShouldBe([Cases[name].Field]);
            appeal.Status.ShouldBe(Cases[name].From);
            appeal.Version.ShouldBe(version);
        }
    }

    [Theory, MemberData(nameof(Names))]
    public void Overlong_text_is_refused_with_the_field_key(string name)
    {
        var appeal = Ready(name);
        var ex = Should.Throw<DomainValidationException>(() => Cases[name].Act(appeal, new string('字', Cases[name].Max + 1)));
        ex.Errors.Keys.ShouldBe([Cases[name].Field]);
    }

    [Theory, MemberData(nameof(Names))]
    public void Text_at_max_length_is_accepted(string name)
    {
        var appeal = Ready(name);
        var text = new string('字', Cases[name].Max);
        Cases[name].Act(appeal, text);
        appeal.Timeline[^1].Comment.ShouldNotBeNull().ShouldEndWith(text);
    }

    [Theory, MemberData(nameof(Names))]
    public void Text_is_trimmed(string name)
    {
        var appeal = Ready(name);
        Cases[name].Act(appeal, "  有理有据 \n");
        appeal.Timeline[^1].Comment.ShouldNotBeNull().ShouldEndWith("有理有据");
    }
}
