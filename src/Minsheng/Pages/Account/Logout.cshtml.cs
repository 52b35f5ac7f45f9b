using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Minsheng.Pages.Account;

public sealed class LogoutModel(Features.Auth.Sessions sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/work");

    /// <summary>退出 ends the account's sessions on the server too (see Features/Auth/Sessions).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await sessions.RevokeAllAsync(ct);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Redirect("/login");
    }
}
