using Minsheng.Data;
using Minsheng.Features.Accountability;
using Minsheng.Features.Appeals;
using Minsheng.Features.Notifications;
using Minsheng.Features.TimeLimits;
using Minsheng.Features.Triage;
using Minsheng.Features.Audit;
using Minsheng.Features.Auth;
using Minsheng.Features.Categories;
using Minsheng.Features.Public;
using Minsheng.Features.Analysis.Priorities;
using Minsheng.Features.Units;
using Minsheng.Features.Users;
using Minsheng.Infrastructure;

namespace Minsheng;

/// <summary>Builds the web application; `serve`, the tests and the benchmarks all start it through here.</summary>
public static class WebApp
{
    public static WebApplication Build(string[] args, DatabaseTarget database, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.AddMinsheng(builder.Configuration, database);
        builder.Services.AddAudit(database);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseMinsheng();
        app.MapOpenApi();
        app.MapAuthApi();
        app.MapPublicApi();
        app.MapPortalStaffApi();
        app.MapAppealsApi();
        app.MapUnitsApi();
        app.MapCategoriesApi();
        app.MapUsersApi();
        app.MapAuditApi();
        app.MapTimeLimitsApi();
        app.MapNotificationsApi();
        app.MapLeadsApi();
        app.MapSupervisionApi();
        Features.Analysis.Bulletins.BulletinsApi.MapBulletinsApi(app);
        Features.Instructions.InstructionsApi.MapInstructionsApi(app);
        app.MapTriageApi();
        app.MapPrioritiesApi();
        app.MapKnowledge();
        Features.Statistics.StatisticsApi.MapStatisticsApi(app);
        Features.Analysis.HotTopics.HotTopicsApi.MapHotTopicsApi(app);
        Features.Analysis.Reports.ReportsApi.MapReportsApi(app);
        Features.Assessment.AssessmentApi.MapAssessmentApi(app);
        app.MapRazorPages();
        return app;
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(ct);
        await Features.TimeLimits.TimeLimitCache.EnsureDefaultsAsync(scope.ServiceProvider.GetRequiredService<MinshengDb>(), ct);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().EnsureKeyedAsync(ct);
    }
}
