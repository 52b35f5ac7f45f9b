using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Minsheng.Infrastructure.Web;

/// <summary>
/// The server-rendered pages: every page requires a signed-in user unless it is in /Portal or is the login
/// page; each staff page narrows further with [Authorize(Roles = ...)] matching the API it stands in for.
/// </summary>
public static class PageSetup
{
    /// <summary>htmx sends the antiforgery token in this header (wwwroot/js/site.js reads it from the meta tag).</summary>
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public static IServiceCollection AddMinshengPages(this IServiceCollection services)
    {
        services.AddScoped<Pages.Unit.UnitQueues>();
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToFolder("/Portal");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.ConfigureFilter(new MissingHandlerFilter());
        })
        // The pages live in this assembly, which is not the entry assembly under tests and benchmarks.
        .AddApplicationPart(typeof(PageSetup).Assembly)
        .AddMvcOptions(o =>
        {
            // Chinese messages for values the form binder cannot convert (a letter in a number field).
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的值。");
            m.SetValueMustBeANumberAccessor(field => "请输入数字。");
            m.SetValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
            m.SetMissingBindRequiredValueAccessor(field => "此项为必填项。");
            m.SetValueMustNotBeNullAccessor(value => "此项为必填项。");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
            m.SetUnknownValueIsInvalidAccessor(field => "填写的值无效。");
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效。");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "请输入数字。");
            m.SetMissingKeyOrValueAccessor(() => "此项为必填项。");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容缺失。");
        });
        // Razor would otherwise write every Chinese character as an &#x...; entity.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "minsheng-csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Marked Secure whenever the site is reached over HTTPS.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>API paths answer 401/403; pages send the browser to the login page instead.</summary>
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/openapi");
}
