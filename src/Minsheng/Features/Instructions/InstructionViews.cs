using Minsheng.Domain.Instructions;

namespace Minsheng.Features.Instructions;

/// <summary>A leader's instruction: the target by kind and reference (a bulletin item id, an appeal id, a report or topic reference).</summary>
public sealed record InstructionRequest(InstructionTargetKind? TargetKind, string? TargetRef, string? TargetTitle, string? Text,
    long? LeadUnitId, long[]? CoUnitIds, int? DeadlineDays);

/// <summary>The unit head's 办理情况报告: done, or a proposal to put it into the work plan with a review date.</summary>
public sealed record InstructionReportRequest(ReportOutcome? Outcome, string? Text, string? PlanText, DateOnly? ReviewOn);

public sealed record InstructionReturnRequest(string? Reason, int? DeadlineDays);

public sealed record InstructionEventView(string Kind, string Label, string Actor, string? Text, DateTimeOffset At);

/// <summary>
/// A task as the caller may see it. Link is the target's page for leaders and supervisors, null for unit staff;
/// Background is what the unit reads about the target: an appeal's text masked, or the bulletin item's problem.
/// </summary>
public sealed record InstructionView(long Id, InstructionTargetKind TargetKind, string TargetKindLabel, string TargetRef, string TargetTitle,
    string? Link, string? Background, string Text, string LeaderName, long LeadUnitId, string LeadUnit, IReadOnlyList<string> CoUnits,
    DateTimeOffset DueAt, bool Overdue, int Round, InstructionStatus Status, string StatusLabel,
    ReportOutcome? ReportOutcome, string? ReportText, string? PlanText, DateOnly? ReviewOn, bool DueForReview,
    string? ReportedBy, DateTimeOffset? ReportedAt, DateTimeOffset? ClosedAt, DateTimeOffset CreatedAt,
    bool CanReport, bool CanDecide, IReadOnlyList<InstructionEventView> Events);
