using Microsoft.Extensions.Options;
using Minsheng.Features.Monitor;

namespace Minsheng.Infrastructure;

/// <summary>
/// A background pass run at start and then every <see cref="Interval"/>, each run in a scope of its own. Off with the
/// monitor (Monitor:Enabled=false: tests run passes themselves) or when <see cref="Interval"/> is null. A failed run is
/// logged and the next tick tries again: every pass is idempotent, so nothing is lost by running it once more.
/// </summary>
public abstract class PeriodicPass(IServiceScopeFactory scopes, IOptions<MonitorOptions> monitor, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    /// <summary>How often the pass runs; null turns it off.</summary>
    protected abstract TimeSpan? Interval { get; }

    /// <summary>What the failure log line calls the pass.</summary>
    protected abstract string Name { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, ILogger logger, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!monitor.Value.Enabled || Interval is not { } interval) return;
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                await RunOnceAsync(scope.ServiceProvider, logger, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "{Pass} failed; the next tick tries again", Name);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
