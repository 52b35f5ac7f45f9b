namespace Minsheng.Domain.Instructions;

/// <summary>What a leader's instruction (批示) is about: a bulletin item, an appeal, a report or a hot topic.</summary>
public enum InstructionTargetKind { BulletinItem, Appeal, Report, Topic }

/// <summary>A 交办 task's life. Closed (闭环) only after the unit's report back, accepted by the leader.</summary>
public enum InstructionStatus
{
    Assigned,  // 交办中: the lead unit works on it against the deadline
    Reported,  // 已报告: the unit head's 办理情况报告 waits for the leader
    Planned,   // 纳入工作计划: cannot be done now; comes back on the review date
    Closed,    // 已闭环
}

/// <summary>What the unit's report back says: handled, or to go into the work plan.</summary>
public enum ReportOutcome { Done, Plan }

/// <summary>
/// The transitions of a 交办 task, pure. The unit head of the lead unit reports; the leader who wrote the instruction
/// accepts (闭环, or 纳入工作计划 when the report proposes it) or returns it for more work with a new deadline (a new round).
/// </summary>
public static class InstructionWorkflow
{
    public static InstructionStatus Report(InstructionStatus status) => status switch
    {
        InstructionStatus.Assigned => InstructionStatus.Reported,
        InstructionStatus.Reported => throw Conflict("已报告，等待领导审阅，不能重复报告。"),
        InstructionStatus.Planned => throw Conflict("已纳入工作计划，复查时由领导决定是否重新交办。"),
        _ => throw Conflict("已闭环，不能再报告。"),
    };

    /// <summary>The leader accepts: a report of work done closes the task, a proposed plan parks it until the review date.</summary>
    public static InstructionStatus Accept(InstructionStatus status, ReportOutcome? outcome) => status switch
    {
        InstructionStatus.Reported => outcome == ReportOutcome.Plan ? InstructionStatus.Planned : InstructionStatus.Closed,
        InstructionStatus.Planned => InstructionStatus.Closed,
        InstructionStatus.Assigned => throw Conflict("单位尚未报告办理情况，不能闭环。"),
        _ => throw Conflict("已闭环。"),
    };

    /// <summary>The leader sends it back (退回重办) with a new deadline, from a report or from a plan that came up for review.</summary>
    public static InstructionStatus Return(InstructionStatus status) => status switch
    {
        InstructionStatus.Reported or InstructionStatus.Planned => InstructionStatus.Assigned,
        InstructionStatus.Assigned => throw Conflict("单位尚未报告办理情况，无需退回。"),
        _ => throw Conflict("已闭环，不能退回。"),
    };

    /// <summary>A plan comes back for review on its date (China time).</summary>
    public static bool DueForReview(InstructionStatus status, DateOnly? reviewOn, DateOnly today) =>
        status == InstructionStatus.Planned && reviewOn is { } d && d <= today;

    /// <summary>Working days a leader may give (1 to 60).</summary>
    public const int MaxDeadlineDays = 60;

    private static WorkflowConflictException Conflict(string reason) => new("交办任务当前状态不能执行此操作", reason);
}
