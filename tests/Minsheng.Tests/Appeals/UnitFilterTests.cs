using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Appeals;

/// <summary>
/// The list's unit filter finds the appeals a unit leads and those it co-handles (协办), newest first, within the
/// viewer's scope, and composes with the other filters and paging. Runs on
/// whichever engine ./test picks (the filter is an id list built from two index lookups, UnitFilter).
/// </summary>
public sealed class UnitFilterTests
{
    [Fact]
    public async Task Finds_led_and_co_handled_appeals_newest_first()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var desk = await app.ClientFor("dispatcher");
        async Task<long> Dispatched(string title, long lead, long? co)
        {
            var id = await desk.NewAppeal(c, new { title = $"单位筛选测试：{title}" });
            await desk.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = lead, coUnitIds = co is { } u ? new[] { u } : Array.Empty<long>() })
                .Expect<AppealAnswer>(HttpStatusCode.OK);
            app.Clock.Advance(TimeSpan.FromMinutes(5));
            return id;
        }
        var led = await Dispatched("住建局主办", c.Housing.Id, null);
        var other = await Dispatched("城管局主办", c.CityMgmt.Id, null);
        var coHandled = await Dispatched("城管局主办住建局协办", c.CityMgmt.Id, c.Housing.Id);
        var ledWithCo = await Dispatched("住建局主办城管局协办", c.Housing.Id, c.CityMgmt.Id);
        var undispatched = await desk.NewAppeal(c, new { title = "单位筛选测试：未派单" });

        var housing = await desk.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?unitId={c.Housing.Id}&q=单位筛选测试");
        housing.Items.Select(a => a.Id).ShouldBe([ledWithCo, coHandled, led]);
        (housing.Total, housing.TotalCapped).ShouldBe((3, false));
        var city = await desk.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?unitId={c.CityMgmt.Id}&q=单位筛选测试");
        city.Items.Select(a => a.Id).ShouldBe([ledWithCo, coHandled, other]);
        city.Items.ShouldNotContain(a => a.Id == undispatched);

        // With another filter and paging: the same rows, in the same order, a page at a time.
        var second = await desk.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?unitId={c.Housing.Id}&status=Dispatched&pageSize=2&page=2");
        second.Total.ShouldBe(3);
        second.Items.Select(a => a.Id).ShouldBe([led]);

        // A unit's own staff see only their scope: the co-unit 城管局 does not see what 住建局 leads alone.
        var cityHandler = await app.ClientFor("city-handler");
        var seen = await cityHandler.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?unitId={c.Housing.Id}");
        seen.Items.Select(a => a.Id).ShouldBe([ledWithCo, coHandled]);
    }
}
