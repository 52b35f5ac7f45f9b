using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Metrics;

/// <summary>
/// Hand-built appeals driven through the real workflow on Monday 2026-11-16 (all on time unless said), then the clock
/// moved 25 days on, past every deadline of the month, so that every measure has a known value:
///   B1 住建局  claimed, contacted, replied; callback 基本满意 but NOT solved               → closed
///   B2 住建局  claimed, contacted, replied; callback 不满意 but solved, unit at fault; 办结 → closed from re-review
///   B3 住建局  claimed, contacted, replied; callback 不满意, NOT the unit's fault          → 复核中 (the desk's)
///   B4 住建局  claimed, contacted, replied; callback 不满意 at fault; 重办, never claimed   → redo round overdue
///   B5 住建局  return requested, the desk rejects it (wrongful return), never claimed
///   B6 城管局  return requested, the desk accepts it; re-dispatched to 住建局, never claimed
///   B7 住建局  claimed and contacted, never replied; co-units 城关镇 (contributes Monday) and 城管局 (never)
/// </summary>
public sealed class MetricsCounty
{
    public required long[] Ids { get; init; }

    public static async Task<MetricsCounty> BuildAsync(TestApp app)
    {
        var c = app.County;
        var op = await app.ClientFor("operator");
        var d = await app.ClientFor("dispatcher");
        var housing = await app.ClientFor("housing-handler");
        var housingHead = await app.ClientFor("housing-head");
        var city = await app.ClientFor("city-handler");
        var town = await app.ClientFor("town1-handler");

        var ids = new long[7];
        for (var i = 0; i < ids.Length; i++) ids[i] = await op.NewAppeal(c, new { channel = i % 2 == 0 ? "Hotline12345" : "MessageBoard" });
        var (b1, b2, b3, b4, b5, b6, b7) = (ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6]);

        foreach (var id in new[] { b1, b2, b3, b4, b5 })
            await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{b6}/dispatch", new { leadUnitId = c.CityMgmt.Id }).Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{b7}/dispatch", new { leadUnitId = c.Housing.Id, coUnitIds = new[] { c.Town1.Id, c.CityMgmt.Id } }).Expect(HttpStatusCode.OK);

        foreach (var id in new[] { b1, b2, b3, b4, b7 })
        {
            await housing.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.OK);
            await housing.Post($"/api/appeals/{id}/contact", new { comment = "已电话联系群众" }).Expect(HttpStatusCode.OK);
        }
        foreach (var id in new[] { b1, b2, b3, b4 })
        {
            await housing.Post($"/api/appeals/{id}/reply", new { content = "已处理完毕。" }).Expect(HttpStatusCode.OK);
            await housingHead.Post($"/api/appeals/{id}/approve-reply").Expect(HttpStatusCode.OK);
        }
        await d.Post($"/api/appeals/{b1}/callback", new { outcome = "BasicallySatisfied", resolved = false }).Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{b2}/callback", new { outcome = "Unsatisfied", resolved = true, unitAtFault = true }).Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{b3}/callback", new { outcome = "Unsatisfied", resolved = false, unitAtFault = false }).Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{b4}/callback", new { outcome = "Unsatisfied", resolved = false, unitAtFault = true }).Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{b2}/close", new { reason = "已解决，群众诉求超出政策范围部分已解释。" }).Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{b4}/redo", new { reason = "群众反映问题仍未解决。" }).Expect(HttpStatusCode.OK);

        await housing.Post($"/api/appeals/{b5}/return", new { reason = "不属于本单位职责。" }).Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{b5}/reject-return", new { reason = "属于住建局职责，请按期办理。" }).Expect(HttpStatusCode.OK);
        await city.Post($"/api/appeals/{b6}/return", new { reason = "属于住建局职责。" }).Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{b6}/accept-return").Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{b6}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        await town.Post($"/api/appeals/{b7}/contribute", new { content = "城关镇已配合现场核实。" }).Expect(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromDays(25)); // 2026-12-11: every deadline of these appeals has passed
        return new MetricsCounty { Ids = ids };
    }
}
