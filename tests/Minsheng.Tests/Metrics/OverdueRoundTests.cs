using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Notifications;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Metrics;

/// <summary>One 督办单 and one overdue lead per appeal per round; the desk's waiting time raises nothing against the unit.</summary>
public sealed class OverdueRoundTests
{
    private static async Task<(int Leads, int Orders, List<string> LeadKeys)> CountAsync(TestApp app, long id)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var keys = await db.Leads.Where(l => l.AppealId == id && l.Rule == LeadRule.Overdue).Select(l => l.Key).ToListAsync();
        var orders = await db.Notifications.CountAsync(n => n.AppealId == id && n.Kind == NotificationKind.SupervisionOrder);
        return (keys.Count, orders, keys);
    }

    [Fact]
    public async Task Every_stage_late_is_one_order_and_one_lead_until_a_redo_starts_a_new_round()
    {
        await using var app = await TestApp.StartAsync();
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(app.County);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromDays(7)); // sign-for and first contact past the supervision threshold
        await app.RunMonitor();
        var first = await CountAsync(app, id);
        (first.Leads, first.Orders).ShouldBe((1, 1));
        first.LeadKeys.ShouldBe([$"overdue:{id}:round:{await RoundAsync(app, id)}"]);
        app.Clock.Advance(TimeSpan.FromDays(30)); // reply and resolve late as well
        await app.RunMonitor();
        (await CountAsync(app, id)).Leads.ShouldBe(1);
        (await CountAsync(app, id)).Orders.ShouldBe(1);

        // The unit finally answers; the citizen is unsatisfied and the appeal waits a month in 复核中: the desk's time.
        var (housing, head) = (await app.ClientFor("housing-handler"), await app.ClientFor("housing-head"));
        d = await app.ClientFor("dispatcher");
        await housing.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.OK);
        await housing.Post($"/api/appeals/{id}/reply", new { content = "已处理。" }).Expect(HttpStatusCode.OK); // no contact recorded
        await head.Post($"/api/appeals/{id}/approve-reply").Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{id}/callback", new { outcome = "Unsatisfied", resolved = false, unitAtFault = true }).Expect(HttpStatusCode.OK);
        var before = await NoticeCountAsync(app, id);
        app.Clock.Advance(TimeSpan.FromDays(30));
        await app.RunMonitor();
        (await NoticeCountAsync(app, id)).ShouldBe(before, "复核中 waits on the dispatcher: nothing is escalated to the unit");

        // A redo is a new round with new clocks: one more order and lead once it is late again.
        d = await app.ClientFor("dispatcher");
        await d.Post($"/api/appeals/{id}/redo", new { reason = "仍未解决。" }).Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(40));
        await app.RunMonitor();
        var (leads, orders, keys) = await CountAsync(app, id);
        (leads, orders).ShouldBe((2, 2));
        keys.ShouldContain($"overdue:{id}:round:{await RoundAsync(app, id)}");
    }

    [Fact]
    public async Task A_per_stage_lead_of_older_data_counts_as_the_rounds_lead()
    {
        await using var app = await TestApp.StartAsync();
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(app.County);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromDays(7));
        using (var scope = app.App.Services.CreateScope())
        {
            // What an older monitor wrote: one lead and one order keyed by stage and deadline.
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            db.Leads.Add(new AccountabilityLead($"overdue:{id}:signfor:1", LeadRule.Overdue, id, app.County.Housing.Id, "旧线索", [id], [], app.Clock.GetUtcNow()));
            db.Notifications.Add(new Notification($"supervision:{id}:signfor:1", NotificationKind.SupervisionOrder, Audience.Supervisors,
                app.County.Housing.Id, id, null, "督办单", "旧督办单", null, app.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
        }
        await app.RunMonitor();
        app.Clock.Advance(TimeSpan.FromDays(30));
        await app.RunMonitor();
        var (leads, orders, keys) = await CountAsync(app, id);
        (leads, orders).ShouldBe((1, 1));
        keys.ShouldBe([$"overdue:{id}:signfor:1"]);
    }

    private static async Task<long> RoundAsync(TestApp app, long id)
    {
        using var scope = app.App.Services.CreateScope();
        var appeal = await scope.ServiceProvider.GetRequiredService<MinshengDb>().Appeals.AsNoTracking().SingleAsync(a => a.Id == id);
        return appeal.DispatchedAt!.Value.ToUnixTimeSeconds();
    }

    private static async Task<int> NoticeCountAsync(TestApp app, long id)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MinshengDb>().Notifications.CountAsync(n => n.AppealId == id);
    }
}
