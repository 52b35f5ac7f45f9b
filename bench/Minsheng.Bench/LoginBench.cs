using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Demo;
using Minsheng.Features.Users;

namespace Minsheng.Bench;

/// <summary>
/// Sign-in answer times for a real account with a wrong password and for a name that does not exist: they
/// must not differ, or the difference tells which accounts exist. The real app on a loopback port, requests
/// alternating between the two kinds, locks raised out of reach so every attempt reaches the password check.
/// </summary>
public static class LoginBench
{
    public static async Task<int> RunAsync(string database, int requests)
    {
        var app = WebApp.Build(["--urls", "http://127.0.0.1:0"], DatabaseTarget.Parse(database), b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.Configuration["Monitor:Enabled"] = "false";
            b.Configuration["Triage:Enabled"] = "false";
            b.Configuration["RateLimits:LoginsPerMinute"] = "1000000";
            b.Configuration["RateLimits:LoginFailuresBeforeLock"] = "1000000";
            b.Configuration["RateLimits:AddressFailuresBeforeLock"] = "1000000";
        });
        await WebApp.MigrateAsync(app.Services);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(TextWriter.Null, default, appealCount: 0);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using (var scope = app.Services.CreateScope())
            if (!await scope.ServiceProvider.GetRequiredService<MinshengDb>().Users.AnyAsync(u => u.Username == "dispatcher"))
                throw new InvalidOperationException("the demo county has no dispatcher account");

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var times = new Dictionary<string, List<double>> { ["existing account, wrong password"] = [], ["no such account"] = [] };
        for (var i = -10; i < requests; i++) // the first ten rounds warm up and are not counted
            foreach (var (label, username) in new[] { ("existing account, wrong password", "dispatcher"), ("no such account", $"nobody{i}") })
            {
                var watch = Stopwatch.StartNew();
                var response = await http.PostAsJsonAsync("/api/auth/token", new { username, password = "wrong-password" });
                var body = await response.Content.ReadAsStringAsync();
                watch.Stop();
                if ((int)response.StatusCode != 401) throw new InvalidOperationException($"{label}: {(int)response.StatusCode} {body}");
                if (i >= 0) times[label].Add(watch.Elapsed.TotalMilliseconds);
            }
        Console.WriteLine($"{requests} sign-ins of each kind on {database.Split(':')[0]}, ms:");
        foreach (var (label, list) in times)
        {
            list.Sort();
            Console.WriteLine($"  {label,-34} median {list[list.Count / 2],6:F1}  p90 {list[(int)(list.Count * 0.9)],6:F1}  min {list[0],6:F1}");
        }
        await app.StopAsync();
        return 0;
    }
}
