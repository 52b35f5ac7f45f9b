using Microsoft.AspNetCore.Authorization;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Unit;

/// <summary>The unit head's approval queue: replies waiting for sign-off (only heads approve replies).</summary>
[Authorize(Roles = "UnitHead")]
public sealed class ApprovalsModel(AppealScope scope, AppealPresenter presenter, UnitQueues queues) : QueuePage(scope, presenter)
{
    protected override IReadOnlyList<QueueTab> Definitions =>
    [
        new("replies", "答复待审核", q => queues.Led(q).Where(a => a.Status == AppealStatus.PendingApproval), q => q.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id)),
        new("extensions", "本单位延期申请", q => queues.Led(q).Where(a => a.PendingExtensionDays != null), q => q.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id)),
    ];
}
