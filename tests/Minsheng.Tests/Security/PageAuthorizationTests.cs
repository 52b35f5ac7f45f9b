using System.Net;
using Minsheng.Features.Appeals;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

/// <summary>
/// Every page: an anonymous visitor is sent to the login page, a role the page is not for is sent to "无权访问",
/// and the roles it is for get it. The roles mirror the API each page stands in for.
/// </summary>
public sealed class PageAuthorizationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private static readonly Dictionary<string, string> UserOfRole = new()
    {
        ["Operator"] = "operator", ["Dispatcher"] = "dispatcher", ["UnitHandler"] = "housing-handler", ["UnitHead"] = "housing-head",
        ["Supervisor"] = "supervisor", ["Analyst"] = "analyst", ["Leader"] = "leader", ["Publicity"] = "publicity", ["Admin"] = "admin",
    };

    /// <summary>Staff pages and the roles allowed on each.</summary>
    public static TheoryData<string, string> StaffPages() => new()
    {
        { "/dispatch", "Dispatcher" },
        { "/callbacks", "Operator,Dispatcher" },
        { "/unit", "UnitHandler,UnitHead" },
        { "/unit/approvals", "UnitHead" },
        { "/unit/ledger", "UnitHandler,UnitHead" },
        { "/appeals", "Operator,Dispatcher,UnitHandler,UnitHead,Supervisor,Analyst,Leader,Publicity" },
        { "/console", "Operator,Dispatcher" },
        { "/visits", "Operator,Dispatcher,UnitHandler,UnitHead" },
        { "/dashboard", "Leader,Analyst,Supervisor" },
        { "/supervise", "Supervisor,Leader" }, { "/supervise/orders", "Supervisor,Leader" }, { "/supervise/leads", "Supervisor,Leader" },
        { "/inbox", "Operator,Dispatcher,UnitHandler,UnitHead,Supervisor,Analyst,Leader,Publicity,Admin" },
        { "/publicity", "Publicity" },
        { "/admin/units", "Admin" }, { "/admin/categories", "Admin" }, { "/admin/users", "Admin" }, { "/admin/knowledge", "Admin" },
        { "/admin/calendar", "Admin" }, { "/admin/policies", "Admin" }, { "/admin/routing", "Admin" },
    };

    /// <summary>Every page the app serves is either public, in the table above, or one of these (checked separately or open to all staff).</summary>
    private static readonly string[] OtherPages =
    [
        "/", "/submit", "/submitted", "/track", "/cases", "/cases/{id:long}", "/stats", "/directory", "/login", "/logout", "/denied",
        "/error/{code:int?}", "/work", "/appeals/{id:long}", "/publicity/{appealId:long}",
    ];

    [Fact]
    public void Every_page_is_in_the_authorization_table()
    {
        var routes = shared.App.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
            .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                        || e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .ToHashSet();
        var listed = StaffPages().Select(row => (string)row[0]).Concat(OtherPages).ToHashSet();
        routes.ShouldContain("/dispatch"); // the endpoint scan itself works
        routes.Except(listed).ShouldBeEmpty("pages missing from the authorization table");
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string path, string _)
    {
        var response = await shared.App.Anonymous().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldEndWith("/login?ReturnUrl=" + Uri.EscapeDataString(path));
    }

    /// <summary>One sign-in per role for all pages (the login rate limit counts every sign-in).</summary>
    [Fact]
    public async Task Each_role_gets_a_page_only_if_it_is_for_that_role()
    {
        foreach (var (role, user) in UserOfRole)
        {
            using var client = await shared.App.ClientFor(user);
            foreach (var row in StaffPages())
            {
                var (path, roles) = ((string)row[0], (string)row[1]);
                var response = await client.GetAsync(path);
                if (roles.Split(',').Contains(role))
                    response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{role} on {path}");
                else // a bearer caller gets the 403 page; a browser with the cookie is redirected to /denied (browser tests)
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{role} on {path}");
                    (await response.Content.ReadAsStringAsync()).ShouldContain("无权访问");
                }
            }
        }
    }

    [Fact]
    public async Task An_appeal_page_outside_the_viewers_scope_is_not_found()
    {
        using var desk = await shared.App.ClientFor("operator");
        var id = await desk.NewAppeal(shared.App.County);
        using var housing = await shared.App.ClientFor("housing-handler");
        (await housing.GetAsync($"/appeals/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var admin = await shared.App.ClientFor("admin");
        (await admin.GetAsync($"/appeals/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await desk.GetAsync($"/appeals/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Triage_neighbours_of_an_appeal_are_for_the_desk_only()
    {
        using var desk = await shared.App.ClientFor("dispatcher");
        var id = await desk.NewAppeal(shared.App.County);
        (await desk.GetAsync($"/appeals/{id}?handler=Neighbours")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var supervisor = await shared.App.ClientFor("supervisor");
        (await supervisor.GetAsync($"/appeals/{id}?handler=Neighbours")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await shared.App.Anonymous().GetAsync($"/appeals/{id}?handler=Neighbours")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_page_action_without_the_antiforgery_token_is_refused()
    {
        using var desk = await shared.App.ClientFor("dispatcher");
        var id = await desk.NewAppeal(shared.App.County);
        var response = await desk.PostAsync($"/appeals/{id}?handler=Act",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["slug"] = "invalidate", ["reason"] = "测试" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var detail = await desk.Expect($"/api/appeals/{id}");
        detail["summary"]!["status"]!.GetValue<string>().ShouldBe("Registered");
    }

    [Fact]
    public void Every_workflow_action_of_the_catalog_is_an_api_endpoint_under_test()
    {
        var listed = AuthorizationTests.StaffEndpoints().Select(row => (string)row[1]).ToHashSet();
        foreach (var entry in AppealActionCatalog.All) listed.ShouldContain($"/api/appeals/1/{entry.Slug}");
    }
}
