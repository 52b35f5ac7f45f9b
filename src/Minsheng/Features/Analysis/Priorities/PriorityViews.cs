using Minsheng.Domain.Priorities;

namespace Minsheng.Features.Analysis.Priorities;

public sealed record PriorityRequest(string? Month, string? Title, string? Problem, string? KeyPhrases, string? Place, long? LeadUnitId, string? Measures);
public sealed record MilestoneRequest(string? Title, DateOnly? DueOn);
public sealed record MilestoneDoneRequest(string? Note);
public sealed record ProgressRequest(string? Text);
public sealed record CompleteRequest(string? Result);

public sealed record PrioritySummary(long Id, string Month, string Title, string JurisdictionName, string LeadUnitName, PriorityStatus Status,
    string StatusLabel, int MilestonesDone, int Milestones, bool Published);

public sealed record MilestoneView(long Id, string Title, DateOnly DueOn, DateTimeOffset? DoneAt, string? DoneNote, bool Overdue);

public sealed record ProgressView(long Id, string Text, string? UnitName, string ReportedBy, DateTimeOffset ReportedAt);

public sealed record MonthVolume(string Month, int Appeals);

/// <summary>Appeals on the problem per month and what they say: before against after.</summary>
public sealed record VolumeView(IReadOnlyList<MonthVolume> Months, double? BeforeAverage, double? AfterAverage, double? ChangePercent, string Verdict)
{
    public static VolumeView From(VolumeComparison c) =>
        new(c.Series.Select(m => new MonthVolume(m.Month.ToString(), m.Appeals)).ToList(), c.BeforeAverage, c.AfterAverage, c.ChangePercent, c.Verdict);
}

public sealed record PriorityDetail(long Id, string Month, string Title, string Problem, IReadOnlyList<string> KeyPhrases, string? Place,
    long LeadUnitId, string LeadUnitName, string JurisdictionName, string Measures, PriorityStatus Status, string StatusLabel, string? Result,
    DateTimeOffset? CompletedAt, DateTimeOffset? PublishedAt, IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<ProgressView> Progress,
    VolumeView Volume, bool MayEdit, bool MayReport);

/// <summary>What the portal shows of a published priority: no staff names.</summary>
public sealed record PublicPriority(long Id, string Month, string Title, string Problem, string LeadUnitName, string Measures, string StatusLabel,
    string? Result, IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<string> Progress, VolumeView Volume);

public sealed record ProactiveRequest(string? Title, string? Measures, string? KeyPhrases, long? LeadUnitId, int? SeasonMonth, int? SeasonDay,
    int? RemindDaysBefore);

public sealed record ProactiveView(long Id, string Title, string Measures, IReadOnlyList<string> KeyPhrases, string LeadUnitName,
    string JurisdictionName, int SeasonMonth, int SeasonDay, int RemindDaysBefore, DateOnly NextSeason, DateOnly NextReminder, bool Active,
    int? LastRemindedYear, IReadOnlyList<MonthVolume> LastYear);
