using Microsoft.EntityFrameworkCore;
using Minsheng.Data;

namespace Minsheng.Features.Audit;

public static class AuditServices
{
    /// <summary>The key, the sealing interceptor on every MinshengDb, verification and the checkpoint writer.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, DatabaseTarget database)
    {
        services.AddSingleton(sp => new AuditKey(sp.GetRequiredService<IConfiguration>(), database));
        services.AddSingleton<AuditSealInterceptor>();
        services.ConfigureDbContext<MinshengDb>((sp, o) => o.AddInterceptors(sp.GetRequiredService<AuditSealInterceptor>()));
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditCheckpoints>();
        services.AddHostedService<AuditCheckpointService>();
        return services;
    }
}
