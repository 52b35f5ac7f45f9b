using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Minsheng.Infrastructure;

/// <summary>
/// Refuses a request body whose declared charset no decoder knows (`application/json; charset=foo`) with 415,
/// before the JSON or form reader throws on it. Requests without a body or without a charset pass untouched.
/// </summary>
public static class RequestCharset
{
    public static IApplicationBuilder UseKnownCharsets(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // A re-executed error page carries the original request's content type; it was judged once already.
        var reExecuted = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
                         || http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;
        if (!reExecuted && Problem(http.Request.ContentType) is { } detail)
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            // The API answers ProblemDetails here; a page gets the error page from the status-code re-execution.
            if (Web.PageSetup.IsApi(http.Request))
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails { Status = 415, Title = "请求内容类型不受支持", Detail = detail },
                });
            return;
        }
        await next(http);
    });

    /// <summary>Why the content type cannot be decoded, or null when it can (or names no charset).</summary>
    public static string? Problem(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return null;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media)) return "Content-Type 格式不正确，请以 application/json; charset=utf-8 提交。";
        if (!media.Charset.HasValue) return null;
        // MediaTypeHeaderValue.Encoding is null when the charset names no encoding this runtime has, and throws for
        // the ones it refuses to decode (utf-7).
        Encoding? encoding;
        try { encoding = media.Encoding; }
        catch (Exception e) when (e is NotSupportedException or ArgumentException) { encoding = null; }
        return encoding is null ? $"不支持字符集“{Clip(media.Charset.Value)}”，请以 UTF-8 提交。" : null;
    }

    private static string Clip(string? s) => s is { Length: > 40 } ? s[..40] + "…" : s ?? "";
}
