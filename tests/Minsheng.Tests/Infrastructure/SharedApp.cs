namespace Minsheng.Tests.Infrastructure;

/// <summary>One app for a test class whose tests only read, or write nothing the others look at.</summary>
public sealed class SharedApp : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
