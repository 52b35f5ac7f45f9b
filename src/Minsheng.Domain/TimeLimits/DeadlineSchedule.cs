using Minsheng.Domain.Appeals;
using Minsheng.Domain.Calendar;

namespace Minsheng.Domain.TimeLimits;

/// <summary>Working-time arithmetic the deadlines need; the working-day calendar implements it.</summary>
public interface IWorkingTime
{
    Deadline AddWorkingDays(DateTimeOffset from, int days);
    Deadline AddWorkingHours(DateTimeOffset from, int hours);
    /// <summary>Working time (within working hours of working days) from one instant to a later one; zero if not later.</summary>
    TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to);
    /// <summary>The start of working hours on the first working day after the day of the given instant.</summary>
    DateTimeOffset NextWorkingDayStart(DateTimeOffset after);
    /// <summary>The latest instant from which exactly this much working time remains until the deadline.</summary>
    DateTimeOffset BeforeByWorkingTime(DateTimeOffset deadline, TimeSpan span);
}

public sealed record StageDeadlines(DateTimeOffset SignFor, DateTimeOffset FirstContact, DateTimeOffset Reply, DateTimeOffset Resolve, bool Provisional)
{
    public DateTimeOffset Of(Stage stage) => stage switch
    {
        Stage.SignFor => SignFor,
        Stage.FirstContact => FirstContact,
        Stage.Reply => Reply,
        _ => Resolve,
    };
}

/// <summary>Turns the policies in force and the calendar into an appeal's deadlines and the rules' checks.</summary>
public sealed class DeadlineSchedule(PolicySet policies, IWorkingTime time, TimeLimitRules rules)
{
    public TimeLimitRules Rules => rules;
    public IWorkingTime Time => time;

    public StageDeadlines Compute(Tier tier, AppealType type, DateTimeOffset from)
    {
        var provisional = false;
        DateTimeOffset Due(Stage stage)
        {
            var policy = policies.Find(tier, type, stage, from)
                ?? throw new InvalidOperationException($"No time-limit policy for {tier}/{type}/{stage}.");
            var d = policy.Unit == LimitUnit.WorkingDays ? time.AddWorkingDays(from, policy.Amount) : time.AddWorkingHours(from, policy.Amount);
            provisional |= d.Provisional;
            return d.Due;
        }
        return new StageDeadlines(Due(Stage.SignFor), Due(Stage.FirstContact), Due(Stage.Reply), Due(Stage.Resolve), provisional);
    }

    public Deadline Extend(DateTimeOffset due, int workingDays) => time.AddWorkingDays(due, workingDays);

    /// <summary>An extension must be asked for at least the configured working hours before the deadline.</summary>
    public bool ExtensionStillAllowed(DateTimeOffset now, DateTimeOffset due) =>
        time.WorkingTimeBetween(now, due) >= TimeSpan.FromHours(rules.ExtensionRequestLeadHours);

    public bool ReturnStillAllowed(DateTimeOffset now, DateTimeOffset dispatchedAt) =>
        now <= time.AddWorkingDays(dispatchedAt, rules.ReturnWithinWorkingDays).Due;

    /// <summary>Working time left before a deadline (zero once passed): what the unit inbox shows.</summary>
    public TimeSpan Remaining(DateTimeOffset now, DateTimeOffset due) => time.WorkingTimeBetween(now, due);
}
