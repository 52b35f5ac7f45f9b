using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Knowledge;

/// <summary>GET /api/knowledge for the desk and admins; POST/PUT/DELETE for admins; validation and search.</summary>
public sealed class KnowledgeApiTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("GET", "/api/knowledge?q=医保")]
    [InlineData("POST", "/api/knowledge")]
    [InlineData("PUT", "/api/knowledge/1")]
    [InlineData("DELETE", "/api/knowledge/1")]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        var response = await shared.App.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new { }),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("housing-handler", "GET", "/api/knowledge?q=医保")]
    [InlineData("supervisor", "GET", "/api/knowledge")]
    [InlineData("operator", "POST", "/api/knowledge")]
    [InlineData("dispatcher", "PUT", "/api/knowledge/1")]
    [InlineData("operator", "DELETE", "/api/knowledge/1")]
    public async Task Wrong_roles_get_403(string user, string method, string path)
    {
        var client = await shared.App.ClientFor(user);
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new { }),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Input_is_validated_field_by_field()
    {
        var admin = await shared.App.ClientFor("admin");
        var bad = await admin.Post("/api/knowledge", new { title = " ", content = new string('答', 2001), keywords = new string('词', 201), categoryId = 424242 })
            .Expect(HttpStatusCode.BadRequest);
        bad["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["title", "content", "keywords", "categoryId"], ignoreOrder: true);
        bad["errors"]!["content"]![0]!.GetValue<string>().ShouldContain("2000");
        var wrongType = await admin.Post("/api/knowledge", new { title = "标题", content = "内容", active = "yes" }).Expect(HttpStatusCode.BadRequest);
        wrongType["errors"]!["active"].ShouldNotBeNull();
        var op = await shared.App.ClientFor("operator");
        var longQuery = await op.GetAsync("/api/knowledge?q=" + new string('医', 5001)).Expect(HttpStatusCode.BadRequest);
        longQuery["errors"]!["q"].ShouldNotBeNull();
        await admin.Put("/api/knowledge/424242", new { title = "标题", content = "内容" }).Expect(HttpStatusCode.NotFound);
        (await admin.DeleteAsync("/api/knowledge/424242")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admin_writes_an_article_the_desk_finds_until_it_is_deactivated_and_deleted()
    {
        var admin = await shared.App.ClientFor("admin");
        var created = await admin.Post("/api/knowledge", new
        {
            title = "路灯报修电话", categoryId = shared.App.County.Roads.Id, keywords = "路灯，报修、不亮",
            content = "城区路灯不亮请拨打县城市管理局路灯所电话报修，一般 3 个工作日内修复。",
        }).Expect(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<long>();
        created["keywords"]!.AsArray().Select(k => k!.GetValue<string>()).ShouldBe(["路灯", "报修", "不亮"]);
        created["categoryName"]!.GetValue<string>().ShouldBe("道路设施");
        created["updatedBy"]!.GetValue<string>().ShouldBe("admin");
        created["active"]!.GetValue<bool>().ShouldBeTrue();

        var op = await shared.App.ClientFor("operator");
        var hits = (await op.Expect("/api/knowledge?q=" + Uri.EscapeDataString("我们村口的路灯坏了一直不亮，找谁修？"))).AsArray();
        hits[0]!["id"]!.GetValue<long>().ShouldBe(id);
        hits[0]!["score"]!.GetValue<double>().ShouldBeGreaterThan(0);
        var dispatcher = await shared.App.ClientFor("dispatcher");
        (await dispatcher.Expect("/api/knowledge?q=路灯")).AsArray().ShouldNotBeEmpty();

        await admin.Put($"/api/knowledge/{id}", new { title = "路灯报修电话", content = "已过时。", active = false }).Expect(HttpStatusCode.OK);
        (await op.Expect("/api/knowledge?q=路灯")).AsArray().Select(h => h!["id"]!.GetValue<long>()).ShouldNotContain(id);
        (await op.Expect("/api/knowledge")).AsArray().Select(h => h!["id"]!.GetValue<long>()).ShouldNotContain(id);
        (await admin.Expect("/api/knowledge")).AsArray().Select(h => h!["id"]!.GetValue<long>()).ShouldContain(id);

        (await admin.DeleteAsync($"/api/knowledge/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.Expect("/api/knowledge")).AsArray().Select(h => h!["id"]!.GetValue<long>()).ShouldNotContain(id);
        using var scope = shared.App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<global::Minsheng.Data.MinshengDb>();
        db.AuditLog.Where(a => a.EntityId == id.ToString() && a.Entity == "knowledge").Select(a => a.Action).ToList()
            .ShouldBe(["knowledge.create", "knowledge.update", "knowledge.delete"], ignoreOrder: true);
    }
}
