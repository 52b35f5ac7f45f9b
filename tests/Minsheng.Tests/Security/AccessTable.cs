using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;

namespace Minsheng.Tests.Security;

/// <summary>
/// The role × endpoint table (access-table.tsv beside this file): one row per API operation and per page,
/// the expected answer for an anonymous caller and for each of the nine roles.
/// Cell values: allow (anything but 401/403/404 and 5xx; a page must not send to /login or /denied),
/// 401 (API: 401; page: redirect to /login), 403 (API: 403; page: redirect to /denied),
/// 404 (the route is open to the role but the record used is outside what it may see).
/// </summary>
public sealed record AccessRow(string Method, string Route, IReadOnlyDictionary<string, string> Expected, string Note, int Line)
{
    public const string Anonymous = "anonymous";

    /// <summary>The roles in column order (Role enum names), one account each in the test county.</summary>
    public static readonly string[] Roles =
        ["Operator", "Dispatcher", "UnitHandler", "UnitHead", "Supervisor", "Analyst", "Leader", "Publicity", "Admin"];

    public static readonly string[] Columns = [Anonymous, .. Roles];

    public string Key => $"{Method} {Route}";

    public bool IsPage => !(Route.StartsWith("/api/") || Route.StartsWith("/openapi/"));

    public override string ToString() => Key;

    public static string Header => string.Join('\t', ["method", "route", .. Columns, "note"]);

    public static string Format(string method, string route, IEnumerable<string> cells, string note) =>
        string.Join('\t', [method, route, .. cells, note]);
}

public static class AccessTable
{
    public static string FilePath([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "access-table.tsv");

    private static readonly Lazy<IReadOnlyList<AccessRow>> Loaded = new(() => Parse(File.ReadAllLines(FilePath())));

    public static IReadOnlyList<AccessRow> Rows => Loaded.Value;

    public static IReadOnlyList<AccessRow> Parse(string[] lines)
    {
        var rows = new List<AccessRow>();
        var header = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split('\t');
            if (header)
            {
                // The header names the columns, so a reordered file fails here instead of testing the wrong role.
                cells.Select(c => c.Trim()).ShouldBe(AccessRow.Header.Split('\t'), $"access-table.tsv line {i + 1}: header");
                header = false;
                continue;
            }
            (cells.Length is var n && (n == AccessRow.Columns.Length + 2 || n == AccessRow.Columns.Length + 3))
                .ShouldBeTrue($"access-table.tsv line {i + 1}: expected method, route, {AccessRow.Columns.Length} cells and a note, tab-separated: {line}");
            var expected = new Dictionary<string, string>();
            for (var c = 0; c < AccessRow.Columns.Length; c++)
            {
                var value = cells[2 + c].Trim();
                new[] { "allow", "401", "403", "404" }.ShouldContain(value, $"access-table.tsv line {i + 1}, column {AccessRow.Columns[c]}");
                expected[AccessRow.Columns[c]] = value;
            }
            var note = cells.Length > AccessRow.Columns.Length + 2 ? cells[^1].Trim() : "";
            rows.Add(new AccessRow(cells[0].Trim(), cells[1].Trim(), expected, note, i + 1));
        }
        rows.GroupBy(r => r.Key).Where(g => g.Count() > 1).Select(g => g.Key).ShouldBeEmpty("rows listed twice in access-table.tsv");
        return rows;
    }

    /// <summary>Every operation the app routes: "METHOD /route/template" for the API, "GET /page" for each Razor page.</summary>
    public static IReadOnlyList<(string Method, string Route, Endpoint Endpoint)> Discover(IServiceProvider services)
    {
        var found = new List<(string, string, Endpoint)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = Normalize(endpoint.RoutePattern.RawText ?? "");
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            {
                found.Add(("GET", route, endpoint));
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"];
            foreach (var method in methods) found.Add((method, route, endpoint));
        }
        return found.DistinctBy(f => (f.Item1, f.Item2)).ToList();
    }

    /// <summary>A group's MapGet("/") routes "/api/users/"; the table writes it without the trailing slash.</summary>
    private static string Normalize(string raw) => "/" + raw.Trim('/');

    /// <summary>
    /// A ready-to-paste row for an endpoint the table lacks, guessed from its authorization metadata only
    /// ([Authorize], RequireAuthorization, AllowAnonymous). Checks inside the handler (appeal scope, the
    /// workflow's roles) are invisible here, so the guess must be reviewed before it is pasted.
    /// </summary>
    public static string SuggestRow(string method, string route, Endpoint endpoint)
    {
        var page = !(route.StartsWith("/api/") || route.StartsWith("/openapi/"));
        var anonymousAllowed = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        var policies = endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>();
        var needsUser = !anonymousAllowed && (authorize.Count > 0 || policies.Count > 0);
        // Every policy on an endpoint must pass, so the allowed roles are the intersection of each role list.
        IEnumerable<string> allowed = AccessRow.Roles;
        foreach (var roles in authorize.Where(a => !string.IsNullOrEmpty(a.Roles)).Select(a => a.Roles!.Split(',').Select(r => r.Trim())))
            allowed = allowed.Intersect(roles);
        foreach (var requirement in policies.SelectMany(p => p.Requirements).OfType<RolesAuthorizationRequirement>())
            allowed = allowed.Intersect(requirement.AllowedRoles);
        var set = allowed.ToHashSet();
        var cells = AccessRow.Columns.Select(column => column == AccessRow.Anonymous
            ? needsUser ? "401" : "allow"
            : !needsUser || set.Contains(column) ? "allow" : "403");
        return AccessRow.Format(method, route, cells, page ? "page (suggested from [Authorize])" : "suggested from authorization metadata; review handler checks");
    }
}
