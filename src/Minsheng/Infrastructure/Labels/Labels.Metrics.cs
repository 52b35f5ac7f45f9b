using Minsheng.Features.Statistics.Metrics;
using M = Minsheng.Features.Statistics.Metrics.Measure;
using D = Minsheng.Features.Statistics.Metrics.Dimension;

namespace Minsheng.Infrastructure;

/// <summary>The unit metrics (考核指标) as people read them: names, dimensions, and the 口径 shown on the page.</summary>
public static partial class Labels
{
    public static string MetricName(M m) => m switch
    {
        M.Received => "收件量",
        M.Response => "响应率",
        M.OnTimeSignFor => "按时签收率",
        M.OnTimeContact => "按时联系率",
        M.OnTimeReply => "按时答复率",
        M.OnTimeClose => "按时办结率",
        M.Resolution => "解决率",
        M.Satisfaction => "满意率",
        M.ReturnRate => "退单率",
        M.WrongfulReturn => "错退率",
        M.RedoRate => "重办率",
        M.CoUnitOnTime => "协办按时率",
        M.SupervisionOrders => "督办单",
        M.Overdue => "超期件数",
        _ => m.ToString(),
    };

    public static string Dimension(D d) => d switch
    {
        D.Unit => "单位",
        D.Township => "乡镇（街道）",
        D.Category => "问题分类（一级）",
        _ => "受理渠道",
    };

    /// <summary>Each measure's 口径, as the queries in Features/Statistics/Metrics/MetricQueries.cs count it.</summary>
    public static string MetricDefinition(M m) => m switch
    {
        M.Received => "时段内派给（或重办交回）该单位的诉求：现仍由其主办且此后未申请退单的件数，加上其在时段内申请退单的次数。按派单（申请退单）时间归期。",
        M.Response => "按时签收且按时首次联系群众的件数 ÷ 应响应件数。应响应件数为首次联系时限已过、或已在时限内联系的诉求，按联系时间（超时的按首次联系时限）归期。未签收、未记录联系或任一超时均不计入分子。",
        M.OnTimeSignFor => "在签收时限内签收的件数 ÷ 签收时限已过或已按时签收的件数；按签收时间（超时的按签收时限）归期。",
        M.OnTimeContact => "在首次联系时限内记录联系群众的件数 ÷ 首次联系时限已过或已按时联系的件数；按联系时间（超时的按时限）归期。",
        M.OnTimeReply => "答复经单位负责人审核通过的时间不晚于答复时限的件数 ÷ 答复时限已过或已按时答复的件数；按审核通过时间（超时的按时限）归期。直接答复的诉求不属于任何单位，不计入。",
        M.OnTimeClose => "在办结时限（批准延期后为延长后的时限）内答复审核通过（或办结）的件数 ÷ 办结时限已过或已按时办结的件数；按审核通过（办结）时间归期，超时的按时限归期。",
        M.Resolution => "回访认定“已解决”的件数 ÷ 回访记录了是否解决的件数，按回访时间归期。每件诉求以本轮（最近一次答复后）接通的回访为准；受理端标记“非承办单位责任”的不满意回访不计入。",
        M.Satisfaction => "回访“满意”或“基本满意”的件数 ÷ 回访接通（满意、基本满意、不满意）的件数，按回访时间归期；未接通不计入。每件以本轮回访为准；受理端标记“非承办单位责任”的不满意回访不计入，不算作该单位的不满意。",
        M.ReturnRate => "单位在时段内申请退单的次数 ÷ 收件量，按申请时间归期。越低越好。",
        M.WrongfulReturn => "受理端驳回的退单 ÷ 受理端在时段内审核（同意或驳回）的该单位退单申请，按审核时间归期。越低越好。",
        M.RedoRate => "回访结果已定案的件数中被重办的比例：满意、基本满意按回访时间，不满意按派单员复核结论（重办或办结）的时间归期；复核中尚无结论的不计入。越低越好。",
        M.CoUnitOnTime => "系统未设协办单独时限，协办意见以主办单位的答复时限为期限：本轮首次提交协办意见不晚于该时限的协办单位次数 ÷ 时限已过或已按时提交的协办单位次数；按提交时间（超时的按时限）归期。计入协办单位。",
        M.SupervisionOrders => "时段内针对该单位主办诉求发出的督办单：系统超期督办单（每件每轮一张，旧数据同一次巡检按环节生成的多张计一张）与督查、领导人工下发的督办单、交办函。",
        M.Overdue => "该单位主办、有环节未在时限内完成的诉求件数，按最先超时的环节时限归期；答复审核通过后诉求等待回访、复核，属受理端时间，不再计入单位超期（未记录联系但已按时答复的不算联系超期）。",
        _ => "",
    };

    /// <summary>Rules that hold for every measure, shown above the list of definitions.</summary>
    public static readonly IReadOnlyList<string> MetricRules =
    [
        "每项数据按“定案时间”归入统计时段：签收、联系、答复、办结按完成时间（超时的按时限到期时间），回访按回访时间，退单按申请或审核时间，督办按发出时间。因此次月 1 日即可对上月考核，之后的办理不会改变已定案的数据（重办、重新办理除外，见下）。",
        "只统计所选辖区内的单位；合并件、无效件不计入。单位为诉求当前的主办单位（退单、协办另有说明）。",
        "重办或重新办理开始新一轮办理，本件的签收、联系、答复和回访以最新一轮为准。",
        "每个比率旁标注样本数 n（分母）；n 低于最小样本数的单位照常显示但不参与排名，标注“样本不足”。",
        "点击任一数字可查看其背后的诉求清单；清单件数与数字一致。",
    ];
}
