using System.Net;
using Minsheng.Features.Appeals;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

/// <summary>
/// Page checks beyond the role × page table (AccessTableTests, access-table.tsv, which covers anonymous visitors
/// and each role on every page): appeal scope on the appeal page, per-handler roles, antiforgery.
/// </summary>
public sealed class PageAuthorizationTests(SharedApp shared) : IClassFixture<SharedApp>
{
    /// <summary>The table fetches pages with the login cookie (redirect to /denied); an API token on a page gets the 403 page itself.</summary>
    [Fact]
    public async Task A_bearer_caller_on_a_page_not_for_its_role_gets_the_no_access_page()
    {
        using var desk = await shared.App.ClientFor("operator");
        var response = await desk.GetAsync("/admin/users");
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("无权访问");
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
    public void Every_workflow_action_of_the_catalog_has_a_row_in_the_access_table()
    {
        var listed = AccessTable.Rows.Select(row => row.Key).ToHashSet();
        foreach (var entry in Minsheng.Features.Appeals.Actions.WorkflowActions.All) listed.ShouldContain($"POST /api/appeals/{{id:long}}/{entry.Slug}");
    }
}
