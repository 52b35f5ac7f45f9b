using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

/// <summary>
/// Beyond the role × endpoint table (AccessTableTests, access-table.tsv, which covers anonymous callers and each
/// role on every endpoint): within a role, other units' appeals are invisible and only the lead unit acts.
/// </summary>
public sealed class AuthorizationTests(SharedApp shared) : IClassFixture<SharedApp>
{
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
