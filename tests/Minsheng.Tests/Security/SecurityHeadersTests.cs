using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Minsheng.Infrastructure.Web;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

/// <summary>Response headers (Infrastructure/Web/SecurityHeaders.cs) and the cross-site guard on cookie API writes.</summary>
public sealed partial class SecurityHeadersTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/")]
    [InlineData("/api/public/units")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var response = await shared.App.Anonymous().GetAsync(path);
        var csp = Header(response, "Content-Security-Policy");
        csp.ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        ScriptSources(csp).ShouldBe(["'self'"], "no 'unsafe-inline' or 'unsafe-eval' for scripts");
        csp.ShouldContain("style-src 'self';");
        csp.ShouldContain("frame-ancestors 'none'");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Referrer-Policy").ShouldBe("same-origin");
        Header(response, "Permissions-Policy").ShouldContain("camera=()");
    }

    [Fact]
    public async Task Api_answers_are_never_stored()
    {
        using var staff = await shared.App.ClientFor("dispatcher");
        foreach (var path in new[] { "/api/auth/me", "/api/appeals", "/api/no-such-endpoint" })
            Header(await staff.GetAsync(path), "Cache-Control").ShouldBe("no-store", path);
        var refused = await shared.App.Anonymous().Post("/api/auth/token", new { username = "operator", password = "wrong-password" });
        Header(refused, "Cache-Control").ShouldBe("no-store");
        Header(await staff.GetAsync("/dispatch"), "Cache-Control").ShouldContain("no-store", Case.Insensitive, "staff pages carry personal data too");
    }

    [Fact]
    public async Task Cookies_are_secure_when_the_site_is_reached_over_https()
    {
        var https = shared.App.Anonymous();
        https.BaseAddress = new Uri("https://localhost/");
        var login = await https.Post("/api/auth/login", new { username = "analyst", password = TestApp.Password });
        login.StatusCode.ShouldBe(HttpStatusCode.OK);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("minsheng="));
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        var form = await https.GetAsync("/login");
        form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("minsheng-csrf=")).ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task A_cookie_signed_api_write_from_a_foreign_origin_is_refused()
    {
        var (browser, _) = await CookieBrowserAsync("supervisor");
        var answer = await Send(browser, HttpMethod.Post, "/api/notifications/999999/read", new { }, origin: "https://evil.example");
        answer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await answer.Content.ReadAsStringAsync()).ShouldContain("跨站请求被拒绝");
        // Nor one with no Origin, no Referer and no antiforgery token (a form another site auto-submits with Origin stripped).
        (await Send(browser, HttpMethod.Post, "/api/auth/logout", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // An opaque origin ("null", sandboxed frames) is foreign too.
        (await Send(browser, HttpMethod.Post, "/api/auth/logout", null, origin: "null")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await browser.GetAsync("/api/auth/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "reads are not affected, and the session is still there");
    }

    [Fact]
    public async Task Cookie_api_writes_from_this_site_or_with_the_antiforgery_token_pass()
    {
        var (browser, token) = await CookieBrowserAsync("leader");
        var sameOrigin = await Send(browser, HttpMethod.Post, "/api/notifications/999999/read", new { }, origin: "http://localhost");
        sameOrigin.StatusCode.ShouldBe(HttpStatusCode.NotFound, "past the guard, to the endpoint");
        var byReferer = await Send(browser, HttpMethod.Post, "/api/notifications/999999/read", new { }, referer: "http://localhost/inbox");
        byReferer.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var withToken = await Send(browser, HttpMethod.Post, "/api/notifications/999999/read", new { }, csrf: token);
        withToken.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bearer_clients_are_not_affected_by_the_origin_check()
    {
        using var bearer = await shared.App.ClientFor("leader");
        var answer = await Send(bearer, HttpMethod.Post, "/api/notifications/999999/read", new { }, origin: "https://elsewhere.example");
        answer.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Pages render no inline script, event handler or style attribute, which the CSP would block.</summary>
    [Fact]
    public async Task Pages_have_no_inline_script_handler_or_style()
    {
        var roles = new Dictionary<string, string> { ["Operator"] = "operator", ["Dispatcher"] = "dispatcher", ["UnitHead"] = "housing-head",
            ["Supervisor"] = "supervisor", ["Leader"] = "leader", ["Publicity"] = "publicity", ["Admin"] = "admin" };
        var checkedPages = 0;
        foreach (var path in new[] { "/", "/submit", "/track", "/cases", "/stats", "/directory", "/login" })
        {
            Inline(await shared.App.Anonymous().GetStringAsync(path)).ShouldBeEmpty(path);
            checkedPages++;
        }
        foreach (var (role, user) in roles)
        {
            using var client = await shared.App.ClientFor(user);
            // Every staff page of the access table this role may open (pages with a route parameter are left out).
            foreach (var row in AccessTable.Rows.Where(r => r.IsPage && r.Method == "GET" && !r.Route.Contains('{') && r.Route != "/logout"))
            {
                var path = row.Route;
                if (row.Expected[role] != "allow" || row.Expected[AccessRow.Anonymous] == "allow") continue;
                // Read whatever the page answers: /denied answers 403 with its page, which must be clean too.
                var response = await client.GetAsync(path);
                ((int)response.StatusCode).ShouldBeLessThan(500, $"{role} {path}");
                Inline(await response.Content.ReadAsStringAsync()).ShouldBeEmpty($"{role} {path}");
                checkedPages++;
            }
        }
        checkedPages.ShouldBeGreaterThan(30);
    }

    private static List<string> Inline(string html) =>
        InlineScript().Matches(html).Concat(Handler().Matches(html)).Concat(StyleAttribute().Matches(html)).Select(m => m.Value).ToList();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[a-z][^>]*\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Handler();

    [GeneratedRegex("<[a-z][^>]*\\sstyle\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var v) ? string.Join(", ", v)
        : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(", ", c) : "";

    private static string[] ScriptSources(string csp) =>
        csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ")).Split(' ').Skip(1).ToArray();

    private async Task<(HttpClient Browser, string Token)> CookieBrowserAsync(string username)
    {
        var server = shared.App.App.GetTestServer();
        var browser = new HttpClient(new CookieJar(server.CreateHandler(), new CookieContainer())) { BaseAddress = server.BaseAddress };
        (await LoginPage.SendAsync(browser, username, TestApp.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // The token pages put in <meta name="csrf-token"> for scripts (htmx sends it as X-CSRF-TOKEN).
        var html = await browser.GetStringAsync("/inbox");
        var token = MetaToken().Match(html).Groups[1].Value;
        token.ShouldNotBeEmpty();
        return (browser, token);
    }

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex MetaToken();

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object? body,
        string? origin = null, string? referer = null, string? csrf = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = System.Net.Http.Json.JsonContent.Create(body, options: Http.Json);
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (referer is not null) request.Headers.Referrer = new Uri(referer);
        if (csrf is not null) request.Headers.Add(PageSetup.AntiforgeryHeader, csrf);
        return client.SendAsync(request);
    }
}
