using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Demo;
using Minsheng.Features.Users;

namespace Minsheng.Bench;

/// <summary>
/// Server render time of each main page with the demo county: the real app on a loopback port, each page
/// requested sequentially by a signed-in user of the page's role, timed from request to the last byte.
/// The loopback round trip is included, so the figures are an upper bound on render time.
/// </summary>
public static class PageBench
{
    private const string Password = "Bench-Passw0rd";

    public static async Task<int> RunAsync(string database, int appeals, int requests)
    {
        var app = WebApp.Build(["--urls", "http://127.0.0.1:0"], DatabaseTarget.Parse(database), b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.Configuration["Monitor:Enabled"] = "false";
            b.Configuration["RateLimits:LoginsPerMinute"] = "1000";
            b.Configuration["RateLimits:TrackingLookupsPerMinute"] = "100000";
        });
        await WebApp.MigrateAsync(app.Services);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(TextWriter.Null, default, appealCount: appeals);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        long registered, dispatched;
        string trackNumber, trackCode;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            scope.ServiceProvider.GetRequiredService<Minsheng.Infrastructure.CurrentUser>().ActAs("bench");
            var users = scope.ServiceProvider.GetRequiredService<UserAdmin>();
            foreach (var id in await db.Users.Select(u => u.Id).ToListAsync()) await users.ResetPasswordAsync(id, Password, default);
            var handlerUnit = await db.Users.Where(u => u.Username == "handler").Select(u => u.UnitId).FirstAsync();
            registered = await db.Appeals.Where(a => a.Status == AppealStatus.Registered || a.Status == AppealStatus.PendingDispatch).Select(a => a.Id).FirstOrDefaultAsync();
            dispatched = await db.Appeals.Where(a => a.LeadUnitId == handlerUnit).OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync();
            var tracked = await db.Appeals.Where(a => a.Status == AppealStatus.Closed).Select(a => new { a.Number, a.QueryCode }).FirstAsync();
            (trackNumber, trackCode) = (tracked.Number, tracked.QueryCode);
        }
        (string Role, string Path)[] pages =
        [
            ("", "/"), ("", "/submit"), ("", $"/track?number={trackNumber}&code={trackCode}"), ("", "/cases"), ("", "/stats"), ("", "/directory"),
            ("operator", "/console"), ("operator", "/callbacks"), ("operator", "/visits"),
            ("dispatcher", "/dispatch"), ("dispatcher", "/appeals"), ("dispatcher", $"/appeals/{registered}"), ("dispatcher", $"/appeals/{registered}?handler=Neighbours"),
            ("handler", "/unit"), ("handler", $"/appeals/{dispatched}"), ("handler", "/unit/ledger"), ("head", "/unit/approvals"),
            ("supervisor", "/supervise"), ("leader", "/dashboard"), ("leader", "/inbox"),
            ("publicity", "/publicity"), ("admin", "/admin/units"), ("admin", "/admin/users"), ("admin", "/admin/knowledge"),
        ];
        var clients = new Dictionary<string, HttpClient>();
        async Task<HttpClient> ClientFor(string role)
        {
            if (clients.TryGetValue(role, out var c)) return c;
            c = new HttpClient { BaseAddress = new Uri(baseUrl) };
            if (role != "")
            {
                var response = await c.PostAsJsonAsync("/api/auth/token", new { username = role, password = Password });
                response.EnsureSuccessStatusCode();
                var token = (await response.Content.ReadFromJsonAsync<Token>())!.AccessToken;
                c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            return clients[role] = c;
        }

        Console.WriteLine($"Page render time, {appeals} demo appeals, {requests} sequential requests per page after 20 warm-ups ({Args.Engine(database)})");
        Console.WriteLine($"{"page",-34} {"role",-11} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"KB",6}");
        var p95s = new List<double>();
        foreach (var (role, path) in pages)
        {
            var client = await ClientFor(role);
            var first = await client.GetAsync(path);
            if (!first.IsSuccessStatusCode)
            {
                Console.WriteLine($"{path,-34} {role,-11} answered {(int)first.StatusCode}; skipped");
                continue;
            }
            var size = (await first.Content.ReadAsByteArrayAsync()).Length;
            for (var i = 0; i < 20; i++) await (await client.GetAsync(path)).Content.ReadAsByteArrayAsync();
            var times = new double[requests];
            for (var i = 0; i < requests; i++)
            {
                var sw = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                await response.Content.ReadAsByteArrayAsync();
                times[i] = sw.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
            }
            Array.Sort(times);
            var p95 = times[(int)Math.Ceiling(requests * 0.95) - 1];
            p95s.Add(p95);
            Console.WriteLine($"{Shorten(path),-34} {(role == "" ? "public" : role),-11} {times[requests / 2],8:0.0} {p95,8:0.0} {times[^1],8:0.0} {size / 1024.0,6:0}");
        }
        Console.WriteLine($"pages measured: {p95s.Count}; worst p95 {p95s.Max():0.0} ms; pages with p95 >= 100 ms: {p95s.Count(p => p >= 100)}");
        foreach (var c in clients.Values) c.Dispose();
        await app.StopAsync();
        return 0;
    }

    private static string Shorten(string path) => path.Length <= 34 ? path : path[..31] + "...";

    private sealed record Token(string AccessToken);
}
