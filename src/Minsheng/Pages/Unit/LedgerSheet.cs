using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Unit;

/// <summary>The ledger's columns: the same facts the table shows, plus the outcome of the callback.</summary>
public static class LedgerSheet
{
    public static readonly IReadOnlyList<string> Headers =
        ["受理编号", "标题", "性质", "分类", "渠道", "状态", "派单时间", "签收时间", "答复时间", "办结期限", "是否超期", "回访结果", "是否解决"];

    public static IEnumerable<IReadOnlyList<object?>> Rows(IReadOnlyList<Appeal> appeals, IReadOnlyList<AppealSummary> summaries, DateTimeOffset now)
    {
        for (var i = 0; i < appeals.Count; i++)
        {
            var a = appeals[i];
            var s = summaries[i];
            // The resolve clock stops at the approved reply; an appeal ended without one (merged, invalid) stops at its end.
            var late = a.ResolveDue is { } due && (a.Done(Domain.TimeLimits.Stage.Resolve) ?? a.ClosedAt ?? (Workflow.IsTerminal(a.Status) ? a.UpdatedAt : now)) > due;
            yield return
            [
                a.Number, s.Title, s.TypeLabel, s.CategoryName ?? "", s.ChannelLabel, s.StatusLabel,
                Ui.Time(a.DispatchedAt), Ui.Time(a.ClaimedAt), Ui.Time(a.RepliedAt), Ui.Time(a.ResolveDue),
                late ? "超期" : "否", a.CallbackOutcome is { } o ? Labels.Outcome(o) : "", a.Resolved switch { true => "已解决", false => "未解决", _ => "" },
            ];
        }
    }
}
