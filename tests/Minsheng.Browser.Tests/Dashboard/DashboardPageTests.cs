using Minsheng.Browser.Tests.Infrastructure;

namespace Minsheng.Browser.Tests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(BrowserFixture f)
{
    private Infrastructure.Browser B => f.Browser;

    private static int Kpi(Infrastructure.Browser b, string key) => int.Parse(b.TextOf($"[data-kpi={key}]").Replace(",", ""));

    [Fact]
    public async Task A_leader_sees_the_figures_the_charts_and_the_unit_table()
    {
        await Arrange.DispatchedAppeal(f.App, "看板测试：王庄村道路积水", f.App.County.Housing.Id);
        await Arrange.DispatchedAppeal(f.App, "看板测试：城关镇夜市噪声", f.App.County.CityMgmt.Id);
        await Arrange.OverdueAppeal(f.App, "看板测试：路灯长期不亮", f.App.County.Housing.Id);

        B.SignIn("leader");
        B.Path_.ShouldBe("/dashboard");
        B.WaitForText("领导看板");
        Kpi(B, "received").ShouldBeGreaterThanOrEqualTo(3);
        Kpi(B, "overdue").ShouldBeGreaterThanOrEqualTo(1);
        B.TextOf("[data-kpi=response]").ShouldMatch(@"^(\d+\.\d%|—)$");

        // ECharts draws into a canvas; the same numbers are in a table for screen readers.
        B.Find("#chart-trend canvas").Size.Width.ShouldBeGreaterThan(100);
        B.Find("#chart-channel canvas");
        B.AttributeOf("#chart-trend", "role").ShouldBe("img");
        B.Count("figure.chart-card details table").ShouldBe(5);

        var units = B.TextOf("#units table");
        units.ShouldContain("县住房和城乡建设局");
        units.ShouldContain("县城市管理局");
        B.AttributeOf("#units a.button", "href")!.ShouldContain("/api/statistics/units.xlsx?from=");
        B.Screenshot("dashboard-leader");

        // Headers sort on the server; the sorted column says so to assistive technology.
        B.Click("当前超期");
        B.WaitUntil(d => d.Url.Contains("sort=overdue"), "the table sorted by 当前超期");
        B.TextOf("th[aria-sort]").ShouldContain("当前超期");
        B.AttributeOf("th[aria-sort]", "aria-sort").ShouldBe("descending");
        var overdue = B.TextsOf("#units tbody td[data-label='当前超期']").Select(int.Parse).ToList();
        overdue.ShouldBe(overdue.OrderByDescending(x => x).ToList());
        overdue[0].ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void A_custom_period_that_ends_before_it_starts_is_refused_next_to_the_field()
    {
        B.SignIn("analyst");
        B.Open("/dashboard");
        B.WaitForText("统计分析");
        B.ClickOn("input[name=range][value=custom]");
        SetDate("from", "2026-11-20");
        SetDate("to", "2026-11-01");
        B.Click("查询");
        B.WaitForText("开始日期不能晚于结束日期");
        B.AttributeOf("#from", "aria-invalid").ShouldBe("true");
        B.AttributeOf("#from", "aria-describedby").ShouldBe("from-error");
        B.Has("#chart-trend").ShouldBeFalse();
    }

    [Fact]
    public async Task Unit_staff_are_refused_the_dashboard()
    {
        B.SignIn("housing-handler");
        B.Open("/dashboard");
        B.WaitForPath("/denied");
        using var api = await f.App.ApiAs("housing-head");
        (await api.GetAsync("/api/statistics/overview")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_dashboard_fits_a_phone()
    {
        await Arrange.DispatchedAppeal(f.App, "看板测试：手机查看", f.App.County.Housing.Id);
        using var phone = new Infrastructure.Browser(f.App.BaseUrl, 390, 844);
        phone.SignIn("leader");
        phone.Open("/dashboard");
        phone.Find("#chart-trend canvas");
        var overflow = (long)phone.Run("return document.documentElement.scrollWidth - document.documentElement.clientWidth")!;
        overflow.ShouldBe(0L);
        phone.Screenshot("dashboard-phone");
    }

    /// <summary>Date inputs take keystrokes in the browser's locale; setting the value is locale-free.</summary>
    private void SetDate(string name, string value) =>
        B.RunOn($"input[name={name}]", "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', { bubbles: true }))", value);
}
