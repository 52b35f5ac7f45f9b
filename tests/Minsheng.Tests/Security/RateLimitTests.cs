using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Public_submission_is_limited_per_client_address()
    {
        await using var app = await TestApp.StartAsync(new() { ["RateLimits:PublicSubmissionsPerMinute"] = "3" });
        var anon = app.Anonymous();
        var body = new { type = "Suggestion", title = "建议增设公交站", content = "建议在王庄村口增设一个公交站点。" };
        for (var i = 0; i < 3; i++) await anon.Post("/api/public/appeals", body).Expect(HttpStatusCode.Created);
        var problem = await anon.Post("/api/public/appeals", body).Expect(HttpStatusCode.TooManyRequests);
        problem["title"]!.GetValue<string>().ShouldBe("请求过于频繁");
    }

    [Fact]
    public async Task Public_submission_validates_like_every_endpoint()
    {
        await using var app = await TestApp.StartAsync();
        var problem = await app.Anonymous().Post("/api/public/appeals", new { type = "Complaint", title = "", content = "内容", phone = "abc" })
            .Expect(HttpStatusCode.BadRequest);
        problem["errors"]!["title"].ShouldNotBeNull();
        problem["errors"]!["phone"].ShouldNotBeNull("the error names the field the citizen filled in");
    }

    [Fact]
    public async Task The_login_page_itself_is_never_rate_limited()
    {
        await using var app = await TestApp.StartAsync(new() { ["RateLimits:LoginsPerMinute"] = "2" });
        var anon = app.Anonymous();
        for (var i = 0; i < 6; i++) (await anon.GetAsync("/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_ins_are_limited_as_configured_with_problem_details_for_the_api_and_a_chinese_page_for_browsers()
    {
        await using var app = await TestApp.StartAsync(new() { ["RateLimits:LoginsPerMinute"] = "3" });
        var anon = app.Anonymous();
        for (var i = 0; i < 3; i++) await anon.Post("/api/auth/token", new { username = "operator", password = "wrong-password" }).Expect(HttpStatusCode.Unauthorized);
        var problem = await anon.Post("/api/auth/token", new { username = "operator", password = "wrong-password" }).Expect(HttpStatusCode.TooManyRequests);
        problem["title"]!.GetValue<string>().ShouldBe("请求过于频繁");

        var page = await anon.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "operator", ["password"] = "x" }));
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain("操作过于频繁");
    }

    [Fact]
    public async Task The_default_login_limit_lets_a_call_centre_behind_one_address_sign_in()
    {
        await using var app = await TestApp.StartAsync();
        var anon = app.Anonymous();
        // 60 sign-ins within a minute from one address, as a shift starting behind one NAT address makes
        // (the old limit of 30 a minute refused half of them).
        string[] staff = ["operator", "dispatcher", "supervisor", "leader", "analyst", "publicity"];
        for (var i = 0; i < 60; i++)
            (await anon.Post("/api/auth/token", new { username = staff[i % staff.Length], password = TestApp.Password })).StatusCode.ShouldBe(HttpStatusCode.OK, $"sign-in {i + 1}");
    }
}
