using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Statistics;

/// <summary>
/// Seven appeals registered on Monday 2026-11-16 and driven through the real workflow, then the clock moved
/// to Wednesday 09:30, so that every rate has a known value:
///   A1 住建局  claimed on time, contacted, replied, callback 满意 and resolved          → closed on time
///   A2 住建局  claimed on time, contacted, replied, callback 不满意, not resolved     → re-review
///   A3 住建局  dispatched, never claimed                                           → sign-for overdue
///   A4 城管局  claimed on time, contacted, replied, callback not reached           → waiting for callback
///   A5 —       answered directly by the operator                                   → closed, no deadline
///   A6 —       registered only (no category)
///   A7 城管局  claimed two days late, no contact recorded                           → first contact overdue
/// </summary>
public sealed class StatisticsCounty
{
    public required long[] Ids { get; init; }

    public static async Task<StatisticsCounty> BuildAsync(TestApp app)
    {
        var c = app.County;
        var op = await app.ClientFor("operator");
        var d = await app.ClientFor("dispatcher");
        var housing = await app.ClientFor("housing-handler");
        var housingHead = await app.ClientFor("housing-head");
        var city = await app.ClientFor("city-handler");
        var cityHead = await app.ClientFor("city-head");

        var a1 = await op.NewAppeal(c);
        var a2 = await op.NewAppeal(c, new { channel = "Mailbox", categoryId = c.Noise.Id, regionUnitId = c.Town2.Id });
        var a3 = await op.NewAppeal(c, new { type = "Help" });
        var a4 = await op.NewAppeal(c, new { channel = "PublicPortal", regionUnitId = (long?)null });
        var a5 = await op.NewAppeal(c, new { type = "Consultation" });
        var a6 = await op.NewAppeal(c, new { type = "Suggestion", categoryId = (long?)null });
        var a7 = await op.NewAppeal(c, new { regionUnitId = c.County.Id });

        foreach (var (id, unit) in new[] { (a1, c.Housing.Id), (a2, c.Housing.Id), (a3, c.Housing.Id), (a4, c.CityMgmt.Id), (a7, c.CityMgmt.Id) })
            await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = unit }).Expect(HttpStatusCode.OK);
        foreach (var (id, handler) in new[] { (a1, housing), (a2, housing), (a4, city) })
        {
            await handler.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.OK);
            await handler.Post($"/api/appeals/{id}/contact", new { comment = "已电话联系群众" }).Expect(HttpStatusCode.OK);
        }
        await op.Post($"/api/appeals/{a5}/direct-answer", new { content = "已按政策解答。" }).Expect(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromDays(2)); // Wednesday 09:30: every sign-for deadline (Tuesday) has passed
        // Bearer tokens last 10 hours: sign in again on Wednesday.
        (d, housing, housingHead, city, cityHead) = (await app.ClientFor("dispatcher"), await app.ClientFor("housing-handler"),
            await app.ClientFor("housing-head"), await app.ClientFor("city-handler"), await app.ClientFor("city-head"));
        await city.Post($"/api/appeals/{a7}/claim").Expect(HttpStatusCode.OK);
        foreach (var (id, handler, head) in new[] { (a1, housing, housingHead), (a2, housing, housingHead), (a4, city, cityHead) })
        {
            await handler.Post($"/api/appeals/{id}/reply", new { content = "已处理完毕。" }).Expect(HttpStatusCode.OK);
            await head.Post($"/api/appeals/{id}/approve-reply").Expect(HttpStatusCode.OK);
        }
        await d.Post($"/api/appeals/{a1}/callback", new { outcome = "Satisfied", resolved = true }).Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{a2}/callback", new { outcome = "Unsatisfied", resolved = false, unitAtFault = true }).Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{a4}/callback", new { outcome = "NotReached" }).Expect(HttpStatusCode.OK);
        return new StatisticsCounty { Ids = [a1, a2, a3, a4, a5, a6, a7] };
    }
}
