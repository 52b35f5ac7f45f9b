using Minsheng.Domain.Appeals;
using static Minsheng.Domain.Appeals.AppealAction;
using static Minsheng.Domain.Tests.TestKit.Actors;

namespace Minsheng.Domain.Tests.TestKit;

/// <summary>Runs any workflow action with valid arguments, by default as an actor the table allows.</summary>
public static class Perform
{
    public static readonly DateTimeOffset Later = AppealBuilder.T0.AddDays(2);

    /// <summary>Every action taken on an existing appeal (Register creates one instead).</summary>
    public static IEnumerable<AppealAction> AllActions => Enum.GetValues<AppealAction>().Where(a => a != Register);

    public static Actor DefaultActor(AppealAction action) => action switch
    {
        DirectAnswer or MarkInvalid or CallbackSatisfied or CallbackUnsatisfied or CallbackNotReached => Operator,
        Claim or RecordContact or RequestReturn or RequestExtension or SubmitReply => LeadHandler,
        ApproveReply or RejectReply => LeadHead,
        Contribute => CoHandler,
        Escalate => Supervisor,
        _ => Dispatcher,
    };

    public static void Action(Appeal appeal, AppealAction action, Actor? actor = null, DateTimeOffset? at = null)
    {
        var who = actor ?? DefaultActor(action);
        var now = at ?? Later;
        switch (action)
        {
            case DirectAnswer: appeal.AnswerDirectly("这是政策咨询，已当场答复。", who, now); break;
            case Dispatch: appeal.Dispatch(LeadUnit, [CoUnit], who, now, Schedules.Default, "请尽快处理"); break;
            case Claim: appeal.Claim(who, now); break;
            case RecordContact: appeal.RecordContact("已电话联系群众", who, now); break;
            case RequestReturn: appeal.RequestReturn("不属于本单位职责", who, now, Schedules.Default); break;
            case AcceptReturn: appeal.AcceptReturn(who, now); break;
            case RejectReturn: appeal.RejectReturn("属于本单位职责", who, now); break;
            case RequestExtension: appeal.RequestExtension(5, "需协调供电公司", who, now, Schedules.Default); break;
            case ApproveExtension: appeal.ApproveExtension(who, now, null, Schedules.Default); break;
            case RejectExtension: appeal.RejectExtension("理由不充分", who, now); break;
            case Contribute: appeal.Contribute("协办单位已配合排查线路。", who, now); break;
            case SubmitReply: appeal.SubmitReply("已修复路灯。", who, now); break;
            case ApproveReply: appeal.ApproveReply(who, now); break;
            case RejectReply: appeal.RejectReply("答复过于简单", who, now); break;
            case CallbackSatisfied: appeal.RecordCallback(CallbackOutcome.Satisfied, true, null, null, who, now); break;
            case CallbackUnsatisfied: appeal.RecordCallback(CallbackOutcome.Unsatisfied, false, true, "仍未修好", who, now); break;
            case CallbackNotReached: appeal.RecordCallback(CallbackOutcome.NotReached, null, null, "无人接听", who, now); break;
            case Redo: appeal.Redo("群众不满意，重新办理", who, now, Schedules.Default); break;
            case Close: appeal.Close("经复核已依法依规办理", who, now); break;
            case Merge: appeal.MergeInto(AppealBuilder.MergeTarget(), who, now); break;
            case MarkInvalid: appeal.MarkInvalid("骚扰电话", who, now); break;
            case Reopen: appeal.Reopen("回头看发现问题反弹", who, now); break;
            case Escalate: appeal.Escalate("涉及多个部门，需高位协调", who, now); break;
            case HandDown: appeal.HandDown(OtherUnit, "乙县", "请乙县派单", who, now); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, "Not an action on an existing appeal.");
        }
    }
}
