using System.Net;
using Minsheng.Tests.Analysis.Bulletins;
using Minsheng.Tests.Jurisdictions;

namespace Minsheng.Tests.Instructions;

/// <summary>
/// Bulletins and tasks stay in their jurisdiction: a county's leader never reads the next county's 《民意参考》, a city
/// leader reads its counties' and instructs into them, and a county leader cannot assign a unit of another county.
/// </summary>
public sealed class InstructionJurisdictionTests(JurisdictionWorld world) : IClassFixture<JurisdictionWorld>
{
    private Task<HttpClient> As(string user) => world.App.ClientFor(user);

    [Fact]
    public async Task A_county_leader_cannot_read_another_countys_bulletin_but_the_city_leader_reads_its_counties()
    {
        using var analyst = await As("analyst");
        using var supervisor = await As("supervisor");
        var (tc, tcItem, _) = await BulletinKit.IssuedAsync(analyst, supervisor, world.TcAppeal);
        using var dingAnalyst = await As("ding-analyst");
        using var dingSupervisor = await As("ding-supervisor");
        var (ding, _, _) = await BulletinKit.IssuedAsync(dingAnalyst, dingSupervisor, world.DingAppeal);

        using var yiLeader = await As("yi-leader");
        (await yiLeader.Expect("/api/bulletins")).AsArray().ShouldBeEmpty();
        await yiLeader.Expect($"/api/bulletins/{tc}", HttpStatusCode.NotFound);
        using var dingLeader = await As("ding-leader");
        await dingLeader.Expect($"/api/bulletins/{tc}", HttpStatusCode.NotFound);
        (await dingLeader.Expect("/api/bulletins")).AsArray().Select(b => b!["id"]!.GetValue<long>()).ShouldBe([ding]);
        using var cityLeader = await As("bing-leader");
        (await cityLeader.Expect("/api/bulletins")).AsArray().Select(b => b!["id"]!.GetValue<long>()).ShouldBe([ding]);

        // Another county's analyst cannot put its appeals into an item, nor instruct on another county's item.
        var draft = (await dingAnalyst.Post("/api/bulletins", new { }).Expect(HttpStatusCode.Created))["id"]!.GetValue<long>();
        await dingAnalyst.Post($"/api/bulletins/{draft}/items", new { title = "越界", appealIds = new[] { world.TcAppeal } }).Expect(HttpStatusCode.BadRequest);
        (await dingLeader.Post("/api/instructions", new { targetKind = "BulletinItem", targetRef = tcItem.ToString(), text = "请办理。", leadUnitId = world.DingDept.Id, deadlineDays = 3 })
            .Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["targetRef"]);
    }

    [Fact]
    public async Task A_city_leader_instructs_into_a_county_and_only_that_countys_people_see_the_task()
    {
        using var cityLeader = await As("bing-leader");
        var task = await cityLeader.Post("/api/instructions", new
        {
            targetKind = "Appeal", targetRef = world.DingAppeal.ToString(), text = "请丁县城管局三日内清运完毕。", leadUnitId = world.DingDept.Id, deadlineDays = 3,
        }).Expect(HttpStatusCode.Created);
        var id = task["id"]!.GetValue<long>();

        using var dingHandler = await As("ding-handler");
        (await dingHandler.Expect("/api/instructions")).AsArray().Select(t => t!["id"]!.GetValue<long>()).ShouldContain(id);
        using var dingSupervisor = await As("ding-supervisor");
        (await dingSupervisor.Expect("/api/instructions")).AsArray().Select(t => t!["id"]!.GetValue<long>()).ShouldContain(id);
        using var yiSupervisor = await As("yi-supervisor");
        (await yiSupervisor.Expect("/api/instructions")).AsArray().Select(t => t!["id"]!.GetValue<long>()).ShouldNotContain(id);
        await yiSupervisor.Expect($"/api/instructions/{id}", HttpStatusCode.NotFound);
        using var yiHandler = await As("yi-handler");
        await yiHandler.Expect($"/api/instructions/{id}", HttpStatusCode.NotFound);

        using var yiLeader = await As("yi-leader");
        (await yiLeader.Post("/api/instructions", new { targetKind = "Appeal", targetRef = world.YiAppeal.ToString(), text = "请办理。", leadUnitId = world.DingDept.Id, deadlineDays = 3 })
            .Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).Errors!["leadUnitId"][0].ShouldBe("单位不在您的管辖范围内。");
        (await yiLeader.Post("/api/instructions", new { targetKind = "Appeal", targetRef = world.DingAppeal.ToString(), text = "请办理。", leadUnitId = world.YiDept.Id, deadlineDays = 3 })
            .Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["targetRef"]);
    }
}
