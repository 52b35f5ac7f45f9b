using Minsheng.Domain.Privacy;
using Minsheng.Domain.TimeLimits;

namespace Minsheng.Domain.Appeals;

/// <summary>One method per workflow action. Each validates its own arguments and delegates to Act.</summary>
public sealed partial class Appeal
{
    public const int CallbackAttemptsBeforeClose = 3;

    /// <summary>
    /// 直接办结: the desk answers on the spot and closes. Only a consultation (and a help request where the deployment
    /// allows it) can be answered so; a complaint or report needs a unit to act, so it is refused whoever asks.
    /// </summary>
    public void AnswerDirectly(string answer, Actor actor, DateTimeOffset now, bool helpAllowed = false)
    {
        var text = Required(answer, "answer", "答复内容");
        Act(AppealAction.DirectAnswer, actor, now, text, () =>
        {
            Reply = text;
            RepliedAt = now;
            ClosedAt = now;
        }, () => DirectAnswerRefusal(Type, helpAllowed));
    }

    /// <summary>Whether an appeal of this type may be answered directly.</summary>
    public static bool MayAnswerDirectly(AppealType type, bool helpAllowed) =>
        type == AppealType.Consultation || (helpAllowed && type == AppealType.Help);

    /// <summary>Why an appeal of this type may not be answered directly, or null when it may.</summary>
    public static string? DirectAnswerRefusal(AppealType type, bool helpAllowed) =>
        MayAnswerDirectly(type, helpAllowed) ? null
            : helpAllowed ? "只有咨询、求助类诉求可以直接办结，其他性质的诉求须派单办理。"
            : "只有咨询类诉求可以直接办结，其他性质的诉求（如投诉、求助）须派单办理。";

    /// <summary>
    /// Deadlines are set at the first dispatch of a round and carry over returns and re-dispatches;
    /// only a redo or a reopen starts new clocks. An appeal about a unit never goes to that unit or its subtree
    /// (as lead or co-unit) unless a root dispatcher gives a reason (<see cref="SubjectDispatch"/>); without
    /// <paramref name="subject"/> only the subject unit itself is refused.
    /// </summary>
    /// <returns>True when the subject-unit rule was overridden; the reason is in the timeline entry.</returns>
    public bool Dispatch(long leadUnitId, IReadOnlyCollection<long> coUnitIds, Actor actor, DateTimeOffset now, DeadlineSchedule schedule,
        string? comment = null, long? categoryId = null, Tier? tier = null, AppealType? type = null, SubjectDispatch? subject = null)
    {
        if (coUnitIds.Contains(leadUnitId))
            throw new DomainValidationException("coUnitIds", "协办单位不能与主办单位相同。");
        var (errors, note) = (subject ?? SubjectDispatch.SameUnitOnly).Check(this, leadUnitId, coUnitIds);
        var text = note is null ? comment : string.IsNullOrWhiteSpace(comment) ? note : $"{comment.Trim()}\n{note}";
        // Inside the change: the role and the status are checked first, so a caller learns nothing it may not.
        Act(AppealAction.Dispatch, actor, now, text, () =>
        {
            errors.ThrowIfAny();
            LeadUnitId = leadUnitId;
            _coUnits.Clear();
            _coUnits.AddRange(coUnitIds.Distinct().Select(id => new AppealCoUnit(id)));
            CategoryId = categoryId ?? CategoryId;
            Tier = tier ?? Tier;
            Type = type ?? Type;
            ReturnReason = null;
            DispatchedAt = now;
            if (SignForDue is null) SetDeadlines(schedule.Compute(Tier, Type, now), schedule);
        });
        return note is not null;
    }

    public void Claim(Actor actor, DateTimeOffset now, string? comment = null) =>
        Act(AppealAction.Claim, actor, now, comment, () => ClaimedAt ??= now);

    public void RecordContact(string note, Actor actor, DateTimeOffset now) =>
        Act(AppealAction.RecordContact, actor, now, Required(note, "comment", "联系情况"), () => ContactedAt ??= now);

    public void RequestReturn(string reason, Actor actor, DateTimeOffset now, DeadlineSchedule schedule)
    {
        var text = Required(reason, "reason", "退单理由");
        Act(AppealAction.RequestReturn, actor, now, text, () =>
        {
            ReturnReason = text;
            ReturnCount++;
        }, () => DispatchedAt is { } at && !schedule.ReturnStillAllowed(now, at)
            ? $"已超过退单时限（派单后 {schedule.Rules.ReturnWithinWorkingDays} 个工作日内），请按期办理或申请协调。" : null);
    }

    public void AcceptReturn(Actor actor, DateTimeOffset now, string? comment = null) =>
        Act(AppealAction.AcceptReturn, actor, now, comment, () =>
        {
            LeadUnitId = null;
            _coUnits.Clear();
            ClearPendingExtension();
        });

    public void RejectReturn(string reason, Actor actor, DateTimeOffset now) =>
        Act(AppealAction.RejectReturn, actor, now, Required(reason, "reason", "驳回理由"), () => ReturnReason = null);

    public void RequestExtension(int days, string reason, Actor actor, DateTimeOffset now, DeadlineSchedule schedule)
    {
        var max = schedule.Rules.MaxExtensionDays;
        if (days < 1 || days > max)
            throw new DomainValidationException("days", $"延期天数应在 1 到 {max} 个工作日之间。");
        var text = Required(reason, "reason", "延期理由");
        Act(AppealAction.RequestExtension, actor, now, $"申请延期 {days} 个工作日：{text}", () =>
        {
            PendingExtensionDays = days;
            PendingExtensionReason = text;
        }, () => Tier == Tier.Urgent ? "特别办诉求不能延期。"
            : ExtensionUsed ? "本件已延期过一次，不能再次申请。"
            : PendingExtensionDays is not null ? "已有待审批的延期申请。"
            : ResolveDue is { } due && !schedule.ExtensionStillAllowed(now, due)
                ? $"延期须在办结期限前至少 {schedule.Rules.ExtensionRequestLeadHours} 个工作小时提出。" : null);
    }

    /// <summary>Moves the resolve deadline once, by the working days asked for, counted from the old deadline.</summary>
    public void ApproveExtension(Actor actor, DateTimeOffset now, string? comment, DeadlineSchedule schedule) =>
        Act(AppealAction.ApproveExtension, actor, now, comment, () =>
        {
            if (ResolveDue is { } due)
            {
                var moved = schedule.Extend(due, PendingExtensionDays!.Value);
                ResolveDue = moved.Due;
                DeadlinesProvisional |= moved.Provisional;
                ScheduleCheck(schedule);
            }
            ExtensionUsed = true;
            ClearPendingExtension();
        }, NoPendingExtension);

    public void RejectExtension(string reason, Actor actor, DateTimeOffset now) =>
        Act(AppealAction.RejectExtension, actor, now, Required(reason, "reason", "驳回理由"), ClearPendingExtension, NoPendingExtension);

    private string? NoPendingExtension() => PendingExtensionDays is null ? "没有待审批的延期申请。" : null;

    /// <summary>A request belongs to the unit that made it; it lapses when the appeal leaves that unit's hands.</summary>
    private void ClearPendingExtension()
    {
        PendingExtensionDays = null;
        PendingExtensionReason = null;
    }

    public void Contribute(string part, Actor actor, DateTimeOffset now) =>
        Act(AppealAction.Contribute, actor, now, Required(part, "content", "协办意见", AppealDraft.ContentMax));

    public void SubmitReply(string reply, Actor actor, DateTimeOffset now)
    {
        var text = Required(reply, "content", "答复内容", AppealDraft.ContentMax);
        Act(AppealAction.SubmitReply, actor, now, text, () => ReplyDraft = text);
    }

    /// <summary>Only an approved reply counts as replied: the draft becomes the reply the citizen sees.</summary>
    public void ApproveReply(Actor actor, DateTimeOffset now, string? comment = null) =>
        Act(AppealAction.ApproveReply, actor, now, comment, () =>
        {
            Reply = ReplyDraft;
            ReplyDraft = null;
            RepliedAt = now;
            CallbackAttempts = 0;
            CallbackOutcome = null;
        });

    public void RejectReply(string reason, Actor actor, DateTimeOffset now) =>
        Act(AppealAction.RejectReply, actor, now, Required(reason, "reason", "退回理由"));

    public void RecordCallback(CallbackOutcome outcome, bool? resolved, bool? unitAtFault, string? comment, Actor actor, DateTimeOffset now)
    {
        if (!Enum.IsDefined(outcome)) throw new DomainValidationException("outcome", "回访结果无效。");
        var action = outcome switch
        {
            Appeals.CallbackOutcome.Satisfied or Appeals.CallbackOutcome.BasicallySatisfied => AppealAction.CallbackSatisfied,
            Appeals.CallbackOutcome.Unsatisfied => AppealAction.CallbackUnsatisfied,
            _ => AppealAction.CallbackNotReached,
        };
        Act(action, actor, now, comment, () =>
        {
            CallbackAttempts++;
            CallbackOutcome = outcome;
            if (outcome != Appeals.CallbackOutcome.NotReached)
            {
                Resolved = resolved;
                UnitAtFault = outcome == Appeals.CallbackOutcome.Unsatisfied ? unitAtFault : null;
            }
            if (action == AppealAction.CallbackSatisfied) ClosedAt = now;
        });
    }

    /// <summary>Back to the lead unit for a new round: fresh clocks from now.</summary>
    public void Redo(string reason, Actor actor, DateTimeOffset now, DeadlineSchedule schedule) =>
        Act(AppealAction.Redo, actor, now, Required(reason, "reason", "重办理由"), () =>
        {
            RedoCount++;
            ClearReply();
            ClearPendingExtension();
            ClaimedAt = null;
            ContactedAt = null;
            DispatchedAt = now;
            SetDeadlines(schedule.Compute(Tier, Type, now), schedule);
        });

    /// <summary>Work starts again: the old reply and its callback no longer count.</summary>
    private void ClearReply()
    {
        Reply = null;
        RepliedAt = null;
        CallbackOutcome = null;
        Resolved = null;
        UnitAtFault = null;
    }

    /// <summary>Closes after a re-review, or after the citizen could not be reached on repeated attempts.</summary>
    public void Close(string reason, Actor actor, DateTimeOffset now)
    {
        var text = Required(reason, "reason", "办结理由");
        Act(AppealAction.Close, actor, now, text, () =>
        {
            CloseReason = text;
            ClosedAt = now;
        }, () => Status == AppealStatus.Replied && CallbackAttempts < CallbackAttemptsBeforeClose
            ? $"回访未满 {CallbackAttemptsBeforeClose} 次，不能直接办结。" : null);
    }

    public void MergeInto(Appeal target, Actor actor, DateTimeOffset now)
    {
        if (ReferenceEquals(target, this) || target.Number == Number) throw new DomainValidationException("targetId", "不能并入自身。");
        Act(AppealAction.Merge, actor, now, $"并入 {target.Number}", () =>
        {
            MergedIntoId = target.Id;
            ClosedAt = now;
        }, () => Workflow.IsTerminal(target.Status) ? $"目标诉求 {target.Number} 已结束，不能并入。" : null);
    }

    public void MarkInvalid(string reason, Actor actor, DateTimeOffset now)
    {
        var text = Required(reason, "reason", "无效理由");
        Act(AppealAction.MarkInvalid, actor, now, text, () =>
        {
            CloseReason = text;
            ClosedAt = now;
        });
    }

    /// <summary>回头看: a closed appeal reopened after a revisit goes back to the dispatch queue.</summary>
    public void Reopen(string reason, Actor actor, DateTimeOffset now) =>
        Act(AppealAction.Reopen, actor, now, Required(reason, "reason", "重新办理理由"), () =>
        {
            ClosedAt = null;
            CloseReason = null;
            LeadUnitId = null;
            _coUnits.Clear();
            ClearReply();
            ClearPendingExtension();
            ClaimedAt = null;
            ContactedAt = null;
            DispatchedAt = null;
            ClearDeadlines();
        });

    public void Escalate(string reason, Actor actor, DateTimeOffset now)
    {
        Act(AppealAction.Escalate, actor, now, Required(reason, "reason", "提级理由"), () => Tier = Tier.HighLevel,
            () => Tier == Tier.HighLevel ? "本件已是高位办。" : null);
    }

    /// <summary>
    /// 市级交办: a city desk hands an appeal that waits for dispatch down to the desk of one of its counties,
    /// which dispatches it from there. The app checks that the target is a county (a jurisdiction of its own).
    /// </summary>
    public void HandDown(long countyId, string countyName, string? comment, Actor actor, DateTimeOffset now)
    {
        var note = string.IsNullOrWhiteSpace(comment) ? $"交办至{countyName}" : $"交办至{countyName}：{comment.Trim()}";
        // Checked inside the change, after the role and status checks, so a caller without the role learns nothing.
        Act(AppealAction.HandDown, actor, now, note, () =>
        {
            if (countyId == actor.UnitId || countyId == JurisdictionId || !actor.Covers(countyId))
                throw new DomainValidationException("countyId", "只能交办给本辖区下属的县（区）。");
            JurisdictionId = countyId;
        });
    }
}
