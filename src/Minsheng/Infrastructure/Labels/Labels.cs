using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;

namespace Minsheng.Infrastructure;

/// <summary>
/// Chinese names of every enum value users see — the only place they are written. One partial file per area
/// (Labels.Accountability.cs, Labels.Admin.cs, ...) so that areas do not edit the same file.
/// </summary>
public static partial class Labels
{
    public static string Status(AppealStatus s) => s switch
    {
        AppealStatus.Registered => "已登记",
        AppealStatus.PendingDispatch => "待派单",
        AppealStatus.Dispatched => "已派单",
        AppealStatus.Claimed => "已签收",
        AppealStatus.InProgress => "办理中",
        AppealStatus.ReturnRequested => "退单待审",
        AppealStatus.PendingApproval => "答复待审核",
        AppealStatus.Replied => "已答复（待回访）",
        AppealStatus.ReReview => "复核中",
        AppealStatus.Closed => "办结",
        AppealStatus.Merged => "已并案",
        AppealStatus.Invalid => "无效",
        _ => s.ToString(),
    };

    /// <summary>A workflow action's name in the timeline: its descriptor's (Features/Appeals/Actions), or 登记.</summary>
    public static string Action(AppealAction a) => a == AppealAction.Register ? "登记"
        : Features.Appeals.Actions.WorkflowActions.Recording(a)?.Records[a] ?? a.ToString();

    public static string Type(AppealType t) => t switch
    {
        AppealType.Complaint => "投诉",
        AppealType.Help => "求助",
        AppealType.Consultation => "咨询",
        AppealType.Suggestion => "建议",
        AppealType.Report => "举报",
        AppealType.Praise => "表扬",
        _ => "其他",
    };

    public static string Tier(Tier t) => t switch
    {
        Domain.Appeals.Tier.Urgent => "特别办",
        Domain.Appeals.Tier.Timely => "及时办",
        Domain.Appeals.Tier.Coordinated => "协调办",
        _ => "高位办",
    };

    public static string Channel(Channel c) => c switch
    {
        Domain.Appeals.Channel.Hotline12345 => "12345热线",
        Domain.Appeals.Channel.MessageBoard => "留言板",
        Domain.Appeals.Channel.PublicPortal => "网上诉求",
        Domain.Appeals.Channel.Mailbox => "县长信箱",
        Domain.Appeals.Channel.ConductHotline => "政风行风热线",
        Domain.Appeals.Channel.Petition => "信访",
        Domain.Appeals.Channel.DoorToDoorVisit => "入户走访",
        Domain.Appeals.Channel.ServiceHall => "服务大厅",
        _ => "其他",
    };

    public static string UnitKind(UnitKind k) => k switch
    {
        Domain.Organization.UnitKind.County => "县（区）",
        Domain.Organization.UnitKind.City => "市",
        Domain.Organization.UnitKind.Department => "部门",
        Domain.Organization.UnitKind.Township => "乡镇（街道）",
        _ => "村（社区）",
    };

    public static string Role(Role r) => r switch
    {
        Domain.Organization.Role.Operator => "话务员",
        Domain.Organization.Role.Dispatcher => "派单员",
        Domain.Organization.Role.UnitHandler => "承办人",
        Domain.Organization.Role.UnitHead => "单位负责人",
        Domain.Organization.Role.Supervisor => "督查员",
        Domain.Organization.Role.Analyst => "分析员",
        Domain.Organization.Role.Leader => "领导",
        Domain.Organization.Role.Publicity => "宣传员",
        _ => "管理员",
    };

    public static string Outcome(CallbackOutcome o) => o switch
    {
        CallbackOutcome.Satisfied => "满意",
        CallbackOutcome.BasicallySatisfied => "基本满意",
        CallbackOutcome.Unsatisfied => "不满意",
        _ => "未接通",
    };
}
