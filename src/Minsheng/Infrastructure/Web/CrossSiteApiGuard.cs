using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Minsheng.Infrastructure.Web;

/// <summary>
/// A browser sends the session cookie with any request to this site, even one another site makes it send, so
/// SameSite=Strict should not be the only guard. An API write (POST/PUT/PATCH/DELETE under /api) not signed
/// with a bearer token is refused with 403 when its Origin (or Referer) names another site, and, when a
/// cookie signed it in, unless it comes from this site or carries the antiforgery token pages put in
/// &lt;meta name="csrf-token"&gt;. Bearer clients are untouched: a foreign page cannot attach their header.
/// </summary>
public sealed class CrossSiteApiGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, IAntiforgery antiforgery)
    {
        var request = http.Request;
        if (PageSetup.IsApi(request) && IsWrite(request.Method) && !HasBearer(request))
        {
            var sameSite = IsSameSite(request);
            var cookieSignedIn = http.User.Identity?.IsAuthenticated == true;
            if (sameSite == false || (cookieSignedIn && sameSite is null && !await antiforgery.IsRequestValidAsync(http)))
            {
                http.Response.StatusCode = 403;
                var problem = new ProblemDetails
                {
                    Status = 403,
                    Title = "跨站请求被拒绝",
                    Detail = "该请求不是从本系统页面发出的，且没有有效的防伪令牌。请从本系统页面操作，或使用令牌（Bearer）调用接口。",
                };
                await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", http.RequestAborted);
                return;
            }
        }
        await next(http);
    }

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static bool HasBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when Origin (or, without it, Referer) is this site, false when it is another or opaque ("null"), null when neither is sent.</summary>
    private static bool? IsSameSite(HttpRequest request)
    {
        var source = request.Headers.Origin.ToString();
        if (source.Length == 0) source = request.Headers.Referer.ToString();
        if (source.Length == 0) return null;
        return Uri.TryCreate(source, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
