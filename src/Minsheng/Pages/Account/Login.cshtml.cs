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
        var valid = await TryAsync(() =>
        {
            new FieldErrors().Text("username", username, "用户名", 64).Text("password", password, "密码", 128).ThrowIfAny();
            return Task.CompletedTask;
        });
        if (!valid) return Page();
        var (result, user) = await signIn.CheckAsync(username!.Trim(), password!, ct);
        if (user is null)
        {
            Banner = result == Features.Auth.SignInResult.LockedOut ? "连续 5 次密码错误，账户已锁定 15 分钟。" : "用户名或密码错误。";
            return Page();
        }
        var principal = CurrentUser.CreatePrincipal(user.Id, user.Username, user.DisplayName, user.Role, user.UnitId, user.SecurityStamp,
            CookieAuthenticationDefaults.AuthenticationScheme);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        // Only a local path: an absolute URL here would make the login page an open redirect.
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : Nav.Home(user.Role));
    }
}
