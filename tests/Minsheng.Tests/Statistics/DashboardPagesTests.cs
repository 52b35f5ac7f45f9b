using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Statistics;

/// <summary>
/// The dashboard, supervisor board and inbox pages: anonymous visitors go to the login page; each page is for
/// the roles of the API it stands in for; bad query values never fail a page.
/// </summary>
public sealed class DashboardPagesTests(StatisticsFixture f) : IClassFixture<StatisticsFixture>
{
    private static readonly Dictionary<string, string> UserOfRole = new()
    {
        ["Operator"] = "operator", ["Dispatcher"] = "dispatcher", ["UnitHandler"] = "housing-handler", ["UnitHead"] = "housing-head",
        ["Supervisor"] = "supervisor", ["Analyst"] = "analyst", ["Leader"] = "leader", ["Publicity"] = "publicity", ["Admin"] = "admin",
    };

    private static readonly (string Path, string Roles)[] Pages =
    [
        ("/dashboard", "Leader,Analyst,Supervisor"),
        ("/dashboard/metrics", "Leader,Analyst,Supervisor"),
        ("/supervise", "Supervisor,Leader"),
        ("/supervise/orders", "Supervisor,Leader"),
        ("/supervise/leads", "Supervisor,Leader"),
        ("/inbox", "Operator,Dispatcher,UnitHandler,UnitHead,Supervisor,Analyst,Leader,Publicity,Admin"),
    ];

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        foreach (var (path, _) in Pages)
        {
            var response = await f.App.Anonymous().GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, path);
            response.Headers.Location!.OriginalString.ShouldContain("/login?ReturnUrl=");
        }
    }

    [Fact]
    public async Task Each_page_is_for_the_roles_of_its_api()
    {
        foreach (var (role, user) in UserOfRole)
        {
            var client = await f.ClientFor(user);
            foreach (var (path, roles) in Pages)
            {
                var response = await client.GetAsync(path);
                if (roles.Split(',').Contains(role))
                    response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{role} on {path}");
                else // 403; shown as 404 where the status page is re-executed before routing (fixed on main by UseRouting after it)
                    response.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.NotFound], $"{role} on {path}");
            }
        }
    }

    [Fact]
    public async Task The_dashboard_shows_the_periods_figures_and_the_definitions()
    {
        var html = await (await f.ClientFor("leader")).GetStringAsync("/dashboard?range=custom&from=2026-11-16&to=2026-11-18&sort=response&dir=asc");
        html.ShouldContain("data-kpi=\"received\">7<");
        html.ShouldContain("data-kpi=\"response\">60.0%<");
        html.ShouldContain("data-kpi=\"overdue\">2<");
        html.ShouldContain("id=\"dashboard-data\"");
        html.ShouldContain("口径说明");
        html.ShouldContain("aria-sort=\"ascending\"");
        html.IndexOf("县城市管理局", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("县住房和城乡建设局", html.IndexOf("units-title", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/dashboard?range=custom&from=2026-13-01", "开始日期应为 yyyy-MM-dd")]
    [InlineData("/dashboard?range=custom&from=2020-01-01&to=2026-11-18", "统计时段不能超过 3 年")]
    [InlineData("/dashboard?range=bogus&sort=nothing&dir=sideways", "data-kpi=\"received\"")]
    [InlineData("/supervise?unit=abc&stage=nothing&page=-5", "超期诉求")]
    [InlineData("/supervise/leads?status=Nope&rule=Nope", "问责线索")]
    [InlineData("/inbox?unread=maybe", "消息")]
    public async Task Bad_query_values_show_a_message_or_are_ignored_never_a_server_error(string path, string expected)
    {
        var response = await (await f.ClientFor("leader")).GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        (await response.Content.ReadAsStringAsync()).ShouldContain(expected);
    }

    [Fact]
    public async Task The_supervisor_board_lists_the_overdue_appeals_with_their_late_stage()
    {
        var html = await (await f.ClientFor("supervisor")).GetStringAsync("/supervise");
        html.ShouldContain("共 <strong>2</strong> 件超期诉求");
        html.ShouldContain("首次联系群众"); // A7: claimed late, never contacted
        var signFor = await (await f.ClientFor("supervisor")).GetStringAsync($"/supervise?stage=SignFor&unit={f.App.County.Housing.Id}");
        signFor.ShouldContain("共 <strong>1</strong> 件超期诉求"); // A3
    }
}
