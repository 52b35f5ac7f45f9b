using Minsheng.Features.Monitor;

namespace Minsheng.Tests.Infrastructure;

public static class MonitorRuns
{
    /// <summary>One monitor pass and one delivery round, as the background service does each interval.</summary>
    public static Task<MonitorReport> RunMonitor(this TestApp app) => app.App.RunMonitor();

    public static async Task<MonitorReport> RunMonitor(this Microsoft.AspNetCore.Builder.WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<MonitorPass>().RunAsync(default);
        await scope.ServiceProvider.GetRequiredService<NotificationDelivery>().DeliverAsync(default);
        return report;
    }
}
