using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using static Minsheng.Domain.Appeals.AppealAction;

namespace Minsheng.Features.Appeals.Actions;

// After the reply: the callback (回访), a redo or a close after re-review, 回头看 (reopen) and 提级 (escalate).

public sealed record CallbackRequest : ActionRequest
{
    public CallbackOutcome? Outcome { get; init; }
    public bool? Resolved { get; init; }
    public bool? UnitAtFault { get; init; }
    public string? Comment { get; init; }

    public override void Validate(FieldErrors errors)
    {
        if (Outcome is null) errors.Add("outcome", "请选择回访结果。");
        errors.Text("comment", Comment, "回访记录", CommentBody.Max, required: false);
    }
}

public sealed record RedoRequest : ReasonBody
{
    protected override string ReasonLabel => "重办理由";
}

public sealed record CloseRequest : ReasonBody
{
    protected override string ReasonLabel => "办结理由";
}

public sealed record ReopenRequest : ReasonBody
{
    protected override string ReasonLabel => "重新办理理由";
}

public sealed record EscalateRequest : ReasonBody
{
    protected override string ReasonLabel => "提级理由";
}

public static partial class WorkflowActions
{
    /// <summary>One form for the three outcomes: the outcome decides which workflow action is recorded.</summary>
    public static readonly WorkflowAction<CallbackRequest> Callback = new("callback", "记录回访", CallbackSatisfied, ActionForm.Callback, "回访记录",
        (run, r) => run.Appeal.RecordCallback(r.Outcome!.Value, r.Resolved, r.UnitAtFault, r.Comment, run.Actor, run.Now))
    {
        Records = new Dictionary<AppealAction, string>
        {
            [CallbackSatisfied] = "回访满意", [CallbackUnsatisfied] = "回访不满意", [CallbackNotReached] = "回访未接通",
        },
    };

    public static readonly WorkflowAction<RedoRequest> Redo = new("redo", "重办", AppealAction.Redo, ActionForm.Reason, "理由",
        (run, r) => run.Appeal.Redo(r.Reason!, run.Actor, run.Now, run.Schedule));

    public static readonly WorkflowAction<CloseRequest> Close = new("close", "办结", AppealAction.Close, ActionForm.Reason, "办结说明",
        (run, r) => run.Appeal.Close(r.Reason!, run.Actor, run.Now))
    { Confirm = true };

    public static readonly WorkflowAction<ReopenRequest> Reopen = new("reopen", "重新办理", AppealAction.Reopen, ActionForm.Reason, "理由",
        (run, r) => run.Appeal.Reopen(r.Reason!, run.Actor, run.Now));

    public static readonly WorkflowAction<EscalateRequest> Escalate = new("escalate", "提级高位办", AppealAction.Escalate, ActionForm.Reason, "提级理由",
        (run, r) => run.Appeal.Escalate(r.Reason!, run.Actor, run.Now));
}
