namespace Minsheng.Features.Statistics.Facts;

public static class FactsServices
{
    /// <summary>The rebuild (CLI, bench, job) and its once-a-minute job. The dirty-marking interceptor is added in DatabaseTarget.</summary>
    public static IServiceCollection AddStatisticsFacts(this IServiceCollection services) =>
        services.AddScoped<FactsBuilder>().AddHostedService<FactsRebuildService>();
}
