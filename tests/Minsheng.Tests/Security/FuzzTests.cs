using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Minsheng.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Minsheng.Tests.Security;

/// <summary>
/// Thousands of malformed requests, generated from a seed over every API route and page, as an anonymous visitor and
/// as signed-in staff: none may answer 5xx. MINSHENG_FUZZ_COUNT (default 2,000), MINSHENG_FUZZ_SEED and, to fuzz a
/// running server instead of the in-memory one, MINSHENG_FUZZ_URL with MINSHENG_FUZZ_USERNAME/PASSWORD
/// (bench/fuzz.sh). MINSHENG_FUZZ_REPORT names a file that receives the status counts.
/// </summary>
public sealed partial class FuzzTests(ITestOutputHelper output)
{
    private static int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;

    [GeneratedRegex("name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMeta();

    [Fact]
    public async Task Malformed_requests_never_get_a_server_error()
    {
        var count = Setting("MINSHENG_FUZZ_COUNT", 2000);
        var seed = Setting("MINSHENG_FUZZ_SEED", 20261116);
        var remote = Environment.GetEnvironmentVariable("MINSHENG_FUZZ_URL");
        await using var local = string.IsNullOrEmpty(remote) ? await TestApp.StartAsync() : null;

        var clients = new List<(string Name, HttpClient Client, (string, string)? Csrf)>();
        HttpClient NewClient() => local is not null ? local.Anonymous() : new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
            { BaseAddress = new Uri(remote!), Timeout = TimeSpan.FromSeconds(120) };
        clients.Add(("anonymous", NewClient(), null));
        var staff = local is not null
            ? new[] { ("admin", TestApp.Password), ("dispatcher", TestApp.Password), ("operator", TestApp.Password), ("housing-handler", TestApp.Password) }
            : [(Environment.GetEnvironmentVariable("MINSHENG_FUZZ_USERNAME") ?? "admin", Environment.GetEnvironmentVariable("MINSHENG_FUZZ_PASSWORD") ?? "")];
        foreach (var (username, password) in staff)
        {
            var client = await NewClient().SignedInAs(username, password);
            clients.Add((username, client, await CsrfAsync(client)));
        }

        var document = await clients[0].Client.Expect("/openapi/v1.json");
        var routes = FuzzRequests.FromOpenApi(document).Concat(FuzzRequests.Pages(typeof(WebApp).Assembly)).ToList();
        var fields = FuzzRequests.FieldsOf(document).Concat(["__RequestVerificationToken", "handler", "id", "articleId", "answer_1", "confirm_1",
            "number", "code", "comment", "rating", "villageId", "townshipId", "name", "phone", "unread", "instruction", "dueAt", "kind"]).Distinct().ToList();
        routes.Count(r => !r.Page).ShouldBeGreaterThan(50, "the OpenAPI document lists the API");
        routes.Count(r => r.Page).ShouldBeGreaterThan(20, "every Razor page is fuzzed");
        clients.Skip(1).ShouldAllBe(c => c.Csrf != null, "staff clients carry an antiforgery pair, so page forms get past it");

        var generator = new FuzzRequests(routes, fields, seed);
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var (name, client, csrf) = clients[i % clients.Count];
            var request = generator.Next(withCsrf: csrf is not null);
            int status;
            try
            {
                using var response = await client.SendAsync(FuzzRequests.Message(request, csrf));
                status = (int)response.StatusCode;
                if (status >= 500) failures.Add($"{status} as {name}: {request} → {Clip(await response.Content.ReadAsStringAsync())}");
            }
            catch (Exception e)
            {
                // No answer: in memory the server's own exception arrives here (a bug); against a server, a dropped
                // connection or a request the client refuses to send (only timeouts count there).
                status = 0;
                // TestServer refuses a %00 in the path before the app sees it (Kestrel answers 400 to it).
                var refusedByTestClient = e is InvalidOperationException && e.Message.Contains("null characters");
                if (local is not null && !refusedByTestClient || e is TaskCanceledException)
                    failures.Add($"no answer as {name}: {request} → {e.GetType().Name}: {Clip(e.Message)}");
            }
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }

        var report = $"fuzz seed={seed} requests={count} routes={routes.Count} in {watch.Elapsed.TotalSeconds:0.0} s; by status: "
                     + string.Join(", ", statuses.Select(s => $"{(s.Key == 0 ? "no answer" : s.Key.ToString())}={s.Value}"))
                     + $"; 5xx={statuses.Where(s => s.Key >= 500).Sum(s => s.Value)}";
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("MINSHENG_FUZZ_REPORT") is { Length: > 0 } file)
            await File.WriteAllTextAsync(file, report + Environment.NewLine + string.Join(Environment.NewLine, failures.Take(50)) + Environment.NewLine);
        statuses.Values.Sum().ShouldBe(count);
        failures.ShouldBeEmpty($"{failures.Count} requests failed; first ones:\n{string.Join("\n", failures.Take(15))}");
    }

    /// <summary>The antiforgery cookie and token a staff page hands out, so fuzzed forms reach the page handlers.</summary>
    private static async Task<(string Cookie, string Token)?> CsrfAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/inbox");
        var html = await response.Content.ReadAsStringAsync();
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith("minsheng-csrf=")) : null;
        return CsrfMeta().Match(html) is { Success: true } m && cookie is not null ? (cookie, WebUtility.HtmlDecode(m.Groups[1].Value)) : null;
    }

    private static string Clip(string s) => s.Length > 300 ? s[..300] + "…" : s;
}
