namespace Minsheng.Browser.Tests.Infrastructure;

/// <summary>One server and one desktop-sized Chromium for the whole suite; each test signs in as it needs.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public BrowserApp App { get; private set; } = null!;
    public Browser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await BrowserApp.StartAsync();
        Browser = new Browser(App.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        Browser?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
