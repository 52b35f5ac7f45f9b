using Microsoft.Extensions.Options;
using Minsheng.Features.Monitor;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Statistics.MetricFacts;

/// <summary>
/// Builds the metric facts' missing days (after a migration or a load, every day) and rebuilds dirty and stale days
/// once a minute, so the metrics table reads live only what changed in the last minute and today. Any instance may
/// run it (advisory lock per run of days); on failure the table stays right (it reads unbuilt and dirty days live).
/// </summary>
public sealed class MetricFactsRebuildService(IServiceScopeFactory scopes, IOptions<MonitorOptions> monitor, TimeProvider clock,
    ILogger<MetricFactsRebuildService> logger) : PeriodicPass(scopes, monitor, clock, logger)
{
    protected override TimeSpan? Interval => TimeSpan.FromMinutes(1);

    protected override string Name => "Metric facts rebuild";

    protected override async Task RunOnceAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var done = await services.GetRequiredService<MetricFactsBuilder>().RebuildDueAsync(ct);
        if (done.Days > 0)
            logger.LogInformation("Metric facts: rebuilt {Days} days ({Rows} rows) in {Ms} ms", done.Days, done.Rows, (long)done.Elapsed.TotalMilliseconds);
    }
}

public static class MetricFactsServices
{
    /// <summary>The builder (CLI, bench, job), the reader and the once-a-minute job. The dirty-marking interceptor is added in DatabaseTarget.</summary>
    public static IServiceCollection AddMetricFacts(this IServiceCollection services) =>
        services.AddScoped<MetricFactsBuilder>().AddScoped<MetricFactsReader>().AddHostedService<MetricFactsRebuildService>();
}
