using Minsheng.Domain.TimeLimits;

namespace Minsheng.Domain.Notifications;

public enum NotificationKind
{
    DeadlineReminder,    // 临期提醒
    ReminderNotice,      // 催办单
    SupervisionOrder,    // 督办单
    ManualSupervision,   // 督办单/交办函（人工）
    HighLevelDigest,     // 高位办日报
    LoginAttack,         // 登录异常：账户或地址因连续输错密码被锁定
    MonthlyPriority,     // 每月一题：牵头单位收到的交办
    ProactiveReminder,   // 未诉先办：季节性问题来临前的提醒
    ReportIssued,        // 周报/专报签发给领导
    BulletinIssued,      // 《民意参考》签发
    InstructionAssigned, // 批示交办
    InstructionReported, // 办理情况报告
    InstructionReview,   // 纳入工作计划的事项到期复查
    AssessmentDraft,     // 考核：月度考核草稿已出，申诉期开始
    ScoreAppealFiled,    // 考核：单位提出申诉（给考核办）
    ScoreAppealRuled,    // 考核：申诉审核结果（给单位）
}

/// <summary>Who reads it: the unit it is addressed to, the supervisors, the leaders, or the administrators.</summary>
public enum Audience { Unit, Supervisors, Leaders, Admins }

/// <summary>
/// One message in the in-app inbox, also handed to the configured senders (log, SMS, email). Key is
/// unique, so however many monitors run, each notice is created once; SentAt is set by whichever
/// instance claims the row for delivery. A failed hand-off is counted and tried again later
/// (<see cref="NextAttemptAt"/>), until it is parked after too many tries and left to an administrator.
/// </summary>
public sealed class Notification
{
    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public NotificationKind Kind { get; private set; }
    public Audience Audience { get; private set; }
    public long? UnitId { get; private set; }
    public long? AppealId { get; private set; }
    public Stage? Stage { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset? DueAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }
    public int DeliveryAttempts { get; private set; }
    /// <summary>Not handed to the senders before this; null means as soon as possible.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>When delivery was given up; a parked notice stays in the inbox but is not sent again.</summary>
    public DateTimeOffset? ParkedAt { get; private set; }

    public const int LastErrorMax = 500;

    private Notification() { }

    public Notification(string key, NotificationKind kind, Audience audience, long? unitId, long? appealId, Stage? stage,
        string title, string body, DateTimeOffset? dueAt, DateTimeOffset now)
    {
        Key = key;
        Kind = kind;
        Audience = audience;
        UnitId = unitId;
        AppealId = appealId;
        Stage = stage;
        Title = title;
        Body = body;
        DueAt = dueAt;
        CreatedAt = now;
    }

    public void MarkSent(DateTimeOffset now) => SentAt ??= now;

    /// <summary>
    /// Records a failed hand-off. The next try waits <paramref name="firstDelay"/>, doubling with each failure
    /// (at most a day); after <paramref name="maxAttempts"/> failures the notice is parked instead.
    /// </summary>
    /// <returns>True when this failure parked the notice.</returns>
    public bool DeliveryFailed(string error, DateTimeOffset now, int maxAttempts, TimeSpan firstDelay)
    {
        if (maxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(maxAttempts), maxAttempts, "At least one attempt.");
        if (firstDelay <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(firstDelay), firstDelay, "A retry must wait.");
        DeliveryAttempts++;
        LastError = error.Length <= LastErrorMax ? error : error[..LastErrorMax];
        if (DeliveryAttempts >= maxAttempts)
        {
            ParkedAt = now;
            NextAttemptAt = null;
            return true;
        }
        var delay = firstDelay * Math.Pow(2, Math.Min(DeliveryAttempts - 1, 20));
        NextAttemptAt = now + (delay < MaxRetryDelay ? delay : MaxRetryDelay);
        return false;
    }

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromDays(1);

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
