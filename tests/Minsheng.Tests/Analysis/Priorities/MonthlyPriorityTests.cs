using System.Net;
using Minsheng.Domain.Notifications;
using Minsheng.Features.Analysis.Priorities;
using Minsheng.Infrastructure;
using Minsheng.Tests.Jurisdictions;
using Microsoft.EntityFrameworkCore;

namespace Minsheng.Tests.Analysis.Priorities;

/// <summary>每月一题 over the API: who sets it, who sees it, who reports on it, and what the portal shows.</summary>
public sealed class MonthlyPriorityTests(JurisdictionWorld w) : IClassFixture<JurisdictionWorld>
{
    private object Body(string month, long leadUnitId, string title = "路灯不亮集中整治") => new
    {
        month, title, problem = "多个村反映路灯长期不亮。", keyPhrases = "路灯，照明", place = (string?)null, leadUnitId, measures = "逐一排查，一周内修复。",
    };

    [Fact]
    public async Task An_empty_request_names_every_missing_field()
    {
        using var analyst = await w.App.ClientFor("analyst");
        var problem = await analyst.Post("/api/analysis/monthly", new { }).Expect(HttpStatusCode.BadRequest);
        problem["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["leadUnitId", "title", "problem", "measures", "month", "keyPhrases"], ignoreOrder: true);
        var plan = await analyst.Post("/api/analysis/proactive", new { }).Expect(HttpStatusCode.BadRequest);
        plan["errors"]!.AsObject().Select(e => e.Key)
            .ShouldBe(["leadUnitId", "title", "measures", "keyPhrases", "seasonMonth", "remindDaysBefore"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_lead_unit_must_lie_in_the_jurisdiction_and_one_month_has_one_priority()
    {
        using var analyst = await w.App.ClientFor("analyst");
        var foreign = await analyst.Post("/api/analysis/monthly", Body("2027-01", w.YiDept.Id)).Expect(HttpStatusCode.BadRequest);
        foreign["errors"]!["leadUnitId"]![0]!.GetValue<string>().ShouldBe("牵头单位不在本辖区内。");
        await analyst.Post("/api/analysis/monthly", Body("2027-01", w.Tc.Housing.Id)).Expect(HttpStatusCode.Created);
        var twice = await analyst.Post("/api/analysis/monthly", Body("2027-01", w.Tc.CityMgmt.Id, "另一题")).Expect(HttpStatusCode.BadRequest);
        twice["errors"]!["month"]![0]!.GetValue<string>().ShouldContain("每月只定一题");
    }

    [Fact]
    public async Task The_lead_unit_is_told_reports_progress_and_others_see_nothing()
    {
        using var analyst = await w.App.ClientFor("analyst");
        var created = await analyst.Post("/api/analysis/monthly", Body("2027-02", w.Tc.Housing.Id)).Expect(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<long>();
        created["leadUnitName"]!.GetValue<string>().ShouldBe(w.Tc.Housing.Name);

        using var head = await w.App.ClientFor("housing-head");
        (await head.Expect("/api/notifications")).AsArray().Select(n => n!["title"]!.GetValue<string>()).ShouldContain("每月一题：路灯不亮集中整治");
        (await head.Expect("/api/analysis/monthly")).AsArray().Select(p => p!["id"]!.GetValue<long>()).ShouldContain(id);
        var milestone = (await analyst.Post($"/api/analysis/monthly/{id}/milestones", new { title = "完成排查", dueOn = "2027-02-10" })
            .Expect(HttpStatusCode.OK))["milestones"]![0]!["id"]!.GetValue<long>();
        var done = await head.Post($"/api/analysis/monthly/{id}/milestones/{milestone}/done", new { note = "排查 12 处" }).Expect(HttpStatusCode.OK);
        done["milestones"]![0]!["doneNote"]!.GetValue<string>().ShouldBe("排查 12 处");
        var reported = await head.Post($"/api/analysis/monthly/{id}/progress", new { text = "已修复 8 处。" }).Expect(HttpStatusCode.OK);
        reported["progress"]![0]!["unitName"]!.GetValue<string>().ShouldBe(w.Tc.Housing.Name);
        (await head.Post($"/api/analysis/monthly/{id}/progress", new { text = " " }).Expect(HttpStatusCode.BadRequest))["errors"]!["text"].ShouldNotBeNull();

        // Another unit of the county, the other counties and the city above another county see nothing of it.
        using var other = await w.App.ClientFor("city-handler");
        await other.Expect($"/api/analysis/monthly/{id}", HttpStatusCode.NotFound);
        await other.Post($"/api/analysis/monthly/{id}/progress", new { text = "越权报送" }).Expect(HttpStatusCode.NotFound);
        foreach (var user in new[] { "yi-analyst", "yi-leader", "bing-leader", "ding-handler" })
        {
            using var c = await w.App.ClientFor(user);
            (await c.Expect("/api/analysis/monthly")).AsArray().ShouldNotContain(p => p!["id"]!.GetValue<long>() == id, user);
            await c.Expect($"/api/analysis/monthly/{id}", HttpStatusCode.NotFound);
        }
        using var leader = await w.App.ClientFor("leader");
        (await leader.Expect($"/api/analysis/monthly/{id}"))["mayEdit"]!.GetValue<bool>().ShouldBeFalse();
        await leader.Post($"/api/analysis/monthly/{id}/progress", new { text = "领导不报送" }).Expect(HttpStatusCode.Forbidden);
        await head.Post("/api/analysis/monthly", Body("2027-03", w.Tc.Housing.Id)).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_city_sees_its_counties_priorities_and_a_completed_one_takes_no_more_work()
    {
        using var ding = await w.App.ClientFor("ding-analyst");
        var id = (await ding.Post("/api/analysis/monthly", Body("2027-01", w.DingDept.Id, "垃圾清运不及时")).Expect(HttpStatusCode.Created))["id"]!.GetValue<long>();
        using var city = await w.App.ClientFor("bing-leader");
        (await city.Expect($"/api/analysis/monthly/{id}"))["jurisdictionName"]!.GetValue<string>().ShouldBe("丁县");
        using var tc = await w.App.ClientFor("leader");
        await tc.Expect($"/api/analysis/monthly/{id}", HttpStatusCode.NotFound);

        await ding.Post($"/api/analysis/monthly/{id}/complete", new { result = "清运频次由每日一次增至两次。" }).Expect(HttpStatusCode.OK);
        var refused = await ding.Post($"/api/analysis/monthly/{id}/progress", new { text = "再报" }).Expect(HttpStatusCode.Conflict);
        refused["detail"]!.GetValue<string>().ShouldBe("每月一题已办结，不能再报送进展。");
    }

    [Fact]
    public async Task The_portal_lists_published_priorities_of_the_county_viewed_without_staff_names()
    {
        using var analyst = await w.App.ClientFor("analyst");
        var shown = (await analyst.Post("/api/analysis/monthly", Body("2027-04", w.Tc.Housing.Id, "公开的一题")).Expect(HttpStatusCode.Created))["id"]!.GetValue<long>();
        await analyst.Post("/api/analysis/monthly", Body("2027-05", w.Tc.Housing.Id, "未公开的一题")).Expect(HttpStatusCode.Created);
        await analyst.Post($"/api/analysis/monthly/{shown}/progress", new { text = "已修复 3 处。" }).Expect(HttpStatusCode.OK);
        await analyst.Post($"/api/analysis/monthly/{shown}/publish").Expect(HttpStatusCode.OK);
        await analyst.Post($"/api/analysis/monthly/{shown}/publish").Expect(HttpStatusCode.Conflict);

        var anonymous = w.App.Anonymous();
        var listed = await anonymous.Expect($"/api/public/monthly-topics?county={w.Tc.County.Code}");
        listed.AsArray().Select(p => p!["title"]!.GetValue<string>()).ShouldBe(["公开的一题"]);
        listed.ToJsonString().ShouldNotContain(w.App.County.County.Name + "analyst");
        listed.ToJsonString().ShouldNotContain("reportedBy");
        (await anonymous.Expect("/api/public/monthly-topics?county=YI")).AsArray().ShouldBeEmpty();
        await anonymous.Expect("/api/public/monthly-topics?county=NOPE", HttpStatusCode.NotFound);
        var page = await anonymous.GetStringAsync($"/monthly?county={w.Tc.County.Code}");
        page.ShouldContain("公开的一题");
        page.ShouldContain("已修复 3 处。");
        page.ShouldNotContain("未公开的一题");
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_log_under_the_username()
    {
        using var analyst = await w.App.ClientFor("analyst");
        var id = (await analyst.Post("/api/analysis/monthly", Body("2027-06", w.Tc.Housing.Id, "审计一题")).Expect(HttpStatusCode.Created))["id"]!.GetValue<long>();
        using var scope = w.App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Minsheng.Data.MinshengDb>();
        var entry = await db.AuditLog.SingleAsync(e => e.Action == "priority.create" && e.EntityId == id.ToString());
        entry.Actor.ShouldBe("analyst");
        (await db.Notifications.SingleAsync(n => n.Key == $"priority:{id}")).Kind.ShouldBe(NotificationKind.MonthlyPriority);
    }
}
