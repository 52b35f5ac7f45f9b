using Minsheng.Domain;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Appeals.Actions;

// What the lead unit (and a co-unit) does with a dispatched appeal: claim, contact, return, ask for more time,
// contribute, reply; the unit head approves or sends back the reply.

public sealed record ClaimRequest : CommentBody;

/// <summary>The comment is required here: it is the record of the contact.</summary>
public sealed record ContactRequest : CommentBody
{
    public override void Validate(FieldErrors errors) => errors.Text("comment", Comment, "联系情况", Max);
}

public sealed record ReturnRequest : ReasonBody
{
    protected override string ReasonLabel => "退单理由";
}

public sealed record ExtensionRequest : ReasonBody
{
    /// <summary>Working days asked for; the deployment's time-limit rules cap them (the domain checks the range).</summary>
    public int? Days { get; init; }

    protected override string ReasonLabel => "延期理由";

    public override void Validate(FieldErrors errors)
    {
        if (Days is null) errors.Add("days", "请填写延期工作日数。");
        base.Validate(errors);
    }
}

public sealed record ContributeRequest : ContentBody
{
    protected override string ContentLabel => "协办意见";
    protected override int ContentMax => AppealDraft.ContentMax;
}

public sealed record ReplyRequest : ContentBody
{
    protected override string ContentLabel => "答复内容";
    protected override int ContentMax => AppealDraft.ContentMax;
}

public sealed record ApproveReplyRequest : CommentBody;

public sealed record RejectReplyRequest : ReasonBody
{
    protected override string ReasonLabel => "退回理由";
}

public static partial class WorkflowActions
{
    public static readonly WorkflowAction<ClaimRequest> Claim = new("claim", "签收", AppealAction.Claim, ActionForm.Comment, "意见（可不填）",
        (run, r) => run.Appeal.Claim(run.Actor, run.Now, r.Comment));

    public static readonly WorkflowAction<ContactRequest> Contact = new("contact", "联系群众", AppealAction.RecordContact, ActionForm.Comment, "联系群众情况",
        (run, r) => run.Appeal.RecordContact(r.Comment!, run.Actor, run.Now));

    public static readonly WorkflowAction<ReturnRequest> Return = new("return", "申请退单", AppealAction.RequestReturn, ActionForm.Reason,
        "退单理由（说明不属于本单位职责的依据）",
        (run, r) => run.Appeal.RequestReturn(r.Reason!, run.Actor, run.Now, run.Schedule));

    public static readonly WorkflowAction<ExtensionRequest> Extension = new("extension", "申请延期", AppealAction.RequestExtension, ActionForm.Extension,
        "延期理由",
        (run, r) => run.Appeal.RequestExtension(r.Days!.Value, r.Reason!, run.Actor, run.Now, run.Schedule));

    public static readonly WorkflowAction<ContributeRequest> Contribute = new("contribute", "协办意见", AppealAction.Contribute, ActionForm.Content, "协办意见",
        (run, r) => run.Appeal.Contribute(r.Content!, run.Actor, run.Now));

    public static readonly WorkflowAction<ReplyRequest> Reply = new("reply", "提交答复", AppealAction.SubmitReply, ActionForm.Content,
        "答复内容（提交单位负责人审核）",
        (run, r) => run.Appeal.SubmitReply(r.Content!, run.Actor, run.Now));

    public static readonly WorkflowAction<ApproveReplyRequest> ApproveReply = new("approve-reply", "审核通过答复", AppealAction.ApproveReply,
        ActionForm.Comment, "意见（可不填）",
        (run, r) => run.Appeal.ApproveReply(run.Actor, run.Now, r.Comment));

    public static readonly WorkflowAction<RejectReplyRequest> RejectReply = new("reject-reply", "退回答复", AppealAction.RejectReply, ActionForm.Reason, "理由",
        (run, r) => run.Appeal.RejectReply(r.Reason!, run.Actor, run.Now));
}
