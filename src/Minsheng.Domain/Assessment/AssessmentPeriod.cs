using Minsheng.Domain.Instructions;

namespace Minsheng.Domain.Assessment;

/// <summary>Where a month's assessment stands. Stored by name: never rename a member.</summary>
public enum PeriodStatus
{
    Draft,      // 草稿: computed on the 1st, not yet shown to the units
    Contesting, // 申诉期: units see their draft scores and may contest items until ContestUntil
    Ruling,     // 审核中: the window has closed; the assessment office rules on the open appeals
    Frozen,     // 已冻结: the stored snapshot is final; later data changes do not alter it
    Published,  // 已发布: 红榜/黑榜 on the leader dashboard and the portal
}

/// <summary>
/// One jurisdiction's assessment of one month, a small state machine: Draft → Contesting → Ruling → Frozen → Published.
/// Scores are recomputed (after upheld appeals, late data) only before freezing; freezing needs every appeal ruled.
/// </summary>
public sealed class AssessmentPeriod
{
    public long Id { get; private set; }
    public long JurisdictionId { get; private set; }
    /// <summary>"yyyy-MM".</summary>
    public string Month { get; private set; } = "";
    public PeriodStatus Status { get; private set; }
    public DateOnly? ContestUntil { get; private set; }
    /// <summary>The scheme the scores were computed with (JSON), fixed with the snapshot when frozen.</summary>
    public string SchemeJson { get; private set; } = "";
    public DateTimeOffset ComputedAt { get; private set; }
    public DateTimeOffset? FrozenAt { get; private set; }
    public string? FrozenBy { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    private AssessmentPeriod() { }

    public AssessmentPeriod(long jurisdictionId, string month, string schemeJson, DateTimeOffset now)
    {
        if (!Priorities.PriorityMonth.TryParse(month, out var m)) throw new DomainValidationException("month", "月份格式应为 yyyy-MM，例如 2026-11。");
        JurisdictionId = jurisdictionId;
        Month = m.ToString();
        Status = PeriodStatus.Draft;
        SchemeJson = schemeJson;
        ComputedAt = now;
        CreatedAt = now;
        Version = 1;
    }

    public bool MayRecompute => Status is PeriodStatus.Draft or PeriodStatus.Contesting or PeriodStatus.Ruling;
    public bool IsFinal => Status is PeriodStatus.Frozen or PeriodStatus.Published;

    /// <summary>Units see their own scores from the contest window on; rankings of other units only once published.</summary>
    public bool VisibleToUnits => Status != PeriodStatus.Draft;

    public bool MayContest(DateOnly today) => Status == PeriodStatus.Contesting && ContestUntil is { } until && today <= until;

    public void Recomputed(string schemeJson, DateTimeOffset now)
    {
        if (!MayRecompute) throw Conflict("重新计算");
        SchemeJson = schemeJson;
        ComputedAt = now;
        Version++;
    }

    public void OpenContest(DateOnly until)
    {
        if (Status != PeriodStatus.Draft) throw Conflict("开放申诉");
        Status = PeriodStatus.Contesting;
        ContestUntil = until;
        Version++;
    }

    /// <summary>Ends the window: by the job once it has passed, or earlier by the office.</summary>
    public void CloseContest()
    {
        if (Status != PeriodStatus.Contesting) throw Conflict("结束申诉期");
        Status = PeriodStatus.Ruling;
        Version++;
    }

    public void Freeze(int pendingAppeals, string by, DateTimeOffset now)
    {
        if (Status != PeriodStatus.Ruling) throw Conflict("冻结");
        if (pendingAppeals > 0)
            throw new WorkflowConflictException("还有未审核的申诉", $"还有 {pendingAppeals} 件申诉未审核，全部审核后才能冻结。");
        Status = PeriodStatus.Frozen;
        FrozenAt = now;
        FrozenBy = by;
        Version++;
    }

    public void Publish(string by, DateTimeOffset now)
    {
        if (Status != PeriodStatus.Frozen) throw Conflict("发布");
        Status = PeriodStatus.Published;
        PublishedAt = now;
        PublishedBy = by;
        Version++;
    }

    private WorkflowConflictException Conflict(string action) =>
        new("考核当前状态不能执行此操作", $"{Month} 的考核当前为“{StatusLabel(Status)}”，不能{action}。");

    /// <summary>The status in Chinese (kept here so the domain's own messages can name it).</summary>
    public static string StatusLabel(PeriodStatus s) => s switch
    {
        PeriodStatus.Draft => "草稿",
        PeriodStatus.Contesting => "申诉期",
        PeriodStatus.Ruling => "申诉审核",
        PeriodStatus.Frozen => "已冻结",
        PeriodStatus.Published => "已发布",
        _ => s.ToString(),
    };
}
