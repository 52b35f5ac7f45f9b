namespace Minsheng.Domain.Accountability;

/// <summary>Why a lead was raised.</summary>
public enum LeadRule
{
    Overdue,               // 超期未办
    Bounced,               // 推诿扯皮：反复退单
    RepeatComplaint,       // 重复投诉
    UnsatisfiedAfterRedo,  // 重办后仍不满意
}

public enum LeadStatus { Open, Confirmed, Dismissed, PublicationRequested, Published }

/// <summary>The measure a supervisor records when confirming a lead.</summary>
public enum AccountabilityMeasure
{
    Talk,             // 约谈
    PublicCriticism,  // 通报批评
    Accountability,   // 问责
}

/// <summary>
/// 问责线索: raised once per rule and subject (Key is unique), carrying its evidence. A supervisor
/// confirms it with a measure or dismisses it with a reason; a confirmed lead can go on the exposure
/// list (曝光台) after a leader approves.
/// </summary>
public sealed class AccountabilityLead
{
    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public LeadRule Rule { get; private set; }
    public long AppealId { get; private set; }
    public long? UnitId { get; private set; }
    public string Summary { get; private set; } = "";
    /// <summary>Ids of the appeals behind the lead, comma-separated (one for most rules, several for repeats).</summary>
    public string EvidenceAppealIds { get; private set; } = "";
    /// <summary>Ids of the timeline entries that show it (returns, callbacks...), comma-separated.</summary>
    public string EvidenceTimelineIds { get; private set; } = "";
    public LeadStatus Status { get; private set; }
    public AccountabilityMeasure? Measure { get; private set; }
    public string? Decision { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    private AccountabilityLead() { }

    public AccountabilityLead(string key, LeadRule rule, long appealId, long? unitId, string summary,
        IEnumerable<long> evidenceAppeals, IEnumerable<long> evidenceTimeline, DateTimeOffset now)
    {
        Key = key;
        Rule = rule;
        AppealId = appealId;
        UnitId = unitId;
        Summary = summary;
        EvidenceAppealIds = string.Join(',', evidenceAppeals.Distinct());
        EvidenceTimelineIds = string.Join(',', evidenceTimeline.Distinct());
        Status = LeadStatus.Open;
        CreatedAt = now;
        Version = 1;
    }

    public void Confirm(AccountabilityMeasure measure, string? comment, string by, DateTimeOffset now)
    {
        if (!Enum.IsDefined(measure)) throw new DomainValidationException("measure", "处理措施无效。");
        new FieldErrors().Text("comment", comment, "处理意见", 1000, required: false).ThrowIfAny();
        Require(LeadStatus.Open, "确认");
        Measure = measure;
        Decide(LeadStatus.Confirmed, comment, by, now);
    }

    public void Dismiss(string reason, string by, DateTimeOffset now)
    {
        new FieldErrors().Text("reason", reason, "不予采纳的理由", 1000).ThrowIfAny();
        Require(LeadStatus.Open, "驳回");
        Decide(LeadStatus.Dismissed, reason, by, now);
    }

    public void RequestPublication(string by, DateTimeOffset now)
    {
        Require(LeadStatus.Confirmed, "申请曝光");
        Status = LeadStatus.PublicationRequested;
        Version++;
    }

    public void ApprovePublication(string by, DateTimeOffset now)
    {
        Require(LeadStatus.PublicationRequested, "批准曝光");
        Status = LeadStatus.Published;
        PublishedBy = by;
        PublishedAt = now;
        Version++;
    }

    private void Decide(LeadStatus status, string? text, string by, DateTimeOffset now)
    {
        Status = status;
        Decision = text?.Trim();
        DecidedBy = by;
        DecidedAt = now;
        Version++;
    }

    private void Require(LeadStatus expected, string action)
    {
        if (Status != expected) throw new LeadStateException(Status, action);
    }
}

/// <summary>A lead decision that does not fit the lead's state; answered as 409 like workflow conflicts.</summary>
public sealed class LeadStateException(LeadStatus status, string action) : Exception($"Lead in status {status} cannot {action}.")
{
    public LeadStatus Status { get; } = status;
    public string ActionLabel { get; } = action;
}
