using Microsoft.EntityFrameworkCore;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Domain.Privacy;
using Minsheng.Features.Audit;
using static Minsheng.Domain.Appeals.AppealAction;

namespace Minsheng.Features.Appeals.Actions;

// The desk's first decisions on a new appeal: answer it, dispatch it, hand it down, merge it, or mark it invalid.

public sealed record DirectAnswerRequest : ContentBody
{
    protected override string ContentLabel => "答复内容";
}

public sealed record DispatchRequest : ActionRequest
{
    public long? LeadUnitId { get; init; }
    public long[]? CoUnitIds { get; init; }
    public long? CategoryId { get; init; }
    public Tier? Tier { get; init; }
    public AppealType? Type { get; init; }
    public string? Comment { get; init; }
    /// <summary>A root dispatcher's reason for sending a report to the unit it is about (举报不得交被举报单位).</summary>
    public string? OverrideReason { get; init; }

    public override void Validate(FieldErrors errors)
    {
        if (LeadUnitId is null) errors.Add("leadUnitId", "请选择主办单位。");
        if (Tier is { } t && !Enum.IsDefined(t)) errors.Add("tier", "办理层级无效。");
        if (Type is { } ty && !Enum.IsDefined(ty)) errors.Add("type", "诉求性质无效。");
        if (Comment is { Length: > CommentBody.Max }) errors.Add("comment", $"派单意见不能超过 {CommentBody.Max} 个字。");
    }
}

public sealed record HandDownRequest : ActionRequest
{
    public const string Missing = "请选择要交办的县（区）。";

    public long? CountyId { get; init; }
    public string? Comment { get; init; }

    public override void Validate(FieldErrors errors)
    {
        if (CountyId is null) errors.Add("countyId", Missing);
        errors.Text("comment", Comment, "交办意见", CommentBody.Max, required: false);
    }
}

public sealed record MergeRequest : ActionRequest
{
    /// <summary>The appeal this one is merged into (主件).</summary>
    public long? TargetId { get; init; }

    public override void Validate(FieldErrors errors)
    {
        if (TargetId is null) errors.Add("targetId", "请选择并入的目标诉求。");
    }
}

public sealed record InvalidateRequest : ReasonBody
{
    protected override string ReasonLabel => "无效理由";
}

public static partial class WorkflowActions
{
    public static readonly WorkflowAction<DirectAnswerRequest> DirectAnswer = new("direct-answer", "直接办结", AppealAction.DirectAnswer,
        ActionForm.Content, "答复内容",
        (run, r) => run.Appeal.AnswerDirectly(r.Content!, run.Actor, run.Now, run.DirectAnswer.AllowHelp));

    public static readonly WorkflowAction<DispatchRequest> Dispatch = new("dispatch", "派单", AppealAction.Dispatch, ActionForm.Dispatch, "派单意见",
        (run, r) =>
        {
            // 举报不得交被举报单位: the domain refuses the subject unit's subtree unless a root dispatcher gives a reason.
            var subject = new SubjectDispatch(run.Units.IsWithin, run.Actor.UnitId is { } mine && run.Units.IsRoot(mine), r.OverrideReason);
            if (run.Appeal.Dispatch(r.LeadUnitId!.Value, r.CoUnitIds ?? [], run.Actor, run.Now, run.Schedule, r.Comment, r.CategoryId, r.Tier, r.Type, subject))
                run.Notes.Record(AuditActions.AppealDispatchOverride, run.Appeal.Number, $"越级派给被反映单位，理由：{r.OverrideReason!.Trim()}");
        })
    {
        // Only units of the dispatcher's own jurisdiction: a county never dispatches into the next county.
        Check = async (run, r, errors) =>
        {
            if (r.LeadUnitId is { } lead && run.Units.Find(lead) is not { Active: true }) errors.Add("leadUnitId", "主办单位不存在。");
            else if (r.LeadUnitId is { } covered && !run.Actor.Covers(covered)) errors.Add("leadUnitId", "主办单位不在本辖区内。");
            foreach (var co in r.CoUnitIds ?? [])
                if (run.Units.Find(co) is not { Active: true }) errors.Add("coUnitIds", $"协办单位 {co} 不存在。");
                else if (!run.Actor.Covers(co)) errors.Add("coUnitIds", $"协办单位“{run.Units.NameOf(co)}”不在本辖区内。");
            if (r.CategoryId is { } cat && !await run.Db.Categories.AnyAsync(x => x.Id == cat && x.Active, run.Ct)) errors.Add("categoryId", "分类不存在。");
        },
    };

    /// <summary>市级交办: the target must be a county below the city desk (the domain checks "below").</summary>
    public static readonly WorkflowAction<HandDownRequest> HandDown = new("hand-down", "交办下级", AppealAction.HandDown, ActionForm.HandDown, "交办意见（可不填）",
        (run, r) => run.Appeal.HandDown(r.CountyId!.Value, run.Units.NameOf(r.CountyId.Value), r.Comment, run.Actor, run.Now))
    {
        Check = (run, r, errors) =>
        {
            if (r.CountyId is { } county && run.Units.Find(county) is not { Active: true, Kind: UnitKind.County }) errors.Add("countyId", HandDownRequest.Missing);
            return Task.CompletedTask;
        },
    };

    public static readonly WorkflowAction<MergeRequest> Merge = new("merge", "并案", AppealAction.Merge, ActionForm.Merge, "并入的主件受理编号",
        async (run, r) =>
        {
            var target = await run.Scope.Visible().FirstOrDefaultAsync(x => x.Id == r.TargetId, run.Ct)
                ?? throw new DomainValidationException("targetId", "目标诉求不存在。");
            run.Appeal.MergeInto(target, run.Actor, run.Now);
        })
    { Confirm = true };

    public static readonly WorkflowAction<InvalidateRequest> Invalidate = new("invalidate", "标记无效", MarkInvalid, ActionForm.Reason, "无效原因",
        (run, r) => run.Appeal.MarkInvalid(r.Reason!, run.Actor, run.Now))
    { Confirm = true };
}
