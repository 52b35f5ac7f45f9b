using Microsoft.AspNetCore.Mvc;
using Minsheng.Features.Assessment;
using Minsheng.Infrastructure;

namespace Minsheng.Pages.Assessment;

/// <summary>The 红黑榜 card on the leader dashboard: the latest published month of the viewer's jurisdiction.</summary>
public sealed class BoardCardViewComponent(AssessmentBoards boards, AssessmentAccess access, CurrentUser me) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var view = access.IsReaderRole ? await boards.PublishedAsync(me.JurisdictionId, null, HttpContext.RequestAborted) : null;
        return View("/Pages/Assessment/_BoardCard.cshtml", view);
    }
}
