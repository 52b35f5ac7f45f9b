namespace Minsheng.Domain.Appeals;

public enum AppealStatus
{
    Registered,       // 已登记
    PendingDispatch,  // 待派单
    Dispatched,       // 已派单
    Claimed,          // 已签收
    InProgress,       // 办理中
    ReturnRequested,  // 退单待审
    PendingApproval,  // 答复待审核
    Replied,          // 已答复（待回访）
    ReReview,         // 复核中
    Closed,           // 办结
    Merged,           // 已并案
    Invalid,          // 无效
}

public enum AppealAction
{
    Register,
    DirectAnswer,
    Dispatch,
    Claim,
    RecordContact,
    RequestReturn,
    AcceptReturn,
    RejectReturn,
    RequestExtension,
    ApproveExtension,
    RejectExtension,
    Contribute,
    SubmitReply,
    ApproveReply,
    RejectReply,
    CallbackSatisfied,
    CallbackUnsatisfied,
    CallbackNotReached,
    Redo,
    Close,
    Merge,
    MarkInvalid,
    Reopen,
    Escalate,
    HandDown,
}
