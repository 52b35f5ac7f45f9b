using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Auth;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Token_login_returns_an_access_token_that_works()
    {
        await using var app = await TestApp.StartAsync();
        var token = await app.Anonymous().Post("/api/auth/token", new { username = "dispatcher", password = TestApp.Password }).Expect(HttpStatusCode.OK);
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
        var me = await client.Expect("/api/auth/me");
        me["role"]!.GetValue<string>().ShouldBe("Dispatcher");
        me["unitName"]!.GetValue<string>().ShouldBe("测试县");
    }

    [Fact]
    public async Task Logout_revokes_the_old_cookie_and_the_old_bearer_token_on_the_server()
    {
        await using var app = await TestApp.StartAsync(services: ClientAddresses.Add);
        var browser = app.BrowserFrom("10.0.0.1", out var jar);
        await browser.Post("/api/auth/login", new { username = "operator", password = TestApp.Password }).Expect(HttpStatusCode.OK);
        (await browser.Expect("/api/auth/me"))["username"]!.GetValue<string>().ShouldBe("operator");
        var oldCookie = jar.GetCookieHeader(new Uri("http://localhost/")); // a copy, as someone at the shared PC could keep
        oldCookie.ShouldContain("minsheng=");
        using var bearer = await app.ClientFor("operator");
        await bearer.Expect("/api/auth/me");

        using (var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout"))
        {
            logout.Headers.Add("Origin", "http://localhost");
            (await browser.SendAsync(logout)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        // The old cookie replayed by hand (a copy an attacker kept), and the token issued before the logout.
        using var replay = app.Anonymous();
        replay.DefaultRequestHeaders.Add("Cookie", oldCookie);
        await replay.Expect("/api/auth/me", HttpStatusCode.Unauthorized);
        await bearer.Expect("/api/auth/me", HttpStatusCode.Unauthorized);
        // Signing in again works as before.
        using var again = await app.ClientFor("operator");
        await again.Expect("/api/auth/me");
    }

    [Fact]
    public async Task Logout_with_a_bearer_token_revokes_it_and_is_audited()
    {
        await using var app = await TestApp.StartAsync();
        using var bearer = await app.ClientFor("dispatcher");
        await bearer.Post("/api/auth/logout").Expect(HttpStatusCode.NoContent);
        await bearer.Expect("/api/auth/me", HttpStatusCode.Unauthorized);
        var audit = await Db(app).AuditLog.AsNoTracking().Where(a => a.Action == "logout").Select(a => a.Actor).ToListAsync();
        audit.ShouldBe(["dispatcher"]);
    }

    [Fact]
    public async Task Missing_credentials_get_400()
    {
        await using var app = await TestApp.StartAsync();
        var problem = await app.Anonymous().Post("/api/auth/token", new { username = "operator" }).Expect(HttpStatusCode.BadRequest);
        problem["errors"]!["password"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Password_reset_and_deactivation_revoke_existing_tokens()
    {
        await using var app = await TestApp.StartAsync();
        var operatorClient = await app.ClientFor("operator");
        await operatorClient.Expect("/api/auth/me");
        var admin = await app.ClientFor("admin");
        var users = await admin.Expect("/api/users");
        var id = users.AsArray().Single(u => u!["username"]!.GetValue<string>() == "operator")!["id"]!.GetValue<long>();
        await admin.Post($"/api/users/{id}/reset-password", new { password = "short" }).Expect(HttpStatusCode.BadRequest);
        await admin.Post($"/api/users/{id}/reset-password", new { password = "A-new-passw0rd" }).Expect(HttpStatusCode.NoContent);
        await operatorClient.Expect("/api/auth/me", HttpStatusCode.Unauthorized);
    }

    /// <summary>Wrong password, unknown account, inactive account and a locked account all read the same.</summary>
    [Fact]
    public async Task Every_refusal_reads_the_same_whether_or_not_the_account_exists()
    {
        await using var app = await TestApp.StartAsync(services: ClientAddresses.Add);
        var admin = await app.ClientFor("admin");
        var analystId = (await admin.Expect("/api/users")).AsArray().Single(u => u!["username"]!.GetValue<string>() == "analyst")!["id"]!.GetValue<long>();
        await admin.Put($"/api/users/{analystId}", new { displayName = "分析员", active = false }).Expect(HttpStatusCode.OK);
        var anon = app.From("10.0.0.9");
        for (var i = 0; i < 5; i++) await anon.Post("/api/auth/token", new { username = "publicity", password = "wrong-password" });

        var answers = new List<string>();
        foreach (var (username, password) in new[]
                 {
                     ("operator", "wrong-password"), ("no-such-user", "wrong-password"), ("analyst", TestApp.Password),
                     ("publicity", TestApp.Password), ("publicity", "wrong-password"),
                 })
        {
            var response = await app.From("10.0.0.9").Post("/api/auth/token", new { username, password });
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, username);
            var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            answers.Add($"{problem["title"]}|{problem["detail"]}");
        }
        answers.Distinct().ShouldHaveSingleItem();
        answers[0].ShouldBe($"{SignInService.Refusal.Title}|{SignInService.Refusal.Detail}");

        // The login page says the same.
        var page = await LoginPage.PostAsync(app.BrowserFrom("10.0.0.9", out _), "no-such-user", "wrong-password");
        page.ShouldContain(SignInService.Refusal.Detail);
    }

    internal static MinshengDb Db(TestApp app) =>
        app.App.Services.CreateScope().ServiceProvider.GetRequiredService<MinshengDb>();
}
