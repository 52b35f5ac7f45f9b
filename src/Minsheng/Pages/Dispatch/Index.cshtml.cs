using Microsoft.AspNetCore.Authorization;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Dispatch;

/// <summary>The dispatcher's queues: what waits for dispatch, a ruling on a return or extension, or re-review.</summary>
[Authorize(Roles = "Dispatcher")]
public sealed class IndexModel(AppealScope scope, AppealPresenter presenter) : QueuePage(scope, presenter)
{
    protected override IReadOnlyList<QueueTab> Definitions { get; } =
    [
        new("triage", "待派单", q => q.Where(a => a.Status == AppealStatus.Registered || a.Status == AppealStatus.PendingDispatch), ByTierThenAge),
        new("returns", "退单申请", q => q.Where(a => a.Status == AppealStatus.ReturnRequested), Oldest),
        new("extensions", "延期申请", q => q.Where(a => a.PendingExtensionDays != null), Oldest),
        new("rereview", "不满意待重办", q => q.Where(a => a.Status == AppealStatus.ReReview), Oldest),
        new("replied", "已答复待回访", q => q.Where(a => a.Status == AppealStatus.Replied), Oldest),
    ];
}
