using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;

namespace Minsheng.Infrastructure;

/// <summary>
/// Tokens and cookies outlive a password reset or a deactivation; checking the security stamp on each
/// request makes those take effect at once. One indexed lookup per authenticated request.
/// </summary>
public sealed class ValidateUserMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, MinshengDb db)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var id = long.Parse(http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "0");
            var stamp = http.User.FindFirstValue(CurrentUser.StampClaim);
            var valid = await db.Users.AsNoTracking().AnyAsync(u => u.Id == id && u.Active && u.SecurityStamp == stamp, http.RequestAborted);
            if (!valid) http.User = new ClaimsPrincipal(new ClaimsIdentity());
        }
        await next(http);
    }
}
