using Minsheng.Domain.Instructions;
using Minsheng.Domain.Tests.TestKit;
using Minsheng.Domain.TimeLimits;

namespace Minsheng.Domain.Tests.Instructions;

public sealed class InstructionWorkflowTests
{
    [Fact]
    public void Report_then_accept_closes_or_plans()
    {
        var reported = InstructionWorkflow.Report(InstructionStatus.Assigned);
        reported.ShouldBe(InstructionStatus.Reported);
        InstructionWorkflow.Accept(reported, ReportOutcome.Done).ShouldBe(InstructionStatus.Closed);
        InstructionWorkflow.Accept(reported, ReportOutcome.Plan).ShouldBe(InstructionStatus.Planned);
        InstructionWorkflow.Accept(InstructionStatus.Planned, ReportOutcome.Plan).ShouldBe(InstructionStatus.Closed);
    }

    [Fact]
    public void Return_sends_a_report_or_a_plan_back_to_the_unit()
    {
        InstructionWorkflow.Return(InstructionStatus.Reported).ShouldBe(InstructionStatus.Assigned);
        InstructionWorkflow.Return(InstructionStatus.Planned).ShouldBe(InstructionStatus.Assigned);
    }

    [Theory]
    [InlineData(InstructionStatus.Reported, "已报告，等待领导审阅，不能重复报告。")]
    [InlineData(InstructionStatus.Planned, "已纳入工作计划，复查时由领导决定是否重新交办。")]
    [InlineData(InstructionStatus.Closed, "已闭环，不能再报告。")]
    public void Report_refusals(InstructionStatus status, string reason) =>
        Should.Throw<WorkflowConflictException>(() => InstructionWorkflow.Report(status)).Reason.ShouldBe(reason);

    [Fact]
    public void Only_a_report_can_close_a_task()
    {
        Should.Throw<WorkflowConflictException>(() => InstructionWorkflow.Accept(InstructionStatus.Assigned, null)).Reason.ShouldBe("单位尚未报告办理情况，不能闭环。");
        Should.Throw<WorkflowConflictException>(() => InstructionWorkflow.Accept(InstructionStatus.Closed, ReportOutcome.Done));
        Should.Throw<WorkflowConflictException>(() => InstructionWorkflow.Return(InstructionStatus.Assigned));
        Should.Throw<WorkflowConflictException>(() => InstructionWorkflow.Return(InstructionStatus.Closed));
    }

    [Fact]
    public void A_plan_is_due_for_review_from_its_date()
    {
        var on = new DateOnly(2025, 3, 10);
        InstructionWorkflow.DueForReview(InstructionStatus.Planned, on, on.AddDays(-1)).ShouldBeFalse();
        InstructionWorkflow.DueForReview(InstructionStatus.Planned, on, on).ShouldBeTrue();
        InstructionWorkflow.DueForReview(InstructionStatus.Planned, on, on.AddDays(3)).ShouldBeTrue();
        InstructionWorkflow.DueForReview(InstructionStatus.Closed, on, on).ShouldBeFalse();
    }

    [Fact]
    public void Deadline_escalations_run_only_while_the_unit_holds_the_task_and_are_keyed_per_round()
    {
        var s = Schedules.Default;
        var from = new DateTimeOffset(2025, 3, 3, 9, 30, 0, TimeSpan.FromHours(8)); // a working Monday
        var due = s.Time.AddWorkingDays(from, 2).Due;
        InstructionDeadlines.Reached(InstructionStatus.Assigned, due, from, s.Time, s.Rules).ShouldBeEmpty();
        InstructionDeadlines.Reached(InstructionStatus.Assigned, due, due.AddHours(-1), s.Time, s.Rules).ShouldBe([Escalation.Reminder]);
        InstructionDeadlines.Reached(InstructionStatus.Assigned, due, due.AddDays(10), s.Time, s.Rules).ShouldBe([Escalation.Notice, Escalation.Supervision]);
        InstructionDeadlines.Reached(InstructionStatus.Reported, due, due.AddDays(10), s.Time, s.Rules).ShouldBeEmpty();
        InstructionDeadlines.Overdue(InstructionStatus.Assigned, due, due.AddMinutes(1)).ShouldBeTrue();
        InstructionDeadlines.Overdue(InstructionStatus.Closed, due, due.AddDays(1)).ShouldBeFalse();
        InstructionDeadlines.Key(Escalation.Notice, 7, 2).ShouldBe("instruction:7:2:notice");
        InstructionDeadlines.Key(Escalation.Notice, 7, 1).ShouldNotBe(InstructionDeadlines.Key(Escalation.Notice, 7, 2));
    }
}
