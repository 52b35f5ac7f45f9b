using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Notifications;
using Minsheng.Features.Statistics;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Monitor;

/// <summary>The one open-status list, translated by EF Core on the engine under test.</summary>
public sealed class OpenStatusQueryTests
{
    [Fact]
    public async Task Open_statuses_filter_in_sql_as_the_domain_says_and_the_high_level_digest_counts_only_open_appeals()
    {
        await using var app = await TestApp.StartAsync();
        var d = await app.ClientFor("dispatcher");
        var ids = new List<long>();
        for (var i = 0; i < 4; i++) ids.Add(await d.NewAppeal(app.County, new { tier = "HighLevel" }));
        await d.Post($"/api/appeals/{ids[0]}/invalidate", new { reason = "测试电话" }).Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{ids[1]}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK);

        using (var scope = app.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            var query = db.Appeals.Where(a => AppealStatuses.Open.Contains(a.Status));
            var open = await query.Select(a => a.Id).OrderBy(id => id).ToListAsync();
            var all = await db.Appeals.AsNoTracking().ToListAsync();
            open.ShouldBe(all.Where(a => AppealStatuses.IsOpen(a.Status)).Select(a => a.Id).Order());
            open.ShouldBe(ids.Skip(1));
            query.ToQueryString().ShouldContain("IN (", Case.Insensitive, "a list of statuses the status index can serve");
            AppealStatuses.Open.Concat(AppealStatuses.Terminal).Order().ShouldBe(Enum.GetValues<AppealStatus>());
            AppealStatuses.Terminal.ShouldBe([AppealStatus.Closed, AppealStatus.Merged, AppealStatus.Invalid]);
            // Nothing is overdue yet, and the overdue predicate (open statuses and a passed clock) runs on this engine.
            (await db.Appeals.CountAsync(Overdue.At(app.Clock.GetUtcNow().AddDays(30)))).ShouldBe(1);
        }

        await app.RunMonitor();
        using (var scope = app.App.Services.CreateScope())
        {
            var digest = await scope.ServiceProvider.GetRequiredService<MinshengDb>().Notifications
                .SingleAsync(n => n.Kind == NotificationKind.HighLevelDigest);
            digest.Body.ShouldStartWith("今日在办高位办诉求 3 件");
        }
    }
}
