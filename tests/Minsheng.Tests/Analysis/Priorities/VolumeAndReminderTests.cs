using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Features.Analysis.Priorities;
using Minsheng.Infrastructure;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Analysis.Priorities;

/// <summary>
/// The numbers behind 每月一题 and the 未诉先办 reminder, on appeals registered at chosen dates by moving the test clock.
/// Each test has its own app: the clock moves.
/// </summary>
public sealed class VolumeAndReminderTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    [Fact]
    public async Task Before_and_after_count_matching_appeals_of_full_months_only()
    {
        await using var app = await TestApp.StartAsync();
        using var desk = await app.ClientFor("dispatcher");
        async Task At(DateTimeOffset when, string title)
        {
            app.Clock.Advance(when - app.Clock.GetUtcNow());
            await desk.NewAppeal(app.County, new { title, content = $"{title}，请尽快处理。" });
        }
        // Records begin on 28 August: August is a partial month and is left out rather than counted low.
        await At(new DateTimeOffset(2026, 8, 28, 2, 0, 0, TimeSpan.Zero), "村口路灯不亮");
        await At(new DateTimeOffset(2026, 9, 3, 2, 0, 0, TimeSpan.Zero), "新村路灯坏了");
        await At(new DateTimeOffset(2026, 9, 20, 2, 0, 0, TimeSpan.Zero), "学校门口路灯不亮");
        await At(new DateTimeOffset(2026, 9, 21, 2, 0, 0, TimeSpan.Zero), "自来水停水");
        await At(new DateTimeOffset(2026, 10, 5, 2, 0, 0, TimeSpan.Zero), "路灯闪烁");
        await At(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero), "桥头路灯不亮");
        // Back to the app's own time before signing in: the accounts were created on 16 November.
        app.Clock.Advance(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());

        using var analyst = await app.ClientFor("analyst");
        var id = (await analyst.Post("/api/analysis/monthly", new
        {
            month = "2026-10", title = "路灯不亮", problem = "路灯不亮", keyPhrases = "路灯", leadUnitId = app.County.Housing.Id, measures = "排查维修",
        }).Expect(HttpStatusCode.Created))["id"]!.GetValue<long>();

        var now = await analyst.Expect($"/api/analysis/monthly/{id}");
        Months(now).ShouldBe([("2026-09", 2), ("2026-10", 1), ("2026-11", 1)]);
        now["volume"]!["beforeAverage"]!.GetValue<double>().ShouldBe(2);
        now["volume"]!["verdict"]!.GetValue<string>().ShouldBe("开展前月均 2 件；开展后尚无完整月份，下月起可比较。");

        app.Clock.Advance(new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero) - app.Clock.GetUtcNow());
        using var december = await app.ClientFor("analyst"); // tokens expire on the app's clock
        var later = await december.Expect($"/api/analysis/monthly/{id}");
        later["volume"]!["afterAverage"]!.GetValue<double>().ShouldBe(1);
        later["volume"]!["changePercent"]!.GetValue<double>().ShouldBe(-50);
        later["volume"]!["verdict"]!.GetValue<string>().ShouldBe("开展后月均 1 件，较开展前（月均 2 件）下降 50%。");
    }

    [Fact]
    public async Task The_lead_unit_is_reminded_once_before_the_season()
    {
        await using var app = await TestApp.StartAsync();
        using var analyst = await app.ClientFor("analyst");
        // The clock starts on 16 November 2026; a season starting 20 December with 30 days' notice is due from 20 November.
        var plan = await analyst.Post("/api/analysis/proactive", new
        {
            title = "冬季道路结冰预防", measures = "提前备足融雪剂", keyPhrases = "结冰，路滑", leadUnitId = app.County.Housing.Id,
            seasonMonth = 12, seasonDay = 20, remindDaysBefore = 30,
        }).Expect(HttpStatusCode.Created);
        plan["nextReminder"]!.GetValue<string>().ShouldBe("2026-11-20");

        async Task<int> Pass()
        {
            using var scope = app.App.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(Minsheng.Features.Audit.AuditLog.SystemActor);
            return await scope.ServiceProvider.GetRequiredService<ProactivePlans>().RemindAsync(default);
        }
        (await Pass()).ShouldBe(0);
        app.Clock.Advance(4 * Day);
        (await Pass()).ShouldBe(1);
        (await Pass()).ShouldBe(0);
        app.Clock.Advance(2 * Day);
        (await Pass()).ShouldBe(0);

        using var head = await app.ClientFor("housing-head");
        var titles = (await head.Expect("/api/notifications")).AsArray().Select(n => n!["title"]!.GetValue<string>()).ToList();
        titles.Count(t => t == "未诉先办：冬季道路结冰预防").ShouldBe(1);
        (await head.Expect("/api/analysis/proactive")).AsArray().Single()!["lastRemindedYear"]!.GetValue<int>().ShouldBe(2026);

        // A stopped plan is not reminded the next year.
        var id = plan["id"]!.GetValue<long>();
        using var again = await app.ClientFor("analyst");
        (await again.Post($"/api/analysis/proactive/{id}/active", new { active = false }).Expect(HttpStatusCode.OK))["active"]!.GetValue<bool>().ShouldBeFalse();
        app.Clock.Advance(365 * Day);
        (await Pass()).ShouldBe(0);
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Minsheng.Data.MinshengDb>();
        (await db.AuditLog.CountAsync(e => e.Action == "proactive.remind")).ShouldBe(1);
    }

    private static List<(string, int)> Months(System.Text.Json.Nodes.JsonNode detail) =>
        detail["volume"]!["months"]!.AsArray().Select(m => (m!["month"]!.GetValue<string>(), m["appeals"]!.GetValue<int>())).ToList();
}
