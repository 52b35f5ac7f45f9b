using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Minsheng.Infrastructure;

public sealed class RateLimitOptions
{
    public int PublicSubmissionsPerMinute { get; set; } = 10;
    public int LoginsPerMinute { get; set; } = 30;
    public int TrackingLookupsPerMinute { get; set; } = 30;
}

/// <summary>Per-client-address limits on the endpoints anyone can call.</summary>
public static class RateLimits
{
    public const string PublicSubmission = "public-submission";
    public const string Login = "login";
    public const string Tracking = "tracking";

    public static IServiceCollection AddMinshengRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<RateLimitOptions>(config.GetSection("RateLimits"));
        services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = 429;
            r.AddPolicy(PublicSubmission, http => PerAddress(http, Options(http).PublicSubmissionsPerMinute));
            r.AddPolicy(Login, http => PerAddress(http, Options(http).LoginsPerMinute));
            // Number and query code together are a secret; limiting lookups keeps codes from being guessed.
            r.AddPolicy(Tracking, http => PerAddress(http, Options(http).TrackingLookupsPerMinute));
            r.OnRejected = async (ctx, ct) =>
            {
                var problem = new ProblemDetails { Status = 429, Title = "请求过于频繁", Detail = "提交过于频繁，请稍后再试。" };
                await ctx.HttpContext.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
            };
        });
        return services;
    }

    private static RateLimitOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> PerAddress(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
