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
}
