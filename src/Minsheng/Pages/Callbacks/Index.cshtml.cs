using Microsoft.AspNetCore.Authorization;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Callbacks;

/// <summary>The callback queue of the desk (operators and dispatchers record callbacks, as the API allows).</summary>
[Authorize(Roles = "Operator,Dispatcher")]
public sealed class IndexModel(AppealScope scope, AppealPresenter presenter) : QueuePage(scope, presenter)
{
    protected override IReadOnlyList<QueueTab> Definitions { get; } =
    [
        new("due", "待回访", q => q.Where(a => a.Status == AppealStatus.Replied && a.CallbackAttempts == 0), q => q.OrderBy(a => a.RepliedAt).ThenBy(a => a.Id)),
        new("retry", "未接通待再访", q => q.Where(a => a.Status == AppealStatus.Replied && a.CallbackAttempts > 0), q => q.OrderBy(a => a.UpdatedAt).ThenBy(a => a.Id)),
    ];
}
