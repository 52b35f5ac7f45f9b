using Minsheng.Domain.TimeLimits;

namespace Minsheng.Domain.Instructions;

/// <summary>
/// The deadline rule of a 交办 task, on the same thresholds as an appeal's stages (DeadlineWatch): 临期提醒 to the
/// unit before the deadline, 催办单 the working day after it, 督办 to supervisors and leaders N working days later.
/// Each escalation is keyed by the task and its round, so it is sent once per round however many passes see it;
/// a return starts a new round with a new deadline.
/// </summary>
public static class InstructionDeadlines
{
    public static IEnumerable<Escalation> Reached(InstructionStatus status, DateTimeOffset due, DateTimeOffset now, IWorkingTime time, TimeLimitRules rules) =>
        status == InstructionStatus.Assigned ? DeadlineWatch.Reached(due, now, time, rules) : [];

    public static string Key(Escalation escalation, long instructionId, int round) =>
        $"instruction:{instructionId}:{round}:{escalation}".ToLowerInvariant();

    public static string ReviewKey(long instructionId, DateOnly reviewOn) => $"instruction-review:{instructionId}:{reviewOn:yyyy-MM-dd}";

    /// <summary>Overdue: still with the unit after the deadline.</summary>
    public static bool Overdue(InstructionStatus status, DateTimeOffset due, DateTimeOffset now) => status == InstructionStatus.Assigned && now > due;
}
