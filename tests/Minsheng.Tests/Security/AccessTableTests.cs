using System.Net;
using System.Text;

namespace Minsheng.Tests.Security;

/// <summary>
/// The role × endpoint table in access-table.tsv, checked two ways: it lists exactly the operations and pages
/// the app routes (a new endpoint without a row fails here, with a row to review and paste), and every cell
/// holds — each row's request is sent anonymously and as each of the nine roles.
/// </summary>
public sealed class AccessTableTests(AccessTableApp fixture) : IClassFixture<AccessTableApp>
{
    [Fact]
    public void The_table_lists_exactly_the_routed_endpoints_and_pages()
    {
        var routed = AccessTable.Discover(fixture.App.App.Services);
        routed.ShouldContain(e => e.Route == "/dispatch", "the scan sees pages");
        routed.ShouldContain(e => e.Route == "/api/appeals/{id:long}/dispatch", "the scan sees API operations");
        var listed = AccessTable.Rows.Select(r => r.Key).ToHashSet();
        var routedKeys = routed.Select(e => $"{e.Method} {e.Route}").ToHashSet();

        var report = new StringBuilder();
        var missing = routed.Where(e => !listed.Contains($"{e.Method} {e.Route}")).OrderBy(e => e.Route).ToList();
        if (missing.Count > 0)
        {
            report.AppendLine($"{missing.Count} endpoint(s) have no row in {AccessTable.FilePath()}. Review these rows (guessed from the");
            report.AppendLine("authorization metadata; handler checks such as appeal scope are not visible to the guess) and paste them:");
            foreach (var (method, route, endpoint) in missing) report.AppendLine(AccessTable.SuggestRow(method, route, endpoint));
        }
        var stale = AccessTable.Rows.Where(r => !routedKeys.Contains(r.Key)).ToList();
        if (stale.Count > 0)
        {
            report.AppendLine($"{stale.Count} row(s) name an endpoint the app no longer routes; remove or rename them:");
            foreach (var row in stale) report.AppendLine($"  line {row.Line}: {row.Key}");
        }
        if (report.Length > 0) Assert.Fail(report.ToString());
    }

    /// <summary>
    /// Every cell of every row, reported together. Rows run four at a time; deletions run after everything that
    /// reads what they delete, and the logouts last of all, in case a logout ends the caller's session on the server.
    /// </summary>
    [Fact]
    public async Task Each_role_gets_what_the_table_says()
    {
        AccessTable.Rows.Count.ShouldBeGreaterThan(100, "the table is read");
        var failures = new System.Collections.Concurrent.ConcurrentBag<(int Line, string Text)>();
        var checkedCells = 0;
        foreach (var phase in AccessTable.Rows.GroupBy(r => r.Route.EndsWith("/logout") ? (r.Method == "POST" ? 3 : 2) : r.Method == "DELETE" ? 1 : 0).OrderBy(g => g.Key))
            await Parallel.ForEachAsync(phase, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (row, _) =>
            {
                if (await CheckRow(row) is { } failure) failures.Add((row.Line, failure));
                Interlocked.Add(ref checkedCells, AccessRow.Columns.Length);
            });
        checkedCells.ShouldBe(AccessTable.Rows.Count * AccessRow.Columns.Length);
        if (!failures.IsEmpty)
            Assert.Fail($"{failures.Count} row(s) of {AccessTable.FilePath()} do not hold:\n"
                        + string.Join('\n', failures.OrderBy(f => f.Line).Select(f => f.Text)));
    }

    private async Task<string?> CheckRow(AccessRow row)
    {
        var wrong = new List<string>();
        foreach (var column in AccessRow.Columns)
        {
            var path = await fixture.PathAsync(row, column);
            if (path is null) return $"line {row.Line}: {row.Key}: AccessTableApp has no record for a parameter of this route; add one there";
            var client = row.IsPage ? fixture.Pages(column) : fixture.Api(column);
            using var request = new HttpRequestMessage(new HttpMethod(row.Method), path);
            if (fixture.Body(row) is { } body) request.Content = JsonContent.Create(body, options: Http.Json);
            using var response = await client.SendAsync(request);
            var expected = row.Expected[column];
            if (await Check(row, column, expected, response) is { } got)
                wrong.Add($"    {column,-12} expected {expected,-5} got {got}  ({row.Method} {path})");
        }
        return wrong.Count == 0 ? null
            : $"line {row.Line}: {row.Key}{(row.Note.Length > 0 ? $"  [{row.Note}]" : "")}\n{string.Join('\n', wrong)}";
    }

    /// <summary>Null when the answer is what the cell says, otherwise a description of the answer.</summary>
    private static async Task<string?> Check(AccessRow row, string column, string expected, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var redirect = status is 301 or 302 or 303 or 307 or 308;
        var toLogin = redirect && location.Contains("/login?ReturnUrl=");
        var toDenied = redirect && location.Contains("/denied");
        var got = redirect ? $"{status} → {location}" : $"{status}";
        bool ok = (expected, row.IsPage) switch
        {
            // An anonymous API caller is told in Chinese, as ProblemDetails, to sign in.
            ("401", false) => status == 401 && (column != AccessRow.Anonymous
                || (response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                    && (await response.Content.ReadAsStringAsync()).Contains("未登录或登录已过期"))),
            ("403", false) => status == 403,
            ("401", true) => toLogin,
            ("403", true) => toDenied,
            ("404", _) => status == 404,
            // The "no access" page itself answers 403 with its content; anywhere else a 403 is a refusal.
            _ => status is not (401 or 404) && (status != 403 || row.Route == "/denied") && status < 500 && !toLogin && !toDenied,
        };
        return ok ? null : got;
    }
}
