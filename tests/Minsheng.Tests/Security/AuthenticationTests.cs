using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
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
    public async Task Cookie_login_works_for_the_browser()
    {
        await using var app = await TestApp.StartAsync();
        var server = app.App.GetTestServer();
        var browser = new HttpClient(new CookieHandler(server.CreateHandler(), new CookieContainer())) { BaseAddress = server.BaseAddress };
        await browser.Post("/api/auth/login", new { username = "operator", password = TestApp.Password }).Expect(HttpStatusCode.OK);
        (await browser.Expect("/api/auth/me"))["username"]!.GetValue<string>().ShouldBe("operator");
        await browser.Post("/api/auth/logout").Expect(HttpStatusCode.NoContent);
        await browser.Expect("/api/auth/me", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var app = await TestApp.StartAsync();
        var anon = app.Anonymous();
        for (var i = 0; i < 4; i++)
            (await anon.Post("/api/auth/token", new { username = "operator", password = "wrong-password" }).Expect(HttpStatusCode.Unauthorized))
                ["title"]!.GetValue<string>().ShouldBe("登录失败");
        (await anon.Post("/api/auth/token", new { username = "operator", password = "wrong-password" }).Expect(HttpStatusCode.Unauthorized))
            ["title"]!.GetValue<string>().ShouldBe("账户已锁定");
        await anon.Post("/api/auth/token", new { username = "operator", password = TestApp.Password }).Expect(HttpStatusCode.Unauthorized);
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await anon.Post("/api/auth/token", new { username = "operator", password = TestApp.Password }).Expect(HttpStatusCode.OK);
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

    private sealed class CookieHandler(HttpMessageHandler inner, CookieContainer cookies) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(new Uri("http://localhost"), request.RequestUri);
            request.RequestUri = uri;
            var header = cookies.GetCookieHeader(uri);
            if (header.Length > 0) request.Headers.Add("Cookie", header);
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var c in set) cookies.SetCookies(uri, c);
            return response;
        }
    }
}
