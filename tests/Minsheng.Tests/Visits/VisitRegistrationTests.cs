using System.Net;
using Minsheng.Domain.Appeals;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Visits;

/// <summary>
/// POST /api/appeals for township and village cadres: door-to-door visits (入户走访) in their own area only;
/// every other channel and every other area stays the desk's.
/// </summary>
public sealed class VisitRegistrationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private object Visit(long? region, string channel = "DoorToDoorVisit") => new
    {
        channel, type = "Help", title = "独居老人屋顶漏雨", content = "走访发现王庄村独居老人家中屋顶漏雨，需要帮助维修。",
        regionUnitId = region, citizenName = "王大爷", citizenPhone = "13912345678",
    };

    [Fact]
    public async Task A_township_handler_registers_a_visit_in_a_village_of_his_township()
    {
        var town = await shared.App.ClientFor("town1-handler");
        var created = await town.Post("/api/appeals", Visit(shared.App.County.Village1.Id)).Expect<AppealAnswer>(HttpStatusCode.Created);
        created.Summary.Channel.ShouldBe(Channel.DoorToDoorVisit);
        created.Status.ShouldBe(AppealStatus.Registered);
        created.Summary.RegionName.ShouldBe("王庄村");
        // The township itself is his area too.
        await town.Post("/api/appeals", Visit(shared.App.County.Town1.Id)).Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Another_township_is_refused_with_403()
    {
        var town = await shared.App.ClientFor("town1-handler");
        var refused = await town.Post("/api/appeals", Visit(shared.App.County.Town2.Id)).Expect<ProblemAnswer>(HttpStatusCode.Forbidden);
        refused.Title.ShouldBe("无权执行此操作");
        refused.Detail.ShouldNotBeNull().ShouldContain("辖区");
        // A department's staff cover no village at all.
        var housing = await shared.App.ClientFor("housing-head");
        await housing.Post("/api/appeals", Visit(shared.App.County.Village1.Id)).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Another_channel_is_refused_with_403_even_in_his_township()
    {
        var town = await shared.App.ClientFor("town1-handler");
        var refused = await town.Post("/api/appeals", Visit(shared.App.County.Village1.Id, "Hotline12345")).Expect<ProblemAnswer>(HttpStatusCode.Forbidden);
        refused.Detail.ShouldNotBeNull().ShouldContain("入户走访");
        await town.Post("/api/appeals", new { }).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_visit_without_a_region_or_with_bad_fields_names_the_fields()
    {
        var town = await shared.App.ClientFor("town1-handler");
        var missing = await town.Post("/api/appeals", Visit(null)).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        missing.ErrorsOf("regionUnitId").ShouldNotBeEmpty();
        var bad = await town.Post("/api/appeals", new
        {
            channel = "DoorToDoorVisit", type = "Help", title = "", content = "有问题", regionUnitId = shared.App.County.Village1.Id, citizenPhone = "12345",
        }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        bad.Fields.ShouldBe(["title", "citizenPhone"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_desk_still_registers_visits_anywhere()
    {
        var op = await shared.App.ClientFor("operator");
        await op.Post("/api/appeals", Visit(shared.App.County.Town2.Id)).Expect(HttpStatusCode.Created);
    }
}
