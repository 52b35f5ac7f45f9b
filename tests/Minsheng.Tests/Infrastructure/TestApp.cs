using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Users;

namespace Minsheng.Tests.Infrastructure;

/// <summary>
/// The real application on a fresh real database, served in memory, with a small county and one
/// account per role created through the product's own code. Each test builds its own.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string Password = TestCounty.Password;
    public static readonly DateTimeOffset Start = FakeClock.MondayMorning;

    public WebApplication App { get; }
    public TestDatabase Database { get; }
    public FakeClock Clock { get; }
    public TestCounty County { get; private set; } = null!;

    private TestApp(WebApplication app, TestDatabase database, FakeClock clock)
    {
        App = app;
        Database = database;
        Clock = clock;
    }

    public static async Task<TestApp> StartAsync(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync();
        var clock = new FakeClock(Start);
        var app = Build(database, clock, settings, services);
        await WebApp.MigrateAsync(app.Services);
        await app.StartAsync();
        var testApp = new TestApp(app, database, clock);
        testApp.County = await TestCounty.CreateAsync(app.Services);
        return testApp;
    }

    /// <summary>Another instance of the app on the same database and clock, as a second server would be.</summary>
    public async Task<WebApplication> StartSecondInstanceAsync(Action<IServiceCollection>? services = null)
    {
        var app = Build(Database, Clock, null, services);
        await WebApp.MigrateAsync(app.Services);
        await app.StartAsync();
        return app;
    }

    private static WebApplication Build(TestDatabase database, FakeClock clock, Dictionary<string, string?>? settings, Action<IServiceCollection>? services) =>
        WebApp.Build([], database.Target, b =>
        {
            b.WebHost.UseTestServer();
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.Services.AddSingleton<TimeProvider>(clock);
            // Tests run monitor passes themselves, at the faked time they choose.
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Monitor:Enabled"] = "false", ["Triage:Enabled"] = "false" });
            if (settings is not null) b.Configuration.AddInMemoryCollection(settings);
            services?.Invoke(b.Services);
        });

    public HttpClient Anonymous() => App.GetTestClient();

    public Task<HttpClient> ClientFor(string username) => App.GetTestClient().SignedInAs(username, Password);

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
