using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Portal;

/// <summary>
/// One app per portal test class. These tests submit and sign in far more often than a citizen or clerk would
/// in a minute, so the per-address limits are lifted here; RatingTests checks the limit itself on its own app.
/// </summary>
public sealed class PortalApp : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(new()
    {
        ["RateLimits:PublicSubmissionsPerMinute"] = "10000",
        ["RateLimits:LoginsPerMinute"] = "10000",
        ["RateLimits:TrackingLookupsPerMinute"] = "10000",
    });

    public async Task DisposeAsync() => await App.DisposeAsync();
}
