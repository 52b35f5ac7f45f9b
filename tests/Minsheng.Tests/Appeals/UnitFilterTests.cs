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

    [Fact]
    public async Task Pages_through_led_and_co_handled_appeals_in_one_order_across_both_branches()
    {
        // The page is cut id-first from each branch's newest rows (UnitFilter.NewestPage): led and co-handled
        // appeals interleave in time, so every page boundary falls between the two branches somewhere.
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var desk = await app.ClientFor("dispatcher");
        var expected = new List<long>();
        var pattern = new[] { "led", "co", "co", "led", "led", "co", "led", "co", "other" };
        foreach (var (kind, i) in pattern.Select((k, i) => (k, i)))
        {
            var id = await desk.NewAppeal(c, new { title = $"单位分页测试：第{i}件" });
            var (lead, co) = kind switch { "led" => (c.Housing.Id, Array.Empty<long>()), "co" => (c.CityMgmt.Id, new[] { c.Housing.Id }), _ => (c.CityMgmt.Id, Array.Empty<long>()) };
            await desk.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = lead, coUnitIds = co }).Expect<AppealAnswer>(HttpStatusCode.OK);
            if (kind != "other") expected.Insert(0, id);
            app.Clock.Advance(TimeSpan.FromMinutes(3));
        }

        var seen = new List<long>();
        for (var page = 1; page <= 3; page++)
        {
            var p = await desk.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?unitId={c.Housing.Id}&q=单位分页测试&pageSize=3&page={page}");
            (p.Total, p.TotalCapped).ShouldBe((8, false));
            p.Items.Count.ShouldBe(page < 3 ? 3 : 2);
            seen.AddRange(p.Items.Select(a => a.Id));
        }
        seen.ShouldBe(expected, "the pages, one after the other, are the whole list newest first");
        (await desk.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?unitId={c.Housing.Id}&q=单位分页测试&pageSize=3&page=4")).Items.ShouldBeEmpty();

        // The other filters hold in both branches: a channel nobody used matches nothing; the one all share, all.
        var none = await desk.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?unitId={c.Housing.Id}&q=单位分页测试&channel=Petition");
        (none.Total, none.Items.Count).ShouldBe((0, 0));
        (await desk.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?unitId={c.Housing.Id}&q=单位分页测试&channel=Hotline12345")).Total.ShouldBe(8);
        var dispatched = await desk.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?unitId={c.Housing.Id}&q=单位分页测试&status=Dispatched&pageSize=5&page=2");
        dispatched.Total.ShouldBe(8);
        dispatched.Items.Select(a => a.Id).ShouldBe(expected.Skip(5));
    }
}
