namespace Minsheng.Infrastructure.Web;

/// <summary>
/// Headers every answer carries. The CSP allows scripts and styles only from this site's own files: no inline
/// &lt;script&gt;, no on…= handlers, no style="" (page code lives in wwwroot/js, Alpine is its CSP build, which
/// needs no eval). API answers — and staff pages — are never stored by browsers or proxies: they carry
/// personal data, and a shared desk PC's back button must not show them after 退出.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // Tracking links carry the query code in the URL; no other site ever sees our addresses.
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            // Static files are served before authentication, so they stay cacheable.
            if (PageSetup.IsApi(http.Request) || http.User.Identity?.IsAuthenticated == true)
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        return next(http);
    }
}
