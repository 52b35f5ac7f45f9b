using System.Net;
using System.Text.Json.Nodes;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Triage;

/// <summary>Suggestions from models trained on the county's own dispatched appeals.</summary>
public sealed class TriageTests(TrainedCounty county) : IClassFixture<TrainedCounty>
{
    private TestApp App => county.App;

    private static string[] Reasons(JsonNode? node) => node!.AsArray().Select(r => r!.GetValue<string>()).ToArray();

    [Fact]
    public async Task The_right_category_and_type_rank_first()
    {
        var desk = await App.ClientFor("operator");
        var roads = await desk.Post("/api/triage/suggest", new { title = "路面坑洼井盖破损", content = "主干道路面坑洼，井盖也破损了，车辆经过颠簸，请修补路面。" })
            .Expect(HttpStatusCode.OK);
        roads["category"]!["top"]![0]!["categoryId"]!.GetValue<long>().ShouldBe(App.County.Roads.Id, roads.ToJsonString());
        roads["category"]!["top"]![0]!["name"]!.GetValue<string>().ShouldBe("道路设施");
        roads["category"]!["modelVersion"]!.GetValue<int>().ShouldBe(1);
        roads["type"]!["top"]![0]!["type"]!.GetValue<string>().ShouldBe("Complaint");

        var noise = await desk.Post("/api/triage/suggest", new { title = "晚上噪音扰民", content = "小区旁边夜里施工和喇叭噪音很大，吵得睡不着，请处理噪音扰民。" })
            .Expect(HttpStatusCode.OK);
        noise["category"]!["top"]![0]!["categoryId"]!.GetValue<long>().ShouldBe(App.County.Noise.Id, noise.ToJsonString());
        noise["type"]!["top"]![0]!["name"]!.GetValue<string>().ShouldBe("求助");

        var analyst = await App.ClientFor("analyst");
        var models = await analyst.Expect("/api/triage/models");
        models.AsArray().Select(m => m!["kind"]!.GetValue<string>()).Order().ShouldBe(["category", "type"]);
        models.AsArray().ShouldAllBe(m => m!["inUse"]!.GetValue<bool>() && m["trainCount"]!.GetValue<int>() == 30);
    }

    [Fact]
    public async Task Routes_to_the_township_of_a_mentioned_village()
    {
        var desk = await App.ClientFor("dispatcher");
        var s = await desk.Post("/api/triage/suggest", new { title = "村里噪音", content = "王庄村村委会旁边的厂房夜里机器噪音很大。", categoryId = App.County.Noise.Id })
            .Expect(HttpStatusCode.OK);
        s["route"]!["unitId"]!.GetValue<long>().ShouldBe(App.County.Town1.Id, s.ToJsonString());
        s["route"]!["unitName"]!.GetValue<string>().ShouldBe("城关镇");
        Reasons(s["route"]!["reasons"]).ShouldContain("文中提到“王庄村”（城关镇）");
    }

    [Fact]
    public async Task Routes_by_rule_and_by_gazetteer_alias()
    {
        var c = App.County;
        var admin = await App.ClientFor("admin");
        var rule = await admin.Post("/api/routing-rules", new { categoryId = c.Roads.Id, regionUnitId = c.Town1.Id, unitId = c.Housing.Id, note = "城区道路" })
            .Expect(HttpStatusCode.Created);
        await admin.Post("/api/gazetteer", new { alias = "老粮站", unitId = c.Town2.Id }).Expect(HttpStatusCode.Created);
        var desk = await App.ClientFor("operator");

        var byRule = await desk.Post("/api/triage/suggest", new { title = "城关镇道路破损", content = "城关镇新华路路面坑洼破损，请修补。", categoryId = c.Roads.Id })
            .Expect(HttpStatusCode.OK);
        byRule["route"]!["unitId"]!.GetValue<long>().ShouldBe(c.Housing.Id, byRule.ToJsonString());
        Reasons(byRule["route"]!["reasons"]).ShouldContain("规则：分类“道路设施”+区域“城关镇” → 县住房和城乡建设局（城区道路）");

        var byAlias = await desk.Post("/api/triage/suggest", new { title = "噪音", content = "老粮站旁边的歌厅天天唱到半夜。", categoryId = c.Noise.Id })
            .Expect(HttpStatusCode.OK);
        byAlias["route"]!["unitId"]!.GetValue<long>().ShouldBe(c.Town2.Id, byAlias.ToJsonString());
        Reasons(byAlias["route"]!["reasons"]).ShouldContain("文中提到“老粮站”（双河镇，地名库）");

        (await admin.Expect("/api/routing-rules")).AsArray().Count.ShouldBe(1);
        await admin.Post("/api/routing-rules", new { unitId = c.Housing.Id }).Expect(HttpStatusCode.BadRequest);
        var id = rule["id"]!.GetValue<long>();
        (await admin.DeleteAsync($"/api/routing-rules/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.DeleteAsync($"/api/routing-rules/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Finds_a_near_duplicate_with_place_agreement()
    {
        var desk = await App.ClientFor("operator");
        var id = await desk.NewAppeal(App.County, new
        {
            title = "王庄村路面坑洼积水严重",
            content = "王庄村主干道路面坑洼不平，下雨天积水很深，电动车经过经常打滑摔倒，请尽快修补路面。",
            citizenPhone = "13600001111", address = (string?)null,
        });
        var dispatcher = await App.ClientFor("dispatcher");
        var s = await dispatcher.Expect($"/api/appeals/{id}/suggestions");
        var dup = s["duplicates"]!.AsArray().First(d => d!["id"]!.GetValue<long>() == county.RoadIds[0]);
        dup!["similarity"]!.GetValue<double>().ShouldBeGreaterThan(0.5);
        Reasons(dup["reasons"]).ShouldContain(r => r.StartsWith("文字相似度"));
        Reasons(dup["reasons"]).ShouldContain("地点一致：“王庄村”");
        s["duplicates"]!.AsArray().ShouldNotContain(d => d!["id"]!.GetValue<long>() == id);
    }

    [Fact]
    public async Task A_repeat_caller_is_shown_with_the_phone_masked()
    {
        var phone = TrainedCounty.RoadPhone(3);
        var desk = await App.ClientFor("operator");
        var response = await desk.Post("/api/triage/suggest", new { title = "又来反映", content = "上次反映的事情还没有解决。", citizenPhone = phone });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        text.ShouldNotContain(phone);
        var repeat = JsonNode.Parse(text)!["repeats"]!.AsArray().Single();
        repeat!["id"]!.GetValue<long>().ShouldBe(county.RoadIds[3]);
        repeat["reason"]!.GetValue<string>().ShouldBe("同一联系电话 139****0003");
    }
}
