using System.Net;
using System.Text.Json.Nodes;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Admin;

/// <summary>Every admin change goes through the one audited commit: one typed entry under the admin's username, none for a miss.</summary>
public sealed class AdminAuditTests
{
    [Fact]
    public async Task Admin_changes_are_audited_under_the_admins_username_and_misses_write_nothing()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.ClientFor("admin");
        var supervisor = await app.ClientFor("supervisor");
        async Task<List<JsonNode>> Trail() => (await supervisor.Expect("/api/audit")).AsArray().Select(e => e!).ToList();
        var before = (await Trail()).Select(e => e["id"]!.GetValue<long>()).DefaultIfEmpty(0).Max();

        var unit = await admin.Post("/api/units", new { code = "TC-T2-V9", name = "审计村", kind = "Village", parentId = app.County.Town2.Id }).Expect(HttpStatusCode.Created);
        await admin.Put($"/api/units/{unit["id"]}", new { name = "审计社区" }).Expect(HttpStatusCode.OK);
        var rule = await admin.Post("/api/routing-rules", new { categoryId = app.County.Roads.Id, regionUnitId = app.County.Town2.Id, unitId = app.County.CityMgmt.Id })
            .Expect(HttpStatusCode.Created);
        var ruleId = rule["id"]!.GetValue<long>();
        await admin.DeleteAsync($"/api/routing-rules/{ruleId}").Expect(HttpStatusCode.NoContent);
        // Misses: nothing found, nothing changed, nothing audited.
        await admin.Put("/api/units/424242", new { name = "无" }).Expect(HttpStatusCode.NotFound);
        await admin.DeleteAsync($"/api/routing-rules/{ruleId}").Expect(HttpStatusCode.NotFound);
        await admin.DeleteAsync("/api/calendar/days/2031-05-06").Expect(HttpStatusCode.NotFound);

        // Background jobs (actor "system") may write meanwhile; every other new entry must be one of these.
        var added = (await Trail()).Where(e => e["id"]!.GetValue<long>() > before && e["actor"]!.GetValue<string>() != "system").OrderBy(e => e["id"]!.GetValue<long>()).ToList();
        added.Select(e => e["action"]!.GetValue<string>()).ShouldBe(["unit.create", "unit.update", "routing-rule.add", "routing-rule.remove"]);
        added.ShouldAllBe(e => e["actor"]!.GetValue<string>() == "admin");
        added[0]["entityId"]!.GetValue<string>().ShouldBe("TC-T2-V9");
        added[1]["detail"]!.GetValue<string>().ShouldBe("审计社区");
        // A new row's id is known only after the save; the entry still names it.
        added[2]["entityId"]!.GetValue<string>().ShouldBe(ruleId.ToString());
        added[3]["entityId"]!.GetValue<string>().ShouldBe(ruleId.ToString());
    }
}
