using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Appeals.Actions;

// The dispatcher's answers to a unit's requests: a return (退单) and an extension (延期).

public sealed record AcceptReturnRequest : CommentBody;

public sealed record RejectReturnRequest : ReasonBody
{
    protected override string ReasonLabel => "驳回理由";
}

public sealed record ApproveExtensionRequest : CommentBody;

public sealed record RejectExtensionRequest : ReasonBody
{
    protected override string ReasonLabel => "驳回理由";
}

public static partial class WorkflowActions
{
    public static readonly WorkflowAction<AcceptReturnRequest> AcceptReturn = new("accept-return", "同意退单", AppealAction.AcceptReturn,
        ActionForm.Comment, "意见（可不填）",
        (run, r) => run.Appeal.AcceptReturn(run.Actor, run.Now, r.Comment));

    public static readonly WorkflowAction<RejectReturnRequest> RejectReturn = new("reject-return", "驳回退单", AppealAction.RejectReturn,
        ActionForm.Reason, "理由",
        (run, r) => run.Appeal.RejectReturn(r.Reason!, run.Actor, run.Now));

    public static readonly WorkflowAction<ApproveExtensionRequest> ApproveExtension = new("approve-extension", "同意延期", AppealAction.ApproveExtension,
        ActionForm.Comment, "意见（可不填）",
        (run, r) => run.Appeal.ApproveExtension(run.Actor, run.Now, r.Comment, run.Schedule));

    public static readonly WorkflowAction<RejectExtensionRequest> RejectExtension = new("reject-extension", "驳回延期", AppealAction.RejectExtension,
        ActionForm.Reason, "理由",
        (run, r) => run.Appeal.RejectExtension(r.Reason!, run.Actor, run.Now));
}
