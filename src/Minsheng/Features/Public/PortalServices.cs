namespace Minsheng.Features.Public;

public static class PortalServices
{
    public static IServiceCollection AddPublicPortal(this IServiceCollection services)
    {
        services.AddScoped<PublicSubmissions>();
        services.AddScoped<PublicTracking>();
        services.AddScoped<CitizenRatings>();
        services.AddScoped<PublishedCases>();
        services.AddScoped<Publicity>();
        services.AddScoped<PublicStats>();
        services.AddScoped<PortalJurisdictions>();
        services.AddSingleton<PortalSubmissionLimiter>();
        return services;
    }
}
