namespace Minsheng.Features.Analysis.Priorities;

public static class PrioritiesSetup
{
    public static IServiceCollection AddPriorities(this IServiceCollection services)
    {
        services.AddScoped<TopicVolumeQuery>();
        services.AddScoped<MonthlyPriorities>();
        services.AddScoped<ProactivePlans>();
        services.AddHostedService<ProactiveReminderService>();
        return services;
    }
}
