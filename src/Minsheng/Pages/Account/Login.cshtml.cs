using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Minsheng.Domain;
using Minsheng.Features.Auth;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Account;

[EnableRateLimiting(RateLimits.Login)]
public sealed class LoginModel(SignInService signIn) : AppPage
{
    public string? Username { get; private set; }
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? username, string? password, string? returnUrl, CancellationToken ct)
    {
        Username = username;
        ReturnUrl = returnUrl;
        if (!Accept(new FieldErrors().Text("username", username, "用户名", 64).Text("password", password, "密码", 128))) return Page();
        var (_, user) = await signIn.CheckAsync(username!.Trim(), password!, RateLimits.ClientAddress(HttpContext), ct);
        if (user is null)
        {
            Banner = SignInService.Refusal.Detail;
            return Page();
        }
        var principal = CurrentUser.CreatePrincipal(user.Id, user.Username, user.DisplayName, user.Role, user.UnitId, user.SecurityStamp,
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        // Only a local path: an absolute URL here would make the login page an open redirect.
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : Nav.Home(user.Role));
    }
}
