using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Notifications;
using Minsheng.Features.Monitor;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.TimeLimits;

public sealed class TwoMonitorTests
{
    /// <summary>Records every hand-off to a sender, across both app instances.</summary>
    private sealed class RecordingSender(ConcurrentBag<string> sent) : INotificationSender
    {
        public string Name => "recording";

        public Task SendAsync(Notification notification, CancellationToken ct)
        {
            sent.Add(notification.Key);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Two_monitors_on_one_database_create_and_send_every_notification_exactly_once()
    {
        var sent = new ConcurrentBag<string>();
        void Recording(IServiceCollection s) => s.AddSingleton<INotificationSender>(new RecordingSender(sent));
        await using var app = await TestApp.StartAsync(settings: new() { ["Monitor:BatchSize"] = "7" }, services: Recording);
        await using var second = await app.StartSecondInstanceAsync(Recording);
        var d = await app.ClientFor("dispatcher");
        for (var i = 0; i < 40; i++)
        {
            var id = await d.NewAppeal(app.County, new { tier = i % 4 == 0 ? "Urgent" : "Timely" });
            await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = i % 2 == 0 ? app.County.Housing.Id : app.County.CityMgmt.Id }).Expect(HttpStatusCode.OK);
        }
        foreach (var hours in new[] { 26, 21, 24, 96 })
        {
            app.Clock.Advance(TimeSpan.FromHours(hours));
            await Task.WhenAll(app.RunMonitor(), second.RunMonitor(), app.RunMonitor(), second.RunMonitor());
        }

        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var keys = await db.Notifications.Select(n => n.Key).ToListAsync();
        keys.Count.ShouldBeGreaterThan(150);
        keys.Distinct().Count().ShouldBe(keys.Count);
        sent.Count.ShouldBe(keys.Count, "each notification handed to the sender exactly once");
        sent.Distinct().Count().ShouldBe(sent.Count);
        (await db.Leads.CountAsync(l => l.Rule == Minsheng.Domain.Accountability.LeadRule.Overdue))
            .ShouldBe(await db.Notifications.CountAsync(n => n.Kind == NotificationKind.SupervisionOrder));
        // All 40 came from one phone about one category: one repeat-complaint lead by phone, one by address.
        (await db.Leads.CountAsync(l => l.Rule == Minsheng.Domain.Accountability.LeadRule.RepeatComplaint)).ShouldBe(2);
    }
}
