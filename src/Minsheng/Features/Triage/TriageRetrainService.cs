using Microsoft.Extensions.Options;
using Minsheng.Features.Monitor;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Triage;

/// <summary>
/// Retrains the classifiers every Triage:RetrainHours so they follow what dispatchers actually decide.
/// Off when Triage:Enabled or Monitor:Enabled is false (tests train when they choose). Each instance
/// retrains on its own; the cost is a few seconds a day and every version is kept apart. A failed retrain keeps the
/// models in force.
/// </summary>
public sealed class TriageRetrainService(IServiceScopeFactory scopes, IOptions<TriageSettings> settings, IOptions<MonitorOptions> monitor,
    TimeProvider clock, ILogger<TriageRetrainService> logger) : PeriodicPass(scopes, monitor, clock, logger)
{
    protected override TimeSpan? Interval => settings.Value.Enabled ? TimeSpan.FromHours(Math.Max(0.1, settings.Value.RetrainHours)) : null;

    protected override string Name => "Scheduled triage retrain";

    // Start-up already loads the models in force; the first retrain is due one interval later.
    protected override bool RunsAtStart => false;

    protected override async Task RunOnceAsync(IServiceProvider services, ILogger log, CancellationToken ct)
    {
        foreach (var o in await services.GetRequiredService<TriageService>().RetrainAsync(ct))
            log.LogInformation("Triage retrain: {Message}", o.Message);
    }
}
