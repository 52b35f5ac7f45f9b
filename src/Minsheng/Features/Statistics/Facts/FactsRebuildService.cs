using Microsoft.Extensions.Options;
using Minsheng.Features.Monitor;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Statistics.Facts;

/// <summary>
/// Rebuilds the days that need it (never built, dirty, stale) once a minute, so that the overview reads live only
/// what changed in the last minute. Every instance may run it: the rebuild takes a PostgreSQL advisory lock per run
/// of days. On failure the overview stays right meanwhile (it reads unbuilt and dirty days live).
/// </summary>
public sealed class FactsRebuildService(IServiceScopeFactory scopes, IOptions<MonitorOptions> monitor, TimeProvider clock,
    ILogger<FactsRebuildService> logger) : PeriodicPass(scopes, monitor, clock, logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override TimeSpan? Interval => Every;

    protected override string Name => "Statistics facts rebuild";

    protected override async Task RunOnceAsync(IServiceProvider services, ILogger logger, CancellationToken ct)
    {
        var done = await services.GetRequiredService<FactsBuilder>().RebuildDueAsync(ct);
        if (done.Days > 0)
            logger.LogInformation("Statistics facts: rebuilt {Days} days ({Rows} rows) in {Ms} ms", done.Days, done.Rows, (long)done.Elapsed.TotalMilliseconds);
    }
}
