using Microsoft.Extensions.Options;
using Minsheng.Features.Monitor;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.Priorities;

/// <summary>Runs the 未诉先办 reminder pass every hour (a reminder is a day-level matter; the pass is idempotent).</summary>
public sealed class ProactiveReminderService(IServiceScopeFactory scopes, IOptions<MonitorOptions> monitor, TimeProvider clock,
    ILogger<ProactiveReminderService> logger) : PeriodicPass(scopes, monitor, clock, logger)
{
    protected override TimeSpan? Interval => TimeSpan.FromHours(1);

    protected override string Name => "Proactive reminder pass";

    protected override async Task RunOnceAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        services.GetRequiredService<CurrentUser>().ActAs(Audit.AuditLog.SystemActor);
        var sent = await services.GetRequiredService<ProactivePlans>().RemindAsync(ct);
        if (sent > 0) logger.LogInformation("未诉先办: {Count} reminders sent", sent);
    }
}
