using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Statistics;

/// <summary>One app with the seven appeals of <see cref="StatisticsCounty"/>; the tests only read.</summary>
public sealed class StatisticsFixture : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        await StatisticsCounty.BuildAsync(App);
    }

    /// <summary>One signed-in client per account: signing in for every case would hit the login rate limit.</summary>
    public async Task<HttpClient> ClientFor(string user) =>
        _clients.TryGetValue(user, out var client) ? client : _clients[user] = await App.ClientFor(user);

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class StatisticsApiTests(StatisticsFixture f) : IClassFixture<StatisticsFixture>
{
    private const string Period = "from=2026-11-16&to=2026-11-18";

    [Theory]
    [InlineData("/api/statistics/overview")]
    [InlineData("/api/statistics/units")]
    [InlineData("/api/statistics/units.xlsx")]
    public async Task Anonymous_callers_get_401(string path)
    {
        var response = await f.App.Anonymous().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldContain("未登录或登录已过期");
    }

    [Theory]
    [InlineData("housing-handler", "/api/statistics/overview")]
    [InlineData("housing-head", "/api/statistics/units")]
    [InlineData("town1-handler", "/api/statistics/units.xlsx")]
    [InlineData("operator", "/api/statistics/overview")]
    [InlineData("dispatcher", "/api/statistics/units")]
    [InlineData("publicity", "/api/statistics/overview")]
    [InlineData("admin", "/api/statistics/units.xlsx")]
    public async Task Roles_outside_leadership_analysis_and_supervision_get_403(string user, string path)
    {
        var response = await (await f.ClientFor(user)).GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("analyst")]
    [InlineData("supervisor")]
    public async Task Leaders_analysts_and_supervisors_read_the_statistics(string user)
    {
        var client = await f.ClientFor(user);
        (await client.Expect<OverviewAnswer>($"/api/statistics/overview?{Period}")).Kpis.Received.ShouldBe(7);
        (await client.Expect<UnitsReportAnswer>($"/api/statistics/units?{Period}")).Units.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("from=2026-11-20&to=2026-11-01", "from")]
    [InlineData("from=2023-01-01&to=2026-11-01", "to")]
    [InlineData("from=16.11.2026", "from")]
    [InlineData("to=2026-02-30", "to")]
    [InlineData("from=1900-01-01", "from")]
    public async Task Bad_periods_answer_400_naming_the_field(string query, string field)
    {
        var client = await f.ClientFor("leader");
        foreach (var path in new[] { "/api/statistics/overview", "/api/statistics/units", "/api/statistics/units.xlsx" })
        {
            var problem = await client.Expect<ProblemAnswer>($"{path}?{query}", HttpStatusCode.BadRequest);
            problem.Fields.ShouldBe([field]);
            problem.Title.ShouldBe("请求内容有误");
        }
    }

    [Theory]
    [InlineData("sort=bogus", "sort")]
    [InlineData("sort=received&dir=up", "dir")]
    public async Task Bad_sort_orders_answer_400_naming_the_field(string query, string field)
    {
        var problem = await (await f.ClientFor("analyst")).Expect<ProblemAnswer>($"/api/statistics/units?{query}", HttpStatusCode.BadRequest);
        problem.ErrorsOf(field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Three_years_is_the_longest_period()
    {
        var client = await f.ClientFor("leader");
        (await client.Expect<OverviewAnswer>("/api/statistics/overview?from=2023-11-18&to=2026-11-18")).From.ShouldBe(new DateOnly(2023, 11, 18));
        (await client.Expect<ProblemAnswer>("/api/statistics/overview?from=2023-11-17&to=2026-11-18", HttpStatusCode.BadRequest)).Fields.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Overview_counts_volumes_and_the_three_rates_of_the_period()
    {
        var o = await (await f.ClientFor("leader")).Expect<OverviewAnswer>($"/api/statistics/overview?{Period}");
        var k = o.Kpis;
        k.Received.ShouldBe(7);
        k.Closed.ShouldBe(2);              // A1 and the direct answer A5
        k.OnTimeClosed.ShouldBe(2);
        k.OnTime.Parts.ShouldBe((2, 2, 100.0));
        k.Response.Parts.ShouldBe((3, 5, 60.0));             // A1 A2 A4 on time; A7 late; A3 never claimed
        k.Resolution.Parts.ShouldBe((1, 2, 50.0));           // A1 resolved, A2 not; A4 not reached
        k.Satisfaction.Parts.ShouldBe((1, 2, 50.0));         // A1 满意, A2 不满意
        k.OverdueNow.ShouldBe(2);           // A3 sign-for, A7 first contact

        Slices(o.ByChannel).ShouldBe(["12345热线:5", "县长信箱:1", "网上诉求:1"], ignoreOrder: true);
        Slices(o.ByType).ShouldBe(["投诉:4", "求助:1", "咨询:1", "建议:1"], ignoreOrder: true);
        Slices(o.ByCategory).ShouldBe(["城乡建设:6", "未分类:1"]);
        Slices(o.ByTownship).ShouldBe(["城关镇:4", "双河镇:1", "县直及其他:1", "未标注地点:1"], ignoreOrder: true);

        var trend = o.Trend;
        trend.Granularity.ShouldBe("day");
        trend.Buckets.ShouldBe([new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 17), new DateOnly(2026, 11, 18)]);
        trend.Received.ShouldBe([7, 0, 0]);
        trend.Closed.ShouldBe([2, 0, 0]);
        trend.ByChannel.Single(s => s.Key == "Hotline12345").Counts.ShouldBe([5, 0, 0]);
    }

    [Fact]
    public async Task Units_get_their_own_rates_and_overdue_counts()
    {
        var report = await (await f.ClientFor("supervisor")).Expect<UnitsReportAnswer>($"/api/statistics/units?{Period}");
        var units = report.Units;
        units.Select(u => u.UnitName).ShouldBe(["县住房和城乡建设局", "县城市管理局"]); // by received, largest first

        var housing = units[0];
        (housing.Received, housing.Closed, housing.OnTimeClosed).ShouldBe((3, 1, 1));
        housing.Response.Parts.ShouldBe((2, 3, 66.7));
        housing.Resolution.Parts.ShouldBe((1, 2, 50.0));
        housing.Satisfaction.Parts.ShouldBe((1, 2, 50.0));
        housing.OverdueNow.ShouldBe(1);

        var city = units[1];
        (city.Received, city.Closed).ShouldBe((2, 0));
        city.OnTime.Parts.ShouldBe((0, 0, null));
        city.Response.Parts.ShouldBe((1, 2, 50.0));
        city.Satisfaction.Parts.ShouldBe((0, 0, null));
        city.OverdueNow.ShouldBe(1);
    }

    [Fact]
    public async Task Units_sort_by_any_column_with_units_without_a_rate_last()
    {
        var client = await f.ClientFor("leader");
        async Task<string[]> Names(string query) =>
            (await client.Expect<UnitsReportAnswer>($"/api/statistics/units?{Period}&{query}")).Units.Select(u => u.UnitName).ToArray();
        (await Names("sort=response&dir=asc")).ShouldBe(["县城市管理局", "县住房和城乡建设局"]);
        (await Names("sort=satisfaction&dir=asc")).ShouldBe(["县住房和城乡建设局", "县城市管理局"]);
        (await Names("sort=received&dir=asc")).ShouldBe(["县城市管理局", "县住房和城乡建设局"]);
    }

    [Fact]
    public async Task A_period_before_the_appeals_counts_nothing_but_overdue_is_a_state_of_now()
    {
        var o = await (await f.ClientFor("leader")).Expect<OverviewAnswer>("/api/statistics/overview?from=2026-11-01&to=2026-11-15");
        o.Kpis.Received.ShouldBe(0);
        o.Kpis.Response.Parts.ShouldBe((0, 0, null));
        o.Kpis.OverdueNow.ShouldBe(2);
        o.ByChannel.ShouldBeEmpty();
        o.Trend.Received.Count.ShouldBe(15);
        var units = await (await f.ClientFor("leader")).Expect<UnitsReportAnswer>("/api/statistics/units?from=2026-11-01&to=2026-11-15");
        units.Units.Select(u => (u.Received, u.OverdueNow)).ShouldBe([(0, 1), (0, 1)]);
    }

    [Fact]
    public async Task Long_periods_are_drawn_by_week_starting_monday()
    {
        var o = await (await f.ClientFor("analyst")).Expect<OverviewAnswer>("/api/statistics/overview?from=2026-06-03&to=2026-11-18");
        var trend = o.Trend;
        trend.Granularity.ShouldBe("week");
        var buckets = trend.Buckets.ToList();
        buckets[0].ShouldBe(new DateOnly(2026, 6, 1));
        buckets.ShouldAllBe(b => b.DayOfWeek == DayOfWeek.Monday);
        var received = trend.Received.ToList();
        received.Sum().ShouldBe(7);
        received[buckets.IndexOf(new DateOnly(2026, 11, 16))].ShouldBe(7);
    }

    [Fact]
    public async Task The_default_period_is_the_last_30_days_up_to_today()
    {
        var o = await (await f.ClientFor("leader")).Expect<OverviewAnswer>("/api/statistics/overview");
        (o.From, o.To).ShouldBe((new DateOnly(2026, 10, 20), new DateOnly(2026, 11, 18)));
        o.Kpis.Received.ShouldBe(7);
    }

    private static string[] Slices(IEnumerable<SliceAnswer> slices) => slices.Select(x => $"{x.Label}:{x.Count}").ToArray();
}
