using Microsoft.Extensions.Options;

namespace Minsheng.Features.Monitor;

/// <summary>Runs a monitor pass and a delivery round every interval; any number of instances may run it.</summary>
public sealed class DeadlineMonitorService(IServiceScopeFactory scopes, IOptions<MonitorOptions> options, TimeProvider clock,
    ILogger<DeadlineMonitorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(5, options.Value.IntervalSeconds)), clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<MonitorPass>().RunAsync(stoppingToken);
                await scope.ServiceProvider.GetRequiredService<NotificationDelivery>().DeliverAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass is retried at the next tick; the host keeps serving.
                logger.LogError(e, "Deadline monitor pass failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
