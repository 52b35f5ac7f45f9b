using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Minsheng.Domain;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Auth;

public sealed record Credentials(string? Username, string? Password);

public sealed record MeResponse(long Id, string Username, string DisplayName, string Role, string RoleLabel, long UnitId, string UnitName);

public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("认证");
        group.MapPost("/token", Token).AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        group.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.Login);
        group.MapPost("/logout", (Delegate)Logout).RequireAuthorization();
        group.MapGet("/me", Me).RequireAuthorization();
        return group;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Token(Credentials body, SignInService signIn, HttpContext http, CancellationToken ct)
    {
        var (_, user) = await signIn.CheckAsync(Require(body), body.Password!, RateLimits.ClientAddress(http), ct);
        if (user is null) return Failure();
        var principal = CurrentUser.CreatePrincipal(user.Id, user.Username, user.DisplayName, user.Role, user.UnitId, user.SecurityStamp, BearerTokenDefaults.AuthenticationScheme);
        return TypedResults.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Login(Credentials body, SignInService signIn, HttpContext http, CancellationToken ct)
    {
        var (_, user) = await signIn.CheckAsync(Require(body), body.Password!, RateLimits.ClientAddress(http), ct);
        if (user is null) return Failure();
        var principal = CurrentUser.CreatePrincipal(user.Id, user.Username, user.DisplayName, user.Role, user.UnitId, user.SecurityStamp, CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.SignIn(principal, authenticationScheme: CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>Ends every session of the account (cookies and bearer tokens alike), then drops this browser's cookie.</summary>
    private static async Task<NoContent> Logout(HttpContext http, Sessions sessions, CancellationToken ct)
    {
        await sessions.RevokeAllAsync(ct);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static MeResponse Me(CurrentUser me, UnitTree units) =>
        new(me.Id, me.Username, me.DisplayName, me.Role.ToString(), Labels.Role(me.Role), me.UnitId, units.NameOf(me.UnitId));

    private static string Require(Credentials body)
    {
        var errors = new FieldErrors().Text("username", body.Username, "用户名", 64).Text("password", body.Password, "密码", 128);
        errors.ThrowIfAny();
        return body.Username!.Trim();
    }

    private static ProblemHttpResult Failure()
    {
        var (title, detail) = SignInService.Refusal;
        return TypedResults.Problem(statusCode: 401, title: title, detail: detail);
    }
}
