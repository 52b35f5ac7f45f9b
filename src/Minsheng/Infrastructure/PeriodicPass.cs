using Microsoft.Extensions.Options;
using Minsheng.Features.Monitor;

namespace Minsheng.Infrastructure;

/// <summary>
/// A background pass run at start (unless <see cref="RunsAtStart"/> says otherwise) and then every <see cref="Interval"/>,
/// each run in a scope of its own. Off with the monitor (Monitor:Enabled=false: tests run passes themselves) unless
/// <see cref="FollowsMonitorSwitch"/> is false, and off when <see cref="Interval"/> is null. A failed run is logged and the
/// next tick tries again: every pass is idempotent, so nothing is lost by running it once more.
/// </summary>
public abstract class PeriodicPass(IServiceScopeFactory scopes, IOptions<MonitorOptions> monitor, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    /// <summary>How often the pass runs; null turns it off.</summary>
    protected abstract TimeSpan? Interval { get; }

    /// <summary>The monitor's settings (the deadline monitor's own interval lives there).</summary>
    protected MonitorOptions MonitorSettings => monitor.Value;

    /// <summary>What the failure log line calls the pass.</summary>
    protected abstract string Name { get; }

    /// <summary>False for passes whose first run is only due one interval after start (a retrain, a checkpoint).</summary>
    protected virtual bool RunsAtStart => true;

    /// <summary>False for work every instance must do even where the monitor is switched off (audit checkpoints).</summary>
    protected virtual bool FollowsMonitorSwitch => true;

    protected abstract Task RunOnceAsync(IServiceProvider services, ILogger logger, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if ((FollowsMonitorSwitch && !monitor.Value.Enabled) || Interval is not { } interval) return;
        using var timer = new PeriodicTimer(interval, clock);
        if (RunsAtStart) await RunGuardedAsync(stoppingToken);
        while (await timer.WaitForNextTickAsync(stoppingToken)) await RunGuardedAsync(stoppingToken);
    }

    private async Task RunGuardedAsync(CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            await RunOnceAsync(scope.ServiceProvider, logger, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "{Pass} failed; the next tick tries again", Name);
        }
    }
}
