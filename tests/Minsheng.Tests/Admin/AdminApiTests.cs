using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Admin;

public sealed class AdminApiTests
{
    [Fact]
    public async Task Admin_grows_the_unit_tree_and_staff_it()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.ClientFor("admin");
        var village = await admin.Post("/api/units", new { code = "TC-T2-V1", name = "李湾村", kind = "Village", parentId = app.County.Town2.Id }).Expect(HttpStatusCode.Created);
        village["path"]!.GetValue<string>().ShouldBe("/TC/TC-T2/TC-T2-V1/");
        var villageId = village["id"]!.GetValue<long>();
        await admin.Post("/api/users", new { username = "liwan", displayName = "李湾村书记", role = "UnitHandler", unitId = villageId, password = "Village-pass1" })
            .Expect(HttpStatusCode.Created);
        var login = await app.Anonymous().Post("/api/auth/token", new { username = "liwan", password = "Village-pass1" }).Expect(HttpStatusCode.OK);
        login["accessToken"].ShouldNotBeNull();
        var renamed = await admin.Put($"/api/units/{villageId}", new { name = "李湾社区", phone = "0550-1234567" }).Expect(HttpStatusCode.OK);
        renamed["name"]!.GetValue<string>().ShouldBe("李湾社区");
    }

    [Fact]
    public async Task Admin_input_is_validated()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.ClientFor("admin");
        var unit = await admin.Post("/api/units", new { code = "TC", name = "", kind = "Village", parentId = 424242 }).Expect(HttpStatusCode.BadRequest);
        unit["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["code", "name", "parentId"], ignoreOrder: true);
        var user = await admin.Post("/api/users", new { username = "a b", role = "King", unitId = 1, password = "x" }).Expect(HttpStatusCode.BadRequest);
        user["errors"]!["role"].ShouldNotBeNull();
        var user2 = await admin.Post("/api/users", new { username = "a b", role = "Operator", unitId = 424242, password = "x" }).Expect(HttpStatusCode.BadRequest);
        user2["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["username", "unitId", "password"], ignoreOrder: true);
        await admin.Put("/api/units/424242", new { name = "无" }).Expect(HttpStatusCode.NotFound);
        var category = await admin.Post("/api/categories", new { code = "C01", name = "重复" }).Expect(HttpStatusCode.BadRequest);
        category["errors"]!["code"].ShouldNotBeNull();
        (await admin.Post("/api/categories", new { code = "C02", name = "环境保护" }).Expect(HttpStatusCode.Created))["code"]!.GetValue<string>().ShouldBe("C02");
    }

    [Fact]
    public async Task A_township_operator_registers_an_appeal_about_another_township()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.ClientFor("admin");
        await admin.Post("/api/users", new { username = "town2-op", role = "Operator", unitId = app.County.Town2.Id, password = TestApp.Password })
            .Expect(HttpStatusCode.Created);
        var op = await app.ClientFor("town2-op");
        var created = await op.Post("/api/appeals", new
        {
            channel = "DoorToDoorVisit", type = "Help", title = "独居老人需要帮扶", content = "走访发现王庄村一位独居老人生活困难。",
            regionUnitId = app.County.Village1.Id,
        }).Expect(HttpStatusCode.Created);
        created["summary"]!["regionName"]!.GetValue<string>().ShouldBe("王庄村");
        // Registered, but outside this operator's jurisdiction afterwards.
        await op.Expect($"/api/appeals/{created["summary"]!["id"]}", HttpStatusCode.NotFound);
    }
}
