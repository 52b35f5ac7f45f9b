using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Visits;

/// <summary>
/// The admin pages, the phone console and the visit form answer only the roles of the APIs they stand in for:
/// admins; the desk (as POST /api/appeals for the desk); the desk and unit staff (as POST /api/appeals for visits).
/// </summary>
public sealed class PageAccessTests(SharedApp shared) : IClassFixture<SharedApp>
{
    public static TheoryData<string, string> Allowed() => new()
    {
        { "admin", "/admin/units" }, { "admin", "/admin/categories" }, { "admin", "/admin/users" }, { "admin", "/admin/knowledge" },
        { "admin", "/admin/calendar" }, { "admin", "/admin/policies" }, { "admin", "/admin/routing" },
        { "operator", "/console" }, { "dispatcher", "/console" },
        { "operator", "/visits" }, { "dispatcher", "/visits" }, { "town1-handler", "/visits" }, { "housing-head", "/visits" },
    };

    public static TheoryData<string, string> Refused() => new()
    {
        { "operator", "/admin/users" }, { "dispatcher", "/admin/knowledge" }, { "supervisor", "/admin/calendar" }, { "leader", "/admin/policies" },
        { "dispatcher", "/admin/routing" }, { "housing-head", "/admin/units" }, { "analyst", "/admin/categories" },
        { "admin", "/console" }, { "town1-handler", "/console" }, { "supervisor", "/console" },
        { "admin", "/visits" }, { "supervisor", "/visits" }, { "leader", "/visits" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public async Task Allowed_roles_get_the_page(string user, string path)
    {
        var client = await shared.App.ClientFor(user);
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Other_roles_are_refused(string user, string path)
    {
        var client = await shared.App.ClientFor(user);
        var response = await client.GetAsync(path);
        // A bearer caller gets the Chinese 403 page (a browser with the cookie is redirected to /denied).
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("无权访问");
        html.ShouldNotContain("name=\"title\""); // none of the page's own form
    }

    [Theory]
    [InlineData("/admin/users")]
    [InlineData("/console")]
    [InlineData("/visits")]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string path)
    {
        var response = await shared.App.App.GetTestClientNoRedirect().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login");
    }
}

internal static class NoRedirect
{
    public static HttpClient GetTestClientNoRedirect(this Microsoft.AspNetCore.Builder.WebApplication app)
    {
        var server = (Microsoft.AspNetCore.TestHost.TestServer)app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        return new HttpClient(server.CreateHandler()) { BaseAddress = server.BaseAddress };
    }
}
