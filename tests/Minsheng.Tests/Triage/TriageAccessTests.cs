using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Triage;

/// <summary>Who may ask for suggestions and maintain the rules; validation; and an untrained county.</summary>
public sealed class TriageAccessTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Theory]
    [InlineData("POST", "/api/triage/suggest")]
    [InlineData("GET", "/api/appeals/1/suggestions")]
    [InlineData("POST", "/api/triage/retrain")]
    [InlineData("GET", "/api/triage/models")]
    [InlineData("POST", "/api/routing-rules")]
    [InlineData("DELETE", "/api/gazetteer/1")]
    public async Task Anonymous_callers_get_401(string method, string path)
    {
        var response = await shared.App.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "GET" or "DELETE" ? null : JsonContent.Create(new { }),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("housing-handler", "POST", "/api/triage/suggest")]
    [InlineData("leader", "GET", "/api/appeals/1/suggestions")]
    [InlineData("analyst", "POST", "/api/triage/retrain")]
    [InlineData("operator", "GET", "/api/triage/models")]
    [InlineData("dispatcher", "POST", "/api/routing-rules")]
    [InlineData("operator", "GET", "/api/gazetteer")]
    [InlineData("dispatcher", "DELETE", "/api/gazetteer/1")]
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
    public async Task Invalid_input_names_the_fields_and_unknown_ids_are_404()
    {
        var desk = await shared.App.ClientFor("operator");
        var bad = await desk.Post("/api/triage/suggest", new { citizenPhone = "12345", regionUnitId = 999999, categoryId = 999999 })
            .Expect(HttpStatusCode.BadRequest);
        bad["errors"]!.AsObject().Select(e => e.Key).Order().ShouldBe(["categoryId", "citizenPhone", "content", "regionUnitId"]);
        await desk.Expect("/api/appeals/999999/suggestions", HttpStatusCode.NotFound);

        var admin = await shared.App.ClientFor("admin");
        var rule = await admin.Post("/api/routing-rules", new { regionUnitId = shared.App.County.Housing.Id }).Expect(HttpStatusCode.BadRequest);
        rule["errors"]!.AsObject().Select(e => e.Key).Order().ShouldBe(["regionUnitId", "unitId"]);
        var alias = await admin.Post("/api/gazetteer", new { alias = "老", unitId = 999999 }).Expect(HttpStatusCode.BadRequest);
        alias["errors"]!.AsObject().Select(e => e.Key).Order().ShouldBe(["alias", "unitId"]);
        (await admin.DeleteAsync("/api/routing-rules/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.DeleteAsync("/api/gazetteer/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Without_a_model_there_is_no_category_and_retrain_explains_why()
    {
        var desk = await shared.App.ClientFor("dispatcher");
        var s = await desk.Post("/api/triage/suggest", new { title = "路灯不亮", content = "王庄村的路灯坏了。" }).Expect(HttpStatusCode.OK);
        s["category"].ShouldBeNull();
        s["type"].ShouldBeNull();
        s["route"]!["unitName"]!.GetValue<string>().ShouldBe("城关镇");

        var admin = await shared.App.ClientFor("admin");
        var outcomes = await admin.Post("/api/triage/retrain").Expect(HttpStatusCode.OK);
        outcomes.AsArray().ShouldAllBe(o => o!["version"] == null && o["message"]!.GetValue<string>().Contains("未训练"));
    }
}
