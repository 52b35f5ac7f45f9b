using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Minsheng.Browser.Tests.Infrastructure;

/// <summary>
/// The real application on a real port (a browser cannot reach an in-memory test server), on a fresh SQLite
/// database with the test county, at a fixed Monday morning so deadlines read the same on every run.
/// </summary>
public sealed class BrowserApp : IAsyncDisposable
{
    public const string Password = TestCounty.Password;
    public static readonly DateTimeOffset Start = FakeClock.MondayMorning;

    public WebApplication App { get; }
    public FakeClock Clock { get; }
    public TestCounty County { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    private readonly TestDatabase _database;

    private BrowserApp(WebApplication app, FakeClock clock, TestDatabase database)
    {
        App = app;
        Clock = clock;
        _database = database;
    }

    public static async Task<BrowserApp> StartAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var clock = new FakeClock(Start);
        var app = WebApp.Build(["--urls", "http://127.0.0.1:0"], database.Target, b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.Services.AddSingleton<TimeProvider>(clock);
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Monitor:Enabled"] = "false",
                ["Triage:Enabled"] = "false",
                // Every test signs in afresh from one address.
                ["RateLimits:LoginsPerMinute"] = "1000",
                ["RateLimits:PublicSubmissionsPerMinute"] = "1000",
                ["RateLimits:TrackingLookupsPerMinute"] = "1000",
            });
        });
        await WebApp.MigrateAsync(app.Services);
        await app.StartAsync();
        var browserApp = new BrowserApp(app, clock, database)
        {
            BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(),
        };
        browserApp.County = await TestCounty.CreateAsync(app.Services);
        return browserApp;
    }

    /// <summary>An API client signed in as a test account, for arranging data a test is not about.</summary>
    public Task<HttpClient> ApiAs(string username) => new HttpClient { BaseAddress = new Uri(BaseUrl) }.SignedInAs(username, Password);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}
