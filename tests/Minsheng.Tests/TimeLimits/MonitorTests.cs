using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.TimeLimits;

public sealed class MonitorTests
{
    private static async Task<List<string>> Keys(TestApp app)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        return await db.Notifications.OrderBy(n => n.Id).Select(n => n.Kind + "/" + n.Stage).ToListAsync();
    }

    [Fact]
    public async Task An_appeal_left_alone_collects_reminder_notice_supervision_order_and_lead_once_each()
    {
        await using var app = await TestApp.StartAsync();
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(app.County);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK);
        (await app.RunMonitor()).NotificationsCreated.ShouldBe(0); // Monday morning: 12 working hours left to sign

        app.Clock.Advance(TimeSpan.FromHours(26)); // Tuesday 11:30: 3.5 working hours left on sign-for and first contact
        await app.RunMonitor();
        (await Keys(app)).ShouldBe(["DeadlineReminder/SignFor", "DeadlineReminder/FirstContact"], ignoreOrder: true);
        await app.RunMonitor();
        (await Keys(app)).Count.ShouldBe(2, "a second pass at the same moment adds nothing");

        app.Clock.Advance(TimeSpan.FromHours(21)); // Wednesday 08:30: sign-for missed yesterday → 催办单
        await app.RunMonitor();
        (await Keys(app)).ShouldContain("ReminderNotice/SignFor");

        app.Clock.Advance(TimeSpan.FromDays(5)); // next Monday: 3 working days past Tuesday's deadline ended Friday
        await app.RunMonitor();
        await app.RunMonitor();
        var keys = await Keys(app);
        keys.Count(k => k == "SupervisionOrder/SignFor").ShouldBe(1);
        keys.Count(k => k == "ReminderNotice/SignFor").ShouldBe(1);
        keys.Count(k => k == "DeadlineReminder/SignFor").ShouldBe(1);

        var supervisor = await app.ClientFor("supervisor");
        var leads = await supervisor.Expect("/api/leads");
        var overdue = leads.AsArray().Where(l => l!["rule"]!.GetValue<string>() == "Overdue").ToList();
        overdue.Count.ShouldBe(1); // one per appeal per round, naming both late stages
        overdue[0]!["summary"]!.GetValue<string>().ShouldContain("、");
        overdue[0]!["evidenceAppealIds"]!.AsArray().Single()!.GetValue<long>().ShouldBe(id);
        overdue[0]!["evidenceTimelineIds"]!.AsArray().Count.ShouldBe(1);

        // The unit sees its reminders and 催办单; supervisors see the 督办单.
        var inbox = await (await app.ClientFor("housing-handler")).Expect("/api/notifications");
        inbox.AsArray().Select(n => n!["kindLabel"]!.GetValue<string>()).ShouldContain("催办单");
        inbox.AsArray().Select(n => n!["kindLabel"]!.GetValue<string>()).ShouldNotContain("督办单");
        (await (await app.ClientFor("city-handler")).Expect("/api/notifications")).AsArray().ShouldBeEmpty();
        (await supervisor.Expect("/api/notifications")).AsArray().Select(n => n!["kindLabel"]!.GetValue<string>()).ShouldContain("督办单");
    }

    [Fact]
    public async Task Claiming_stops_the_sign_for_clock()
    {
        await using var app = await TestApp.StartAsync();
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(app.County);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK);
        await (await app.ClientFor("housing-handler")).Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromHours(47)); // Wednesday 08:30
        await app.RunMonitor();
        (await Keys(app)).ShouldNotContain("ReminderNotice/SignFor");
        (await Keys(app)).ShouldContain("ReminderNotice/FirstContact");
    }

    [Fact]
    public async Task Every_notification_is_marked_sent_once_delivered()
    {
        await using var app = await TestApp.StartAsync();
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(app.County);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.RunMonitor();
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        (await db.Notifications.CountAsync()).ShouldBeGreaterThan(0);
        (await db.Notifications.CountAsync(n => n.SentAt == null)).ShouldBe(0);
    }
}
