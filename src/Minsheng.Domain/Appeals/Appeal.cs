using Minsheng.Domain.Organization;
using Minsheng.Domain.TimeLimits;

namespace Minsheng.Domain.Appeals;

/// <summary>
/// 诉求件. Status changes only through the action methods below; each consults <see cref="Workflow"/>,
/// changes the state and appends a timeline entry. State-only guards throw <see cref="IllegalTransitionException"/>.
/// </summary>
public sealed partial class Appeal
{
    public long Id { get; private set; }
    public string Number { get; private set; } = "";
    public string QueryCode { get; private set; } = "";
    public Channel Channel { get; private set; }
    public AppealType Type { get; private set; }
    public long? CategoryId { get; private set; }
    public Tier Tier { get; private set; }
    public string Title { get; private set; } = "";
    public string Content { get; private set; } = "";
    public long? RegionUnitId { get; private set; }
    /// <summary>
    /// The county or city (辖区) whose desk owns the appeal: where it was registered, or the county of its region.
    /// Desk, supervision and leadership roles see the appeals of their jurisdiction; a city desk hands one down.
    /// </summary>
    public long? JurisdictionId { get; private set; }
    public string? Address { get; private set; }
    public double? Latitude { get; private set; }
    public double? Longitude { get; private set; }
    public string? CitizenName { get; private set; }
    public string? CitizenPhone { get; private set; }
    public string? CitizenAddress { get; private set; }
    /// <summary>The unit (or its staff) the appeal is about; that unit's subtree never sees the complainant.</summary>
    public long? SubjectUnitId { get; private set; }
    public AppealStatus Status { get; private set; }
    public long? LeadUnitId { get; private set; }
    public DateTimeOffset? DispatchedAt { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    public DateTimeOffset? ContactedAt { get; private set; }
    public DateTimeOffset? SignForDue { get; private set; }
    public DateTimeOffset? FirstContactDue { get; private set; }
    public DateTimeOffset? ReplyDue { get; private set; }
    public DateTimeOffset? ResolveDue { get; private set; }
    /// <summary>Some deadline was computed on a provisional calendar year (no State Council notice yet).</summary>
    public bool DeadlinesProvisional { get; private set; }
    /// <summary>When the deadline monitor should next look at this appeal; null when no clock is running.</summary>
    public DateTimeOffset? NextCheckAt { get; private set; }
    public bool ExtensionUsed { get; private set; }
    public int? PendingExtensionDays { get; private set; }
    public string? PendingExtensionReason { get; private set; }
    public string? ReturnReason { get; private set; }
    public int ReturnCount { get; private set; }
    public int RedoCount { get; private set; }
    public int CallbackAttempts { get; private set; }
    public CallbackOutcome? CallbackOutcome { get; private set; }
    public bool? Resolved { get; private set; }
    public bool? UnitAtFault { get; private set; }
    public string? ReplyDraft { get; private set; }
    public string? Reply { get; private set; }
    public DateTimeOffset? RepliedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? CloseReason { get; private set; }
    public long? MergedIntoId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public long? CreatedByUserId { get; private set; }
    /// <summary>Bumped by every action; the store uses it as the optimistic concurrency token.</summary>
    public int Version { get; private set; }

    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<AppealCoUnit> _coUnits = [];
    private readonly List<Attachment> _attachments = [];
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;
    public IReadOnlyList<AppealCoUnit> CoUnits => _coUnits;
    public IReadOnlyList<Attachment> Attachments => _attachments;

    public bool IsAnonymous => CitizenName is null && CitizenPhone is null;

    /// <summary>举报 and appeals about a unit carry a confidential complainant.</summary>
    public bool IsConfidential => Type == AppealType.Report || SubjectUnitId is not null;

    private Appeal() { }

    public static Appeal Register(AppealDraft draft, string number, string queryCode, Actor actor, DateTimeOffset now,
        IEnumerable<Attachment>? attachments = null, long? jurisdictionId = null)
    {
        draft.Validate();
        if (actor.Role is { } role && !MayRegister(role, draft.Channel, draft.RegionUnitId, actor.Covers))
            throw new ActionForbiddenException(AppealAction.Register, role.IsUnitStaff()
                ? "承办单位只能登记本单位辖区内入户走访收集的诉求。" : "只有话务员或派单员可以登记诉求。");
        var appeal = new Appeal
        {
            Number = number,
            QueryCode = queryCode,
            Channel = draft.Channel,
            Type = draft.Type,
            CategoryId = draft.CategoryId,
            Tier = draft.Tier,
            Title = draft.Title.Trim(),
            Content = draft.Content.Trim(),
            RegionUnitId = draft.RegionUnitId,
            JurisdictionId = jurisdictionId,
            Address = Blank(draft.Address),
            Latitude = draft.Latitude,
            Longitude = draft.Longitude,
            CitizenName = Blank(draft.CitizenName),
            CitizenPhone = Blank(draft.CitizenPhone),
            CitizenAddress = Blank(draft.CitizenAddress),
            SubjectUnitId = draft.SubjectUnitId,
            Status = AppealStatus.Registered,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedByUserId = actor.UserId,
            Version = 1,
        };
        appeal._attachments.AddRange(attachments ?? []);
        appeal._timeline.Add(new TimelineEntry(actor, now, AppealAction.Register, null, AppealStatus.Registered, null, true));
        return appeal;
    }

    /// <summary>
    /// The desk registers from any channel. Township and village cadres record what they hear on door-to-door
    /// visits (入户走访), but only in their own area: the region must lie in their unit's subtree.
    /// </summary>
    public static bool MayRegister(Role role, Channel channel, long? regionUnitId, Func<long, bool> covers) =>
        role is Role.Operator or Role.Dispatcher
        || (role.IsUnitStaff() && channel == Channel.DoorToDoorVisit && regionUnitId is { } region && covers(region));

    public DateTimeOffset? Due(Stage stage) => stage switch
    {
        Stage.SignFor => SignForDue,
        Stage.FirstContact => FirstContactDue,
        Stage.Reply => ReplyDue,
        _ => ResolveDue,
    };

    /// <summary>
    /// When the stage's clock stopped, or null while it runs. The unit's work is resolved once its reply
    /// is approved: the callback that follows is the desk's, and a redo clears the reply and restarts it.
    /// </summary>
    public DateTimeOffset? Done(Stage stage) => stage switch
    {
        Stage.SignFor => ClaimedAt,
        Stage.FirstContact => ContactedAt,
        Stage.Reply => RepliedAt,
        _ => RepliedAt ?? ClosedAt,
    };

    private void SetDeadlines(StageDeadlines d, DeadlineSchedule schedule)
    {
        SignForDue = d.SignFor;
        FirstContactDue = d.FirstContact;
        ReplyDue = d.Reply;
        ResolveDue = d.Resolve;
        DeadlinesProvisional = d.Provisional;
        ScheduleCheck(schedule);
    }

    /// <summary>Back to the queue: no clock runs until the next dispatch, so the monitor has nothing to check.</summary>
    private void ClearDeadlines()
    {
        SignForDue = FirstContactDue = ReplyDue = ResolveDue = null;
        DeadlinesProvisional = false;
        NextCheckAt = null;
    }

    /// <summary>The monitor looks again at the earliest threshold still ahead (any passed one at its next pass).</summary>
    private void ScheduleCheck(DeadlineSchedule schedule) =>
        NextCheckAt = DeadlineWatch.NextCheck(this, DateTimeOffset.MinValue, schedule.Time, schedule.Rules);

    /// <summary>Called by the monitor after it has recorded everything reached by now.</summary>
    public void Checked(DateTimeOffset now, DeadlineSchedule schedule) =>
        NextCheckAt = DeadlineWatch.NextCheck(this, now, schedule.Time, schedule.Rules);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Checks the table and the actor, runs the change, moves the status and records the step.</summary>
    /// <param name="guard">A state rule beyond the table; returns why the action is refused, or null.</param>
    private void Act(AppealAction action, Actor actor, DateTimeOffset now, string? comment, Action? change = null, Func<string?>? guard = null)
    {
        var rule = Workflow.Rule(action);
        // Role first, so a caller without the role learns nothing about the appeal's state.
        if (actor.Role is not { } role || !rule.Roles.Contains(role))
            throw new ActionForbiddenException(action, "当前角色无权执行此操作。");
        var to = Workflow.Target(Status, action) ?? throw new IllegalTransitionException(Status, action);
        if (!IsParty(rule.Party, actor))
            throw new ActionForbiddenException(action, rule.Party == Party.LeadUnit ? "只有主办单位可以执行此操作。" : "只有协办单位可以执行此操作。");
        if (guard?.Invoke() is { } refusal) throw new IllegalTransitionException(Status, action, refusal);
        var from = Status;
        change?.Invoke();
        Status = to;
        if (Workflow.IsTerminal(to)) NextCheckAt = null;
        UpdatedAt = now;
        Version++;
        _timeline.Add(new TimelineEntry(actor, now, action, from, to, Blank(comment), rule.Public));
    }

    private bool IsParty(Party party, Actor actor) => party switch
    {
        Party.LeadUnit => LeadUnitId is { } lead && actor.Covers(lead),
        Party.CoUnit => _coUnits.Any(c => actor.Covers(c.UnitId)),
        _ => true,
    };

    /// <summary>
    /// The actions this actor could take now by role, status and party (the pages show these as buttons);
    /// an action's own guard, such as "extension once", may still refuse it.
    /// </summary>
    public IEnumerable<AppealAction> ActionsFor(Actor actor) =>
        actor.Role is { } role
            ? Workflow.Available(Status, role).Where(a => IsParty(Workflow.Rule(a).Party, actor))
            : [];

    private static string Required(string? value, string field, string label, int max = 2000)
    {
        var errors = new FieldErrors().Text(field, value, label, max);
        errors.ThrowIfAny();
        return value!.Trim();
    }
}
