using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.TimeLimits;

public sealed class DeadlineTests
{
    // TestApp.Start is Monday 2026-11-16 09:30 in China.
    private static string Due(System.Text.Json.Nodes.JsonNode detail, string stage) =>
        detail["clocks"]!.AsArray().Single(c => c!["stage"]!.GetValue<string>() == stage)!["due"]!.GetValue<DateTimeOffset>()
            .ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm");

    [Fact]
    public async Task Dispatch_sets_the_137_deadlines_on_the_working_day_calendar()
    {
        await using var app = await TestApp.StartAsync();
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(app.County);
        var detail = await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK);
        Due(detail, "SignFor").ShouldBe("2026-11-17 23:59");
        Due(detail, "Reply").ShouldBe("2026-11-19 23:59");
        Due(detail, "Resolve").ShouldBe("2026-11-25 23:59"); // 17–20, 23–25: seven working days
        var clock = detail["clocks"]![0]!;
        clock["overdue"]!.GetValue<bool>().ShouldBeFalse();
        clock["remainingWorkingHours"]!.GetValue<double>().ShouldBe(12); // rest of Monday (2.5 + 3) and all of Tuesday (6.5)
    }

    [Fact]
    public async Task Urgent_appeals_count_working_hours_and_cannot_be_extended()
    {
        await using var app = await TestApp.StartAsync();
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(app.County, new { tier = "Urgent" });
        var detail = await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK);
        Due(detail, "SignFor").ShouldBe("2026-11-16 10:30");
        Due(detail, "Resolve").ShouldBe("2026-11-18 10:30"); // 14 working hours: 5.5 on Monday, 6.5 on Tuesday, 2 on Wednesday
        var handler = await app.ClientFor("housing-handler");
        await handler.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.OK);
        var refused = await handler.Post($"/api/appeals/{id}/extension", new { days = 2, reason = "需要时间" }).Expect(HttpStatusCode.Conflict);
        refused["detail"]!.GetValue<string>().ShouldContain("特别办");
    }

    [Fact]
    public async Task Extension_moves_the_resolve_deadline_once_and_returns_keep_the_clock()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(c);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        await (await app.ClientFor("housing-handler")).Post($"/api/appeals/{id}/return", new { reason = "不属本单位" }).Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{id}/accept-return").Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(1));
        var redispatched = await (await app.ClientFor("dispatcher")).Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.CityMgmt.Id }).Expect(HttpStatusCode.OK);
        Due(redispatched, "Resolve").ShouldBe("2026-11-25 23:59"); // the clock carried over the return

        var city = await app.ClientFor("city-handler");
        await city.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.OK);
        await city.Post($"/api/appeals/{id}/extension", new { days = 11, reason = "需协调" }).Expect(HttpStatusCode.BadRequest);
        await city.Post($"/api/appeals/{id}/extension", new { days = 3, reason = "需协调施工单位" }).Expect(HttpStatusCode.OK);
        var extended = await (await app.ClientFor("dispatcher")).Post($"/api/appeals/{id}/approve-extension").Expect(HttpStatusCode.OK);
        Due(extended, "Resolve").ShouldBe("2026-11-30 23:59"); // 26, 27, 30
        Due(extended, "Reply").ShouldBe("2026-11-19 23:59");
    }

    [Fact]
    public async Task A_policy_change_applies_to_appeals_dispatched_after_it()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var d = await app.ClientFor("dispatcher");
        var before = await d.NewAppeal(c);
        await d.Post($"/api/appeals/{before}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var admin = await app.ClientFor("admin");
        await admin.Post("/api/policies", new { tier = "Timely", stage = "Resolve", amount = 5, unit = "WorkingDays", note = "改为 5 个工作日办结" })
            .Expect(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var after = await d.NewAppeal(c);
        var afterDetail = await d.Post($"/api/appeals/{after}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        Due(afterDetail, "Resolve").ShouldBe("2026-11-23 23:59");
        Due(await d.Expect($"/api/appeals/{before}"), "Resolve").ShouldBe("2026-11-25 23:59");
        (await admin.Post("/api/policies", new { tier = "Timely", stage = "Resolve", amount = 0, unit = "WorkingDays" }).Expect(HttpStatusCode.BadRequest))
            ["errors"]!["amount"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Admin_closure_day_moves_deadlines_and_the_calendar_warns_about_provisional_years()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.ClientFor("admin");
        await admin.Put("/api/calendar/days/2026-11-17", new { isWorkingDay = false, name = "防汛停工" }).Expect(HttpStatusCode.OK);
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(app.County);
        Due(await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK), "SignFor").ShouldBe("2026-11-18 23:59");
        var status = await admin.Expect("/api/calendar/status");
        status["provisionalYears"]!.AsArray().Select(y => y!.GetValue<int>()).ShouldBe([2027]);
        status["warning"]!.GetValue<string>().ShouldContain("2027");
        var days = await admin.Expect("/api/calendar?year=2026");
        days.AsArray().Single(x => x!["date"]!.GetValue<string>() == "2026-10-01")!["isWorkingDay"]!.GetValue<bool>().ShouldBeFalse();
        (await admin.Put("/api/calendar/days/2026-13-01", new { isWorkingDay = false, name = "x" }).Expect(HttpStatusCode.BadRequest))["errors"]!["date"].ShouldNotBeNull();
        await admin.DeleteAsync("/api/calendar/days/2026-11-17");
        await (await app.ClientFor("dispatcher")).Put("/api/calendar/days/2026-11-20", new { isWorkingDay = false, name = "x" }).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Rule_settings_are_validated_and_take_effect()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.ClientFor("admin");
        var rules = await admin.Expect("/api/time-limit-rules");
        rules["supervisionAfterWorkingDays"]!.GetValue<int>().ShouldBe(3);
        var bad = await admin.Put("/api/time-limit-rules", new { maxExtensionDays = 0, returnWithinWorkingDays = 2, reminderLeadWorkingHours = 4,
            supervisionAfterWorkingDays = 3, bounceThreshold = 3, repeatThreshold = 3, repeatWindowDays = 30, extensionRequestLeadHours = 4 }).Expect(HttpStatusCode.BadRequest);
        bad["errors"]!["maxExtensionDays"].ShouldNotBeNull();
        await admin.Put("/api/time-limit-rules", new { maxExtensionDays = 10, returnWithinWorkingDays = 1, reminderLeadWorkingHours = 4,
            supervisionAfterWorkingDays = 1, bounceThreshold = 3, repeatThreshold = 3, repeatWindowDays = 30, extensionRequestLeadHours = 4 }).Expect(HttpStatusCode.OK);

        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(app.County);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(2)); // Wednesday: past the one-working-day return window
        var late = await (await app.ClientFor("housing-handler")).Post($"/api/appeals/{id}/return", new { reason = "不属本单位" }).Expect(HttpStatusCode.Conflict);
        late["detail"]!.GetValue<string>().ShouldContain("退单时限");
    }

    [Fact]
    public async Task Office_hours_are_a_setting()
    {
        await using var app = await TestApp.StartAsync(new() { ["Calendar:WorkingHours"] = "09:00-12:00,13:00-17:00" });
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(app.County, new { tier = "Urgent" });
        var detail = await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK);
        Due(detail, "Resolve").ShouldBe("2026-11-18 09:30"); // 6.5 hours on Monday, 7 on Tuesday, 0.5 on Wednesday
    }
}
