using Microsoft.AspNetCore.Authorization;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Unit;

/// <summary>A unit's inbox: appeals led by the unit (or its sub-units) by stage and urgency, and those it assists.</summary>
[Authorize(Roles = "UnitHandler,UnitHead")]
public sealed class IndexModel(AppealScope scope, AppealPresenter presenter, UnitQueues queues) : QueuePage(scope, presenter)
{
    protected override IReadOnlyList<QueueTab> Definitions => queues.Inbox();
}
