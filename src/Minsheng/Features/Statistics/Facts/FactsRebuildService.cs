using Microsoft.Extensions.Options;
using Minsheng.Features.Monitor;

namespace Minsheng.Features.Statistics.Facts;

/// <summary>
/// Rebuilds the days that need it (never built, dirty, stale) once a minute, so that the overview reads live only
/// what changed in the last minute. Off with the monitor (Monitor:Enabled=false; tests rebuild when they choose).
/// Every instance may run it: the rebuild takes a PostgreSQL advisory lock per run of days.
/// </summary>
public sealed class FactsRebuildService(IServiceScopeFactory scopes, IOptions<MonitorOptions> monitor, TimeProvider clock,
    ILogger<FactsRebuildService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!monitor.Value.Enabled) return;
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                var done = await scope.ServiceProvider.GetRequiredService<FactsBuilder>().RebuildDueAsync(stoppingToken);
                if (done.Days > 0)
                    logger.LogInformation("Statistics facts: rebuilt {Days} days ({Rows} rows) in {Ms} ms", done.Days, done.Rows, (long)done.Elapsed.TotalMilliseconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The overview stays right meanwhile (it reads unbuilt and dirty days live); the next tick tries again.
                logger.LogError(e, "Statistics facts rebuild failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
