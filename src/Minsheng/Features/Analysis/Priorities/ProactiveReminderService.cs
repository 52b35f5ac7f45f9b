using Microsoft.Extensions.Options;
using Minsheng.Features.Monitor;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.Priorities;

/// <summary>
/// Runs the 未诉先办 reminder pass every hour (a reminder is a day-level matter; the pass is idempotent). Off when
/// Monitor:Enabled is false, like the deadline monitor, so tests run the pass themselves.
/// </summary>
public sealed class ProactiveReminderService(IServiceScopeFactory scopes, IOptions<MonitorOptions> monitor, TimeProvider clock,
    ILogger<ProactiveReminderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!monitor.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(Audit.AuditLog.SystemActor);
                var sent = await scope.ServiceProvider.GetRequiredService<ProactivePlans>().RemindAsync(stoppingToken);
                if (sent > 0) logger.LogInformation("未诉先办: {Count} reminders sent", sent);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Proactive reminder pass failed; the next tick tries again");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
