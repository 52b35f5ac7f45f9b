using Microsoft.Extensions.Options;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Monitor;

/// <summary>Runs a monitor pass and a delivery round every interval; any number of instances may run it.</summary>
public sealed class DeadlineMonitorService(IServiceScopeFactory scopes, IOptions<MonitorOptions> options, TimeProvider clock,
    ILogger<DeadlineMonitorService> logger) : PeriodicPass(scopes, options, clock, logger)
{
    protected override TimeSpan? Interval => TimeSpan.FromSeconds(Math.Max(5, MonitorSettings.IntervalSeconds));

    protected override string Name => "Deadline monitor pass";

    protected override async Task RunOnceAsync(IServiceProvider services, ILogger log, CancellationToken ct)
    {
        await services.GetRequiredService<MonitorPass>().RunAsync(ct);
        await services.GetRequiredService<NotificationDelivery>().DeliverAsync(ct);
    }
}
