using Minsheng.Domain.Appeals;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Tests.TestKit;
using Minsheng.Domain.TimeLimits;
using static Minsheng.Domain.Appeals.AppealStatus;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.Actions;

/// <summary>
/// The schedule every time-limited action requires: dispatch and redo start the clocks, an approved extension moves
/// the resolve deadline, and the return window and the extension lead time are enforced (T0 is Monday 2025-03-03).
/// </summary>
public class ScheduleTests
{
    private static DateTimeOffset China(int month, int day, int hour, int minute = 0) => new(2025, month, day, hour, minute, 0, ChinaTime.Offset);

    [Fact]
    public void Dispatch_sets_the_four_deadlines_from_the_policies_and_the_first_check()
    {
        var b = new AppealBuilder();
        var appeal = b.At(Dispatched);
        var expected = Schedules.Default.Compute(Tier.Timely, AppealType.Complaint, appeal.DispatchedAt!.Value);

        appeal.SignForDue.ShouldBe(expected.SignFor);
        appeal.FirstContactDue.ShouldBe(expected.FirstContact);
        appeal.ReplyDue.ShouldBe(expected.Reply);
        // A complaint is resolved within 7 working days: Monday plus 7 is the close of Wednesday the 12th.
        appeal.ResolveDue.ShouldBe(ChinaTime.EndOfDay(new DateOnly(2025, 3, 12)));
        appeal.NextCheckAt.ShouldNotBeNull();
        appeal.NextCheckAt!.Value.ShouldBeLessThan(appeal.SignForDue!.Value);
    }

    [Fact]
    public void A_return_after_the_window_is_refused()
    {
        var appeal = new AppealBuilder().At(Claimed);
        // Two working days after Monday's dispatch: Wednesday is the last day a unit may send it back.
        var ex = Should.Throw<IllegalTransitionException>(() => appeal.RequestReturn("不属于本单位职责", LeadHandler, China(3, 6, 9), Schedules.Default));
        ex.Reason.ShouldBe("已超过退单时限（派单后 2 个工作日内），请按期办理或申请协调。");
        appeal.Status.ShouldBe(Claimed);

        appeal.RequestReturn("不属于本单位职责", LeadHandler, China(3, 5, 17), Schedules.Default);
        appeal.Status.ShouldBe(ReturnRequested);
    }

    [Fact]
    public void An_extension_asked_less_than_the_lead_hours_before_the_deadline_is_refused()
    {
        var appeal = new AppealBuilder().At(InProgress);
        // The resolve deadline closes Wednesday the 12th; after 17:00 only half a working hour is left.
        var ex = Should.Throw<IllegalTransitionException>(() => appeal.RequestExtension(3, "需协调", LeadHandler, China(3, 12, 17), Schedules.Default));
        ex.Reason.ShouldBe("延期须在办结期限前至少 4 个工作小时提出。");

        appeal.RequestExtension(3, "需协调", LeadHandler, China(3, 12, 9), Schedules.Default);
        appeal.PendingExtensionDays.ShouldBe(3);
    }

    [Fact]
    public void The_rules_cap_the_days_of_an_extension()
    {
        var strict = Schedules.With(new TimeLimitRules(MaxExtensionDays: 3));
        var ex = Should.Throw<DomainValidationException>(() =>
            new AppealBuilder().At(InProgress).RequestExtension(4, "需协调", LeadHandler, Perform.Later, strict));
        ex.Errors["days"].ShouldBe(["延期天数应在 1 到 3 个工作日之间。"]);
        new TimeLimitRules().MaxExtensionDays.ShouldBe(TimeLimitRules.DefaultMaxExtensionDays);
    }

    [Fact]
    public void An_approved_extension_moves_the_resolve_deadline_by_its_working_days()
    {
        var appeal = new AppealBuilder().WithPendingExtension().At(InProgress);
        appeal.ApproveExtension(Dispatcher, Perform.Later, null, Schedules.Default);
        // Five working days after Wednesday the 12th: Wednesday the 19th.
        appeal.ResolveDue.ShouldBe(ChinaTime.EndOfDay(new DateOnly(2025, 3, 19)));
        appeal.ExtensionUsed.ShouldBeTrue();
    }

    [Fact]
    public void Redo_starts_new_clocks_and_reopen_stops_them()
    {
        var appeal = new AppealBuilder().At(ReReview);
        var redoAt = China(3, 17, 10);
        appeal.Redo("群众不满意，重新办理", Dispatcher, redoAt, Schedules.Default);
        appeal.ResolveDue.ShouldBe(Schedules.Default.Compute(Tier.Timely, AppealType.Complaint, redoAt).Resolve);
        appeal.NextCheckAt.ShouldNotBeNull();

        var closed = new AppealBuilder().At(Closed);
        closed.Reopen("回头看发现问题反弹", Dispatcher, China(3, 20, 10));
        closed.SignForDue.ShouldBeNull();
        closed.ResolveDue.ShouldBeNull();
        closed.NextCheckAt.ShouldBeNull();
    }
}
