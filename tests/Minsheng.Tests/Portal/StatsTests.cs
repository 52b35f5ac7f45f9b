using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Portal;

/// <summary>GET /api/public/stats: per department and township, villages rolled up, rates from the appeal fields.</summary>
public sealed class StatsTests(PortalApp shared) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task Units_are_counted_with_their_villages_and_rates()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var desk = await app.ClientFor("dispatcher");
        // Housing: one closed (replied on time, satisfied), one unsatisfied callback (re-review), one merely dispatched.
        var closed = await desk.NewAppeal(c);
        await PortalKit.CloseAsync(app, closed);
        var unsatisfied = await desk.NewAppeal(c);
        await PortalKit.ReplyAsync(app, unsatisfied);
        await desk.Post($"/api/appeals/{unsatisfied}/callback", new { outcome = "Unsatisfied", resolved = false, unitAtFault = true }).Expect(HttpStatusCode.OK);
        var open = await desk.NewAppeal(c);
        await desk.Post($"/api/appeals/{open}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        // A village's appeal counts for its township; an undispatched one for nobody.
        var village = await desk.NewAppeal(c);
        await desk.Post($"/api/appeals/{village}/dispatch", new { leadUnitId = c.Village1.Id }).Expect(HttpStatusCode.OK);
        await desk.NewAppeal(c);

        var stats = await app.Anonymous().Expect<PublicStatsAnswer>("/api/public/stats?days=30");
        stats.Days.ShouldBe(30);
        var units = stats.Units;
        units.Count.ShouldBe(2);
        var housing = stats.Unit("县住房和城乡建设局");
        housing.Kind.ShouldBe("部门");
        housing.Received.ShouldBe(3);
        housing.Closed.ShouldBe(1);
        housing.OnTime.ShouldBe(2);
        housing.Due.ShouldBe(2, "the open appeal's deadline has not passed");
        housing.OnTimeRate.ShouldBe(100.0);
        housing.Satisfied.ShouldBe(1);
        housing.Reached.ShouldBe(2);
        housing.SatisfactionRate.ShouldBe(50.0);
        var town = stats.Unit("城关镇");
        town.Kind.ShouldBe("乡镇（街道）");
        town.Received.ShouldBe(1);
        town.OnTimeRate.ShouldBeNull();
        stats.Total.Received.ShouldBe(4);

        // Months later the open appeal is overdue and the period no longer holds any of them.
        app.Clock.Advance(TimeSpan.FromDays(40));
        (await app.Anonymous().Expect<PublicStatsAnswer>("/api/public/stats?days=30")).Units.Count.ShouldBe(0);
        var later = (await app.Anonymous().Expect<PublicStatsAnswer>("/api/public/stats?days=90")).Unit("县住房和城乡建设局");
        later.Due.ShouldBe(3);
        later.OnTimeRate.ShouldBe(66.7);
    }

    [Theory]
    [InlineData("7")]
    [InlineData("0")]
    [InlineData("abc")]
    public async Task Only_the_offered_periods_are_accepted(string days)
    {
        var app = shared.App;
        var problem = await app.Anonymous().Expect<ProblemAnswer>($"/api/public/stats?days={days}", HttpStatusCode.BadRequest);
        problem.ErrorsOf("days").ShouldHaveSingleItem();
        (await app.Anonymous().Expect<PublicStatsAnswer>("/api/public/stats")).Days.ShouldBe(90);
    }
}
