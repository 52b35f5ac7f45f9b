using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Assessment;
using Minsheng.Features.Statistics;
using Minsheng.Features.Statistics.Metrics;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Metrics;

/// <summary>One app with the appeals of <see cref="MetricsCounty"/>; the tests only read.</summary>
public sealed class MetricsFixture : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    public TestApp App { get; private set; } = null!;
    public MetricsCounty Data { get; private set; } = null!;

    /// <summary>乙县, a second county beside the test county, with one appeal its 水务局 claimed and contacted on time.</summary>
    public Minsheng.Domain.Organization.Unit Yi { get; private set; } = null!;
    public Minsheng.Domain.Organization.Unit YiDept { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        Data = await MetricsCounty.BuildAsync(App);
        using (var scope = App.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            Yi = new Minsheng.Domain.Organization.Unit("YI", "乙县", Minsheng.Domain.Organization.UnitKind.County, null);
            db.Units.Add(Yi);
            await db.SaveChangesAsync();
            YiDept = new Minsheng.Domain.Organization.Unit("YI-D1", "乙县水务局", Minsheng.Domain.Organization.UnitKind.Department, Yi);
            db.Units.Add(YiDept);
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<Minsheng.Infrastructure.UnitTree>().Invalidate();
            scope.ServiceProvider.GetRequiredService<Minsheng.Infrastructure.CurrentUser>().ActAs("test");
            var users = scope.ServiceProvider.GetRequiredService<Minsheng.Features.Users.UserAdmin>();
            foreach (var (name, role, unit) in new[] { ("yi-dispatcher", Minsheng.Domain.Organization.Role.Dispatcher, Yi),
                         ("yi-leader", Minsheng.Domain.Organization.Role.Leader, Yi), ("yi-handler", Minsheng.Domain.Organization.Role.UnitHandler, YiDept) })
                await users.AddAsync(name, name, role, unit.Id, TestApp.Password, default);
        }
        var d = await App.ClientFor("yi-dispatcher");
        var id = await d.NewAppeal(App.County, new { categoryId = (long?)null, regionUnitId = (long?)null, title = "乙县自来水停水三天" });
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = YiDept.Id }).Expect(System.Net.HttpStatusCode.OK);
        var h = await App.ClientFor("yi-handler");
        await h.Post($"/api/appeals/{id}/claim").Expect(System.Net.HttpStatusCode.OK);
        await h.Post($"/api/appeals/{id}/contact", new { comment = "已联系" }).Expect(System.Net.HttpStatusCode.OK);
        YiAppeal = id;
    }

    public long YiAppeal { get; private set; }

    public async Task<HttpClient> ClientFor(string user) =>
        _clients.TryGetValue(user, out var client) ? client : _clients[user] = await App.ClientFor(user);

    public async Task<T> With<T>(Func<IServiceProvider, Task<T>> run)
    {
        using var scope = App.App.Services.CreateScope();
        return await run(scope.ServiceProvider);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Every measure's 口径 on hand-built appeals: numerator and denominator per unit, on the engine under test.</summary>
public sealed class MetricDefinitionTests(MetricsFixture f) : IClassFixture<MetricsFixture>
{
    private static readonly DateOnly From = new(2026, 11, 1), To = new(2026, 12, 31);

    private Task<IReadOnlyList<UnitMeasures>> MeasureAsync(DateOnly from, DateOnly to) =>
        f.With(sp => sp.GetRequiredService<IUnitMeasures>().MeasureAsync(f.App.County.County.Id, from, to, default));

    private async Task<UnitMeasures> UnitAsync(long unitId) => (await MeasureAsync(From, To)).Single(u => u.UnitId == unitId);

    [Fact]
    public async Task Lead_unit_rates_follow_their_definitions()
    {
        var housing = await UnitAsync(f.App.County.Housing.Id);
        // B1 B2 B3 B7 claimed and contacted on time; B4 (redo round), B5 and B6 never claimed.
        housing.Rate(Metric.Response).ShouldBe(new Ratio(4, 7));
        // B1 基本满意 (in), B2 不满意 at fault (out of the numerator); B3 not the unit's fault is exempt; B4's callback was cleared by the redo.
        housing.Rate(Metric.Satisfaction).ShouldBe(new Ratio(1, 2));
        // B1 not solved although 基本满意, B2 solved although 不满意: 解决 and 满意 are different questions.
        housing.Rate(Metric.Resolution).ShouldBe(new Ratio(1, 2));
        // B1 B2 B3 replied by the deadline; B4 (redone: new clock, no reply), B5 B6 B7 never.
        housing.Rate(Metric.OnTimeReply).ShouldBe(new Ratio(3, 7));
        housing.Rate(Metric.OnTimeClose).ShouldBe(new Ratio(3, 7));
        // Settled callbacks: B1 满意 at the callback, B2 办结 after re-review, B4 重办; B3 still waits for the ruling.
        housing.Rate(Metric.RedoRate).ShouldBe(new Ratio(1, 3));
        // B5 returned; B1 B2 B3 B4 B6 B7 dispatched to it and kept.
        housing.Rate(Metric.ReturnRate).ShouldBe(new Ratio(1, 7));
        housing.Received.ShouldBe(7);
        housing.Rate(Metric.WrongfulReturn).ShouldBe(new Ratio(1, 1));
        // B4 B5 B6 B7 missed a deadline; B3 sits in re-review but the unit's clocks had stopped on time.
        housing.Overdue.ShouldBe(4);
        housing.Rate(Metric.CoUnitOnTime).ShouldBe(Ratio.None);
    }

    [Fact]
    public async Task Returns_count_for_the_unit_that_asked_and_co_units_for_their_own_part()
    {
        var city = await UnitAsync(f.App.County.CityMgmt.Id);
        city.Rate(Metric.ReturnRate).ShouldBe(new Ratio(1, 1));      // B6, then re-dispatched elsewhere
        city.Rate(Metric.WrongfulReturn).ShouldBe(new Ratio(0, 1));  // the desk agreed
        city.Rate(Metric.CoUnitOnTime).ShouldBe(new Ratio(0, 1));    // B7: never contributed by the reply deadline
        city.Rate(Metric.Response).ShouldBe(Ratio.None);
        var town = await UnitAsync(f.App.County.Town1.Id);
        town.Rate(Metric.CoUnitOnTime).ShouldBe(new Ratio(1, 1));    // B7: contributed on Monday
    }

    [Fact]
    public async Task Items_belong_to_the_period_in_which_they_were_decided()
    {
        // Monday alone: the callbacks, the returns and their rulings, and the on-time claims and contacts happened then;
        // the misses are decided only when their deadlines pass, later in the month.
        var monday = new DateOnly(2026, 11, 16);
        var housing = (await MeasureAsync(monday, monday)).Single(u => u.UnitId == f.App.County.Housing.Id);
        housing.Rate(Metric.Satisfaction).ShouldBe(new Ratio(1, 2));
        housing.Rate(Metric.Response).ShouldBe(new Ratio(4, 4));
        housing.Rate(Metric.WrongfulReturn).ShouldBe(new Ratio(1, 1));
        housing.Overdue.ShouldBe(0);
        // Nothing of these appeals is decided in October.
        (await MeasureAsync(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_figure_drills_down_to_exactly_the_appeals_behind_it()
    {
        var county = f.App.County.County.Id;
        var all = await MeasureAsync(From, To);
        all.Count.ShouldBeGreaterThan(1);
        foreach (var unit in all)
            foreach (var metric in Enum.GetValues<Metric>())
            {
                var items = await f.With(sp => sp.GetRequiredService<IUnitMeasures>().ItemsAsync(county, From, To, unit.UnitId, metric, default));
                var rate = unit.Rate(metric);
                items.Count.ShouldBe(rate.Denominator, $"{metric} of unit {unit.UnitId}");
                items.Count(i => i.InNumerator).ShouldBe(rate.Numerator, $"{metric} of unit {unit.UnitId}");
                items.ShouldAllBe(i => i.DecidedAt >= new DateTimeOffset(2026, 10, 31, 16, 0, 0, TimeSpan.Zero));
                items.ShouldAllBe(i => f.Data.Ids.Contains(i.AppealId));
            }
    }

    [Fact]
    public async Task Re_review_is_the_desks_time_not_the_units()
    {
        var now = f.App.Clock.GetUtcNow();
        var b3 = f.Data.Ids[2];
        var (unitOverdue, deskOverdue) = await f.With(async sp =>
        {
            var db = sp.GetRequiredService<MinshengDb>();
            return (await db.Appeals.Where(Overdue.At(now)).Select(a => a.Id).ToListAsync(),
                await db.Appeals.Where(Overdue.AtDesk(now)).Select(a => a.Id).ToListAsync());
        });
        unitOverdue.ShouldNotContain(b3);
        unitOverdue.ShouldBe([f.Data.Ids[3], f.Data.Ids[4], f.Data.Ids[5], f.Data.Ids[6]], ignoreOrder: true);
        deskOverdue.ShouldBe([b3]);
    }
}
