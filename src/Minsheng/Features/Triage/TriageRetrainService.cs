using Microsoft.Extensions.Options;
using Minsheng.Features.Monitor;

namespace Minsheng.Features.Triage;

/// <summary>
/// Retrains the classifiers every Triage:RetrainHours so they follow what dispatchers actually decide.
/// Off when Triage:Enabled or Monitor:Enabled is false (tests train when they choose). Each instance
/// retrains on its own; the cost is a few seconds a day and every version is kept apart.
/// </summary>
public sealed class TriageRetrainService(TriageService triage, IOptions<TriageSettings> settings, IOptions<MonitorOptions> monitor,
    TimeProvider clock, ILogger<TriageRetrainService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.Enabled || !monitor.Value.Enabled) return;
        var hours = Math.Max(0.1, settings.Value.RetrainHours);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(hours), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var o in await triage.RetrainAsync(stoppingToken))
                    logger.LogInformation("Triage retrain: {Message}", o.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The models in force stay; the next tick tries again.
                logger.LogError(e, "Scheduled triage retrain failed");
            }
        }
    }
}
