using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Domain.Instructions;

namespace Minsheng.Features.Instructions;

/// <summary>
/// A leader's instruction (批示) on a bulletin item, an appeal, a report or a topic, tracked as a 交办 task of a lead
/// unit (and co-units) with a deadline. Round counts the deadlines: each return for more work starts a new one, so the
/// monitor's reminders and escalations are sent once per round.
/// </summary>
public sealed class Instruction
{
    public long Id { get; private set; }
    public long JurisdictionId { get; private set; }
    public InstructionTargetKind TargetKind { get; private set; }
    public string TargetRef { get; private set; } = "";
    public string TargetTitle { get; private set; } = "";
    public long? BulletinItemId { get; private set; }
    public long? AppealId { get; private set; }
    public string Text { get; private set; } = "";
    public long LeaderId { get; private set; }
    public string LeaderName { get; private set; } = "";
    public long LeadUnitId { get; private set; }
    /// <summary>Co-units, comma-separated ids.</summary>
    public string CoUnitIds { get; private set; } = "";
    public DateTimeOffset DueAt { get; private set; }
    public int Round { get; private set; }
    public InstructionStatus Status { get; private set; }
    public ReportOutcome? ReportOutcome { get; private set; }
    public string? ReportText { get; private set; }
    public string? PlanText { get; private set; }
    public DateOnly? ReviewOn { get; private set; }
    public DateTimeOffset? ReportedAt { get; private set; }
    public string? ReportedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    private Instruction() { }

    public Instruction(long jurisdictionId, InstructionTarget target, string text, long leaderId, string leaderName, long leadUnitId,
        IEnumerable<long> coUnitIds, DateTimeOffset dueAt, DateTimeOffset now)
    {
        JurisdictionId = jurisdictionId;
        (TargetKind, TargetRef, TargetTitle, BulletinItemId, AppealId) = (target.Kind, target.Ref, target.Title, target.BulletinItemId, target.AppealId);
        Text = text;
        (LeaderId, LeaderName) = (leaderId, leaderName);
        LeadUnitId = leadUnitId;
        CoUnitIds = string.Join(',', coUnitIds);
        DueAt = dueAt;
        Round = 1;
        Status = InstructionStatus.Assigned;
        CreatedAt = now;
    }

    public IReadOnlyList<long> CoUnits => CoUnitIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();

    public void Report(ReportOutcome outcome, string text, string? planText, DateOnly? reviewOn, string by, DateTimeOffset now)
    {
        Status = InstructionWorkflow.Report(Status);
        (ReportOutcome, ReportText, ReportedBy, ReportedAt) = (outcome, text, by, now);
        (PlanText, ReviewOn) = outcome == Domain.Instructions.ReportOutcome.Plan ? (planText, reviewOn) : (null, null);
        Version++;
    }

    public void Accept(DateTimeOffset now)
    {
        Status = InstructionWorkflow.Accept(Status, ReportOutcome);
        if (Status == InstructionStatus.Closed) ClosedAt = now;
        Version++;
    }

    public void Return(DateTimeOffset newDue)
    {
        Status = InstructionWorkflow.Return(Status);
        DueAt = newDue;
        Round++;
        Version++;
    }
}

/// <summary>What an instruction is about, with the title as it stood when the leader wrote it.</summary>
public sealed record InstructionTarget(InstructionTargetKind Kind, string Ref, string Title, long? BulletinItemId = null, long? AppealId = null);

/// <summary>One step of a task's history: assigned, reported, accepted, returned.</summary>
public sealed class InstructionEvent
{
    public long Id { get; private set; }
    public long InstructionId { get; private set; }
    public string Kind { get; private set; } = "";
    public string Actor { get; private set; } = "";
    public string? Text { get; private set; }
    public DateTimeOffset At { get; private set; }

    private InstructionEvent() { }

    public InstructionEvent(long instructionId, string kind, string actor, string? text, DateTimeOffset at) =>
        (InstructionId, Kind, Actor, Text, At) = (instructionId, kind, actor, text, at);
}

internal sealed class InstructionMap : IEntityTypeConfiguration<Instruction>
{
    public void Configure(EntityTypeBuilder<Instruction> e)
    {
        e.ToTable("instructions");
        e.Property(i => i.Version).IsConcurrencyToken();
        e.Ignore(i => i.CoUnits);
    }
}

internal sealed class InstructionEventMap : IEntityTypeConfiguration<InstructionEvent>
{
    public void Configure(EntityTypeBuilder<InstructionEvent> e) => e.ToTable("instruction_events");
}
