using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

/// <summary>Every endpoint: anonymous callers are refused, wrong roles get 403, other units' appeals are invisible.</summary>
public sealed class AuthorizationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    public static TheoryData<string, string> StaffEndpoints() => new()
    {
        { "GET", "/api/auth/me" }, { "POST", "/api/auth/logout" },
        { "GET", "/api/appeals" }, { "POST", "/api/appeals" }, { "GET", "/api/appeals/1" }, { "GET", "/api/appeals/1/timeline" },
        { "POST", "/api/appeals/1/unmask" },
        { "POST", "/api/appeals/1/direct-answer" }, { "POST", "/api/appeals/1/dispatch" }, { "POST", "/api/appeals/1/claim" },
        { "POST", "/api/appeals/1/contact" }, { "POST", "/api/appeals/1/return" }, { "POST", "/api/appeals/1/accept-return" },
        { "POST", "/api/appeals/1/reject-return" }, { "POST", "/api/appeals/1/extension" }, { "POST", "/api/appeals/1/approve-extension" },
        { "POST", "/api/appeals/1/reject-extension" }, { "POST", "/api/appeals/1/contribute" }, { "POST", "/api/appeals/1/reply" },
        { "POST", "/api/appeals/1/approve-reply" }, { "POST", "/api/appeals/1/reject-reply" }, { "POST", "/api/appeals/1/callback" },
        { "POST", "/api/appeals/1/redo" }, { "POST", "/api/appeals/1/close" }, { "POST", "/api/appeals/1/merge" },
        { "POST", "/api/appeals/1/invalidate" }, { "POST", "/api/appeals/1/reopen" }, { "POST", "/api/appeals/1/escalate" }, { "POST", "/api/appeals/1/hand-down" },
        { "GET", "/api/units" }, { "POST", "/api/units" }, { "PUT", "/api/units/1" },
        { "GET", "/api/categories" }, { "POST", "/api/categories" }, { "PUT", "/api/categories/1" },
        { "GET", "/api/users" }, { "POST", "/api/users" }, { "PUT", "/api/users/1" }, { "POST", "/api/users/1/reset-password" },
        { "GET", "/api/audit" }, { "GET", "/api/audit/verify" }, { "GET", "/api/access-log" },
        { "GET", "/api/policies" }, { "POST", "/api/policies" }, { "GET", "/api/time-limit-rules" }, { "PUT", "/api/time-limit-rules" },
        { "GET", "/api/calendar" }, { "GET", "/api/calendar/status" }, { "PUT", "/api/calendar/days/2026-12-01" }, { "DELETE", "/api/calendar/days/2026-12-01" },
        { "GET", "/api/appeals/1/deadlines" }, { "GET", "/api/notifications" }, { "POST", "/api/notifications/1/read" },
        { "GET", "/api/leads" }, { "POST", "/api/leads/1/confirm" }, { "POST", "/api/leads/1/dismiss" },
        { "POST", "/api/leads/1/request-publication" }, { "POST", "/api/leads/1/approve-publication" },
        { "POST", "/api/appeals/1/supervision-orders" }, { "GET", "/api/supervision-orders" },
        { "POST", "/api/triage/suggest" }, { "GET", "/api/appeals/1/suggestions" }, { "POST", "/api/triage/retrain" }, { "GET", "/api/triage/models" },
        { "GET", "/api/routing-rules" }, { "POST", "/api/routing-rules" }, { "DELETE", "/api/routing-rules/1" },
        { "GET", "/api/gazetteer" }, { "POST", "/api/gazetteer" }, { "DELETE", "/api/gazetteer/1" },
    };

    [Theory]
    [MemberData(nameof(StaffEndpoints))]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        var app = shared.App;
        var response = await app.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "GET" ? null : JsonContent.Create(new { }),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("未登录或登录已过期");
    }

    [Theory]
    [InlineData("housing-handler", "POST", "/api/appeals")]
    [InlineData("leader", "POST", "/api/appeals")]
    [InlineData("dispatcher", "GET", "/api/users")]
    [InlineData("dispatcher", "POST", "/api/users")]
    [InlineData("operator", "POST", "/api/units")]
    [InlineData("supervisor", "PUT", "/api/units/1")]
    [InlineData("operator", "POST", "/api/categories")]
    [InlineData("housing-head", "GET", "/api/audit")]
    [InlineData("admin", "GET", "/api/access-log")]
    [InlineData("operator", "GET", "/api/audit/verify")]
    [InlineData("admin", "GET", "/api/appeals")]
    [InlineData("dispatcher", "POST", "/api/policies")]
    [InlineData("operator", "GET", "/api/policies")]
    [InlineData("supervisor", "PUT", "/api/time-limit-rules")]
    [InlineData("leader", "PUT", "/api/calendar/days/2026-12-01")]
    [InlineData("housing-head", "GET", "/api/leads")]
    [InlineData("leader", "POST", "/api/leads/1/confirm")]
    [InlineData("supervisor", "POST", "/api/leads/1/approve-publication")]
    [InlineData("dispatcher", "POST", "/api/appeals/1/supervision-orders")]
    [InlineData("housing-handler", "GET", "/api/supervision-orders")]
    public async Task Wrong_roles_get_403(string user, string method, string path)
    {
        var app = shared.App;
        var client = await app.ClientFor(user);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { }) });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Workflow_actions_check_role_and_unit()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var op = await app.ClientFor("operator");
        var id = await op.NewAppeal(c);
        // An operator cannot dispatch; a handler cannot see an undispatched appeal at all.
        await op.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.Forbidden);
        var housing = await app.ClientFor("housing-handler");
        await housing.Expect($"/api/appeals/{id}", HttpStatusCode.NotFound);
        await (await app.ClientFor("dispatcher")).Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        // Another department neither sees nor acts on it; a handler may not approve replies.
        var city = await app.ClientFor("city-handler");
        await city.Expect($"/api/appeals/{id}", HttpStatusCode.NotFound);
        await city.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.NotFound);
        (await city.Expect("/api/appeals"))["total"]!.GetValue<int>().ShouldBe(0);
        await housing.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.OK);
        await housing.Post($"/api/appeals/{id}/reply", new { content = "已处理完毕。" }).Expect(HttpStatusCode.OK);
        await housing.Post($"/api/appeals/{id}/approve-reply").Expect(HttpStatusCode.Forbidden);
        (await housing.Expect("/api/appeals"))["total"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Public_endpoints_need_no_login()
    {
        var app = shared.App;
        (await app.Anonymous().Expect("/api/public/units")).AsArray().Count.ShouldBe(6);
        (await app.Anonymous().Expect("/api/public/categories")).AsArray().Count.ShouldBe(3);
        (await app.Anonymous().Expect("/openapi/v1.json"))["paths"]!["/api/appeals/{id}/dispatch"].ShouldNotBeNull();
    }
}
