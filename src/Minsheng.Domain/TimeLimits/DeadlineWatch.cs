using Minsheng.Domain.Appeals;

namespace Minsheng.Domain.TimeLimits;

public enum Escalation
{
    Reminder,     // before the deadline: 临期提醒
    Notice,       // the working day after it was missed: 催办单
    Supervision,  // still late N working days after: 督办单 and an accountability lead
}

/// <summary>
/// When each escalation of a stage deadline falls due. Pure: the monitor asks which thresholds have
/// passed, records them, and stores the next threshold on the appeal so it only looks again then.
/// </summary>
public static class DeadlineWatch
{
    public static readonly Stage[] Stages = [Stage.SignFor, Stage.FirstContact, Stage.Reply, Stage.Resolve];

    public static IEnumerable<(Escalation Escalation, DateTimeOffset At)> Thresholds(DateTimeOffset due, IWorkingTime time, TimeLimitRules rules)
    {
        yield return (Escalation.Reminder, time.BeforeByWorkingTime(due, TimeSpan.FromHours(rules.ReminderLeadWorkingHours)));
        yield return (Escalation.Notice, time.NextWorkingDayStart(due));
        // "Still late after N working days": the first instant after the N-th working day's close.
        yield return (Escalation.Supervision, time.AddWorkingDays(due, rules.SupervisionAfterWorkingDays).Due.AddTicks(1));
    }

    /// <summary>Escalations of one running stage reached at this moment (a reminder only while still on time).</summary>
    public static IEnumerable<Escalation> Reached(DateTimeOffset due, DateTimeOffset now, IWorkingTime time, TimeLimitRules rules) =>
        Thresholds(due, time, rules)
            .Where(t => t.At <= now && (t.Escalation != Escalation.Reminder || now <= due))
            .Select(t => t.Escalation);

    /// <summary>The earliest threshold after the moment among the appeal's running stages, or null when none is left.</summary>
    public static DateTimeOffset? NextCheck(Appeal appeal, DateTimeOffset after, IWorkingTime time, TimeLimitRules rules)
    {
        if (Workflow.IsTerminal(appeal.Status)) return null;
        DateTimeOffset? next = null;
        foreach (var stage in Stages)
        {
            if (appeal.Due(stage) is not { } due || appeal.Done(stage) is not null) continue;
            foreach (var (_, at) in Thresholds(due, time, rules))
                if (at > after && (next is null || at < next)) next = at;
        }
        return next;
    }

    /// <summary>The key that makes each escalation of one deadline happen once; a moved deadline is a new one.</summary>
    public static string Key(Escalation escalation, long appealId, Stage stage, DateTimeOffset due) =>
        $"{escalation}:{appealId}:{stage}:{due.ToUnixTimeSeconds()}".ToLowerInvariant();
}
