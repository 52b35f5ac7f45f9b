using System.Net;
using System.Text.Json.Nodes;
using Minsheng.Tests.Infrastructure;
using static Minsheng.Tests.Jurisdictions.JurisdictionWorld;

namespace Minsheng.Tests.Jurisdictions;

/// <summary>
/// Every list, search, statistic, page and suggestion shows a county its own appeals only; a city sees its counties.
/// (The review: a second county's dispatcher listed and opened all 2,010 appeals of 民丰县.)
/// </summary>
public sealed class JurisdictionIsolationTests(JurisdictionWorld w) : IClassFixture<JurisdictionWorld>
{
    private static readonly string[] AllTitles = [TcTitle, YiTitle, DingTitle, CityTitle];

    public static TheoryData<string, string[]> Desks => new()
    {
        { "dispatcher", [TcTitle] },
        { "yi-dispatcher", [YiTitle] },
        { "ding-dispatcher", [DingTitle] },
        { "bing-dispatcher", [DingTitle, CityTitle] },
        { "yi-operator", [YiTitle] },
        { "yi-supervisor", [YiTitle] },
        { "bing-leader", [DingTitle, CityTitle] },
    };

    private long IdOf(string title) => title switch
    {
        TcTitle => w.TcAppeal, YiTitle => w.YiAppeal, DingTitle => w.DingAppeal, _ => w.CityAppeal,
    };

    [Theory]
    [MemberData(nameof(Desks))]
    public async Task Lists_searches_and_details_show_only_the_jurisdiction(string user, string[] visible)
    {
        using var client = await w.App.ClientFor(user);
        var listed = Titles(await client.Expect("/api/appeals?pageSize=100"));
        var searched = Titles(await client.Expect("/api/appeals?q=专属&pageSize=100"));
        foreach (var title in AllTitles)
        {
            var shown = visible.Contains(title);
            listed.Contains(title).ShouldBe(shown, $"{user} 列表中的“{title}”");
            searched.Contains(title).ShouldBe(shown, $"{user} 搜索中的“{title}”");
            await client.Expect($"/api/appeals/{IdOf(title)}", shown ? HttpStatusCode.OK : HttpStatusCode.NotFound);
            await client.Expect($"/api/appeals/{IdOf(title)}/timeline", shown ? HttpStatusCode.OK : HttpStatusCode.NotFound);
        }
        var page = await client.GetStringAsync("/appeals?q=专属");
        foreach (var title in AllTitles) page.Contains(title).ShouldBe(visible.Contains(title), $"{user} 诉求列表页中的“{title}”");
    }

    [Theory]
    [InlineData("leader", 1)]
    [InlineData("yi-leader", 1)]
    [InlineData("ding-analyst", 1)]
    [InlineData("bing-leader", 2)]
    public async Task Statistics_count_only_the_jurisdiction(string user, int received)
    {
        using var client = await w.App.ClientFor(user);
        var overview = await client.Expect("/api/statistics/overview?from=2026-11-01&to=2026-11-30");
        overview["kpis"]!["received"]!.GetValue<int>().ShouldBe(received);
        var units = (await client.Expect("/api/statistics/units?from=2026-11-01&to=2026-11-30")).Text();
        if (user == "yi-leader") units.ShouldNotContain("县住房和城乡建设局");
        else units.ShouldNotContain("乙县");
        var xlsx = await client.GetAsync("/api/statistics/units.xlsx?from=2026-11-01&to=2026-11-30");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Units_users_and_routing_lists_stop_at_the_county_border()
    {
        using var yiAdmin = await w.App.ClientFor("yi-admin");
        var units = (await yiAdmin.Expect("/api/units")).AsArray().Select(u => u!["name"]!.GetValue<string>()).ToList();
        units.ShouldContain("乙县水务局");
        units.ShouldNotContain("县住房和城乡建设局");
        units.ShouldNotContain("丁县城管局");
        var users = (await yiAdmin.Expect("/api/users")).AsArray().Select(u => u!["username"]!.GetValue<string>()).ToList();
        users.ShouldContain("yi-dispatcher");
        users.ShouldNotContain("dispatcher");
        users.ShouldNotContain("bing-dispatcher");

        using var city = await w.App.ClientFor("bing-admin");
        var cityUsers = (await city.Expect("/api/users")).AsArray().Select(u => u!["username"]!.GetValue<string>()).ToList();
        cityUsers.ShouldContain("ding-dispatcher");
        cityUsers.ShouldNotContain("yi-dispatcher");

        // Writes into another county are refused naming the field, never applied.
        await yiAdmin.Post("/api/users", new { username = "yi-intruder", displayName = "越界", role = "Dispatcher", unitId = w.Tc.County.Id, password = TestApp.Password })
            .Expect(HttpStatusCode.BadRequest).ContinueWith(t => t.Result["errors"]!["unitId"].ShouldNotBeNull());
        await yiAdmin.Post("/api/units", new { code = "YI-X", name = "越界单位", kind = "Department", parentId = w.Tc.County.Id })
            .Expect(HttpStatusCode.BadRequest).ContinueWith(t => t.Result["errors"]!["parentId"].ShouldNotBeNull());
        await yiAdmin.Put($"/api/units/{w.Tc.Housing.Id}", new { name = "被改名" }).Expect(HttpStatusCode.NotFound);
        await yiAdmin.Post("/api/routing-rules", new { categoryId = w.Tc.Roads.Id, unitId = w.Tc.Housing.Id })
            .Expect(HttpStatusCode.BadRequest).ContinueWith(t => t.Result["errors"]!["unitId"].ShouldNotBeNull());
        // Settings every county shares are the top-level admin's; a county below a city reads them.
        using var dingAdmin = await w.App.ClientFor("ding-admin");
        await dingAdmin.Put("/api/calendar/days/2026-12-30", new { isWorkingDay = false, name = "越权" }).Expect(HttpStatusCode.Forbidden);
        await dingAdmin.Post("/api/categories", new { code = "DING-X", name = "越权分类" }).Expect(HttpStatusCode.Forbidden);
        await dingAdmin.Put("/api/time-limit-rules", new { maxExtensionDays = 20 }).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Dispatching_into_another_county_is_refused()
    {
        using var tc = await w.App.ClientFor("dispatcher");
        var id = await tc.NewAppeal(w.Tc, new { title = "越界派单测试" });
        var refused = await tc.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = w.YiDept.Id }).Expect(HttpStatusCode.BadRequest);
        refused["errors"]!["leadUnitId"]![0]!.GetValue<string>().ShouldContain("不在本辖区");
        await tc.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = w.Tc.Housing.Id, coUnitIds = new[] { w.DingDept.Id } })
            .Expect(HttpStatusCode.BadRequest);
        using var yi = await w.App.ClientFor("yi-dispatcher");
        await yi.Post("/api/appeals", new
        {
            channel = "Hotline12345", type = "Complaint", tier = "Timely", title = "越界登记", content = "区域在测试县。", regionUnitId = w.Tc.Village1.Id,
        }).Expect(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_city_desk_hands_an_appeal_down_and_only_then_the_county_sees_it()
    {
        using var city = await w.App.ClientFor("bing-dispatcher");
        var id = await city.NewAppeal(w.Tc, new { title = "市级交办：丁县河道漂浮物", regionUnitId = (long?)null, address = "丙市", content = "河道漂浮物很多。" });
        using var ding = await w.App.ClientFor("ding-dispatcher");
        await ding.Expect($"/api/appeals/{id}", HttpStatusCode.NotFound);
        // The city's appeal page offers 交办下级 with its own counties only, and dispatch to the city's units only.
        var page = await city.GetStringAsync($"/appeals/{id}");
        page.ShouldContain("交办下级");
        page.ShouldContain($"<option value=\"{w.Ding.Id}\">丁县</option>");
        page.ShouldNotContain("乙县");
        page.ShouldNotContain("县住房和城乡建设局");
        (await (await w.App.ClientFor("dispatcher")).GetStringAsync($"/appeals/{w.TcAppeal}")).ShouldNotContain("交办下级");

        // A county's desk has no county below it; the city may only hand down to its own counties.
        await ding.Post($"/api/appeals/{id}/hand-down", new { countyId = w.Ding.Id }).Expect(HttpStatusCode.NotFound);
        await city.Post($"/api/appeals/{id}/hand-down", new { countyId = w.Yi.Id }).Expect(HttpStatusCode.BadRequest);
        await city.Post($"/api/appeals/{id}/hand-down", new { countyId = w.Ding.Id, comment = "属地办理" }).Expect(HttpStatusCode.OK);

        var detail = await ding.Expect($"/api/appeals/{id}");
        detail["summary"]!["status"]!.GetValue<string>().ShouldBe("PendingDispatch");
        var timeline = (await ding.Expect($"/api/appeals/{id}/timeline")).Text();
        timeline.ShouldContain("交办至丁县：属地办理");
        await ding.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = w.DingDept.Id }).Expect(HttpStatusCode.OK);
        await city.Expect($"/api/appeals/{id}"); // the city still follows it
    }

    [Fact]
    public async Task Suggestions_notices_orders_and_knowledge_stay_in_their_county()
    {
        // A near-duplicate of 乙县's appeal typed at the test county's desk is not matched against 乙县.
        using var tc = await w.App.ClientFor("dispatcher");
        var suggestion = await tc.Post("/api/triage/suggest", new { title = YiTitle, content = "乙城镇自来水停水三天，居民生活用水困难，请尽快恢复供水。" })
            .Expect(HttpStatusCode.OK);
        suggestion.Text().ShouldNotContain(YiTitle);

        using var yiSupervisor = await w.App.ClientFor("yi-supervisor");
        await yiSupervisor.Post($"/api/appeals/{w.YiAppeal}/supervision-orders",
            new { kind = "SupervisionOrder", instruction = "乙县督办：请三日内恢复供水。", dueAt = "2026-11-20T17:00:00+08:00" }).Expect(HttpStatusCode.Created);
        using var tcSupervisor = await w.App.ClientFor("supervisor");
        (await tcSupervisor.Expect("/api/supervision-orders")).Text().ShouldNotContain("乙县督办");
        (await yiSupervisor.Expect("/api/supervision-orders")).Text().ShouldContain("乙县督办");
        using var tcLeader = await w.App.ClientFor("leader");
        (await tcLeader.Expect("/api/notifications")).Text().ShouldNotContain("乙县督办");
        (await tcLeader.Expect("/api/leads")).Text().ShouldNotContain(YiTitle);
        (await tcSupervisor.GetStringAsync("/supervise/orders")).ShouldNotContain("乙县督办");

        using var yiAdmin = await w.App.ClientFor("yi-admin");
        await yiAdmin.Post("/api/knowledge", new { title = "乙县停水查询", content = "乙县停水请拨打乙县水务局电话。", keywords = "停水 乙县" })
            .Expect(HttpStatusCode.Created);
        using var yiOperator = await w.App.ClientFor("yi-operator");
        (await yiOperator.Expect("/api/knowledge?q=停水")).Text().ShouldContain("乙县停水查询");
        using var tcOperator = await w.App.ClientFor("operator");
        (await tcOperator.Expect("/api/knowledge?q=停水")).Text().ShouldNotContain("乙县停水查询");
        (await tcOperator.Expect("/api/knowledge")).Text().ShouldNotContain("乙县停水查询");
    }

    [Fact]
    public async Task The_audit_trail_and_the_access_log_show_a_county_its_own()
    {
        using var tcDesk = await w.App.ClientFor("dispatcher");
        await tcDesk.Post($"/api/appeals/{w.TcAppeal}/unmask", new { reason = "甲地回访核实身份" }).Expect(HttpStatusCode.OK);
        using var yiDesk = await w.App.ClientFor("yi-dispatcher");
        await yiDesk.Post($"/api/appeals/{w.YiAppeal}/unmask", new { reason = "乙地回访核实身份" }).Expect(HttpStatusCode.OK);

        using var yi = await w.App.ClientFor("yi-supervisor");
        var access = (await yi.Expect("/api/access-log")).Text();
        access.ShouldContain("乙地回访核实身份");
        access.ShouldNotContain("甲地回访核实身份");
        var trail = (await yi.Expect("/api/audit")).AsArray().Select(e => e!["actor"]!.GetValue<string>()).ToList();
        trail.ShouldNotBeEmpty();
        trail.ShouldNotContain("dispatcher");
        using var tc = await w.App.ClientFor("supervisor");
        (await tc.Expect("/api/access-log")).Text().ShouldNotContain("乙地回访核实身份");
    }

    private static List<string> Titles(JsonNode page) =>
        page["items"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()).ToList();
}

internal static class JsonText
{
    private static readonly System.Text.Json.JsonSerializerOptions Plain =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON with Chinese left as it is, so a search for a title means something.</summary>
    public static string Text(this JsonNode node) => node.ToJsonString(Plain);
}
