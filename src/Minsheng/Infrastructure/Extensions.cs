using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http.Json;
using Minsheng.Data;
using Minsheng.Features.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Features.Auth;
using Minsheng.Features.Users;
using Minsheng.Features.Analysis.Priorities;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Infrastructure;

/// <summary>Every service registration and the middleware order, kept out of Program.cs.</summary>
public static class Extensions
{
    public const string SmartScheme = "minsheng";

    public static IServiceCollection AddMinsheng(this IServiceCollection services, IConfiguration config, DatabaseTarget database)
    {
        services.AddSingleton(database);
        services.AddDbContext<MinshengDb>(database.Configure);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<UnitTree>();
        services.AddSingleton<Features.TimeLimits.TimeLimitCache>();
        // A mistyped office-hours setting stops the start with its message instead of failing every dispatch.
        if (config[Features.TimeLimits.TimeLimitCache.WorkingHoursSetting] is { Length: > 0 } hours) Domain.Calendar.WorkingHours.Parse(hours);
        services.AddScoped<CurrentUser>();
        services.AddScoped<Migrator>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditedCommit>();
        services.AddScoped<SignInService>();
        services.AddScoped<LoginAlerts>();
        services.AddScoped<Sessions>();
        services.AddScoped<UserAdmin>();
        services.AddScoped<Features.Units.UnitAdmin>();
        services.AddScoped<Features.Categories.CategoryAdmin>();
        services.AddScoped<Features.TimeLimits.TimeLimitAdmin>();
        services.AddScoped<Features.Triage.RoutingAdmin>();
        services.AddScoped<Features.Public.PortalSettingsAdmin>();
        services.AddScoped<AppealScope>();
        services.AddScoped<AppealPresenter>();
        services.AddSingleton<AppealText>();
        services.AddScoped<AppealCommands>();
        services.AddScoped<ComplainantAccess>();
        services.AddScoped<AppealNumbers>();
        services.AddScoped<RegisterAppeal>();
        services.AddScoped<Features.Demo.DemoSeeder>();
        services.AddScoped<Features.Accountability.Leads>();
        services.AddScoped<Features.Accountability.Supervision>();
        services.AddScoped<Features.Notifications.NotificationInbox>();
        services.AddScoped<Features.Public.AppealPhotos>();
        services.Configure<Features.Monitor.MonitorOptions>(config.GetSection("Monitor"));
        services.AddScoped<Features.Monitor.SqlWriter>();
        services.AddScoped<Features.Monitor.LeadRules>();
        services.AddScoped<Features.Monitor.MonitorPass>();
        services.AddScoped<Features.Analysis.Bulletins.ItemFactsReader>();
        services.AddScoped<Features.Analysis.Bulletins.Bulletins>();
        services.AddScoped<Features.Analysis.Bulletins.BulletinExport>();
        services.AddScoped<Features.Instructions.InstructionTasks>();
        services.AddScoped<Features.Instructions.InstructionMonitor>();
        services.AddScoped<Features.Monitor.NotificationDelivery>();
        services.AddSingleton<Features.Monitor.INotificationSender, Features.Monitor.LogSender>();
        if (!string.IsNullOrWhiteSpace(config["Notifications:Webhook:Url"]))
        {
            services.Configure<Features.Monitor.WebhookOptions>(config.GetSection("Notifications:Webhook"));
            services.AddHttpClient<Features.Monitor.WebhookSender>();
            services.AddTransient<Features.Monitor.INotificationSender>(sp => sp.GetRequiredService<Features.Monitor.WebhookSender>());
        }
        services.AddHostedService<Features.Monitor.DeadlineMonitorService>();
        services.Configure<Features.Triage.TriageSettings>(config.GetSection("Triage"));
        services.AddSingleton<Features.Triage.TriageService>();
        services.AddScoped<Features.Triage.TriageTraining>();
        services.AddScoped<Features.Triage.TriageSuggestions>();
        services.AddSingleton<Features.Triage.ShingleCache>();
        services.AddHostedService<Features.Triage.TriageRetrainService>();
        services.AddPriorities();
        Features.Public.PortalServices.AddPublicPortal(services);
        services.AddKnowledge();
        Features.Statistics.StatisticsApi.AddStatistics(services);
        Features.Statistics.Facts.FactsServices.AddStatisticsFacts(services);
        Features.Statistics.MetricFacts.MetricFactsServices.AddMetricFacts(services);
        Features.Analysis.HotTopics.HotTopicsApi.AddHotTopics(services, config);
        Features.Analysis.Reports.ReportsApi.AddReports(services, config);
        Features.Assessment.AssessmentApi.AddAssessment(services, config);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTitles.Customize);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        services.AddOpenApi(o => o.AddSchemaTransformer(Features.Appeals.AppealActionsApi.MarkRequiredFields));
        services.AddMinshengRateLimits(config);

        services.AddDataProtection().SetApplicationName("Minsheng");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DbXmlRepository(scopes));
        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.Cookie.Name = "minsheng";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                // The API answers 401/403; a page sends the browser to the login page or shows "no access".
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/denied";
                o.Events.OnRedirectToLogin = ctx =>
                {
                    if (Web.PageSetup.IsApi(ctx.Request)) ctx.Response.StatusCode = 401;
                    else ctx.Response.Redirect(ctx.RedirectUri);
                    return Task.CompletedTask;
                };
                o.Events.OnRedirectToAccessDenied = ctx =>
                {
                    if (Web.PageSetup.IsApi(ctx.Request)) ctx.Response.StatusCode = 403;
                    else ctx.Response.Redirect(ctx.RedirectUri);
                    return Task.CompletedTask;
                };
            })
            .AddBearerToken(o => o.BearerTokenExpiration = TimeSpan.FromHours(10));
        services.AddAuthorization();
        services.AddMinshengPages();
        return services;
    }

    public static WebApplication UseMinsheng(this WebApplication app)
    {
        // First, so error pages and static files carry the headers too.
        app.UseMiddleware<SecurityHeaders>();
        // The API answers ProblemDetails; a page answers a Chinese error page.
        app.UseWhen(c => PageSetup.IsApi(c.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !PageSetup.IsApi(c.Request), pages =>
        {
            pages.UseExceptionHandler("/error/500");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseKnownCharsets();
        app.UseStaticFiles();
        // Routing after the error pages, so a re-executed /error/{code} request is routed afresh.
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<ValidateUserMiddleware>();
        app.UseMiddleware<CrossSiteApiGuard>();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
