using Microsoft.AspNetCore.Mvc.Filters;
using Minsheng.Features.Public;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Portal;

/// <summary>
/// Base of the portal pages: reads the county being viewed from <c>?county=CODE</c> before any handler runs (an
/// unknown code is a 404, like an unknown page), so every page and the layout show the same jurisdiction.
/// </summary>
public abstract class PortalPage(PortalJurisdictions portal) : AppPage
{
    protected PortalJurisdictions Jurisdictions => portal;

    public PortalRequest Portal { get; private set; } = null!;

    /// <summary>The county being viewed; null for the portal's own jurisdiction (the whole city, or the only county).</summary>
    public UnitInfo? County => Portal.County;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        Portal = await portal.ForRequestAsync(HttpContext, HttpContext.RequestAborted);
        if (!Portal.Known)
        {
            context.Result = NotFound();
            return;
        }
        await next();
    }

    public string Href(string path) => Portal.Href(path);
}
