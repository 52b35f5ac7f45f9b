using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Minsheng.Infrastructure;

/// <summary>`RateLimits:*` in appsettings (or `RateLimits__LoginsPerMinute=…` in the environment).</summary>
public sealed class RateLimitOptions
{
    public int PublicSubmissionsPerMinute { get; set; } = 10;
    /// <summary>Sign-in posts per address: sized for a call centre behind one NAT address; guessing is slowed by the locks below.</summary>
    public int LoginsPerMinute { get; set; } = 300;
    public int TrackingLookupsPerMinute { get; set; } = 30;
    /// <summary>Wrong passwords in a row that lock an account (from one address, and from anywhere).</summary>
    public int LoginFailuresBeforeLock { get; set; } = 5;
    /// <summary>Wrong passwords from one address, over all accounts, that lock that address.</summary>
    public int AddressFailuresBeforeLock { get; set; } = 50;
    /// <summary>Locks last 1, 2, 4 … minutes, never longer than this.</summary>
    public int LoginLockMaxMinutes { get; set; } = 15;
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
            // Only sign-in attempts count: showing the login page costs nothing and must never be refused.
            r.AddPolicy(Login, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : PerAddress(http, Options(http).LoginsPerMinute));
            // Number and query code together are a secret; limiting lookups keeps codes from being guessed.
            r.AddPolicy(Tracking, http => PerAddress(http, Options(http).TrackingLookupsPerMinute));
            r.OnRejected = async (ctx, ct) =>
            {
                var http = ctx.HttpContext;
                // A page gets nothing written here, so the status-code page answers in Chinese HTML (Pages/Error).
                if (!Web.PageSetup.IsApi(http.Request)) return;
                var problem = new ProblemDetails { Status = 429, Title = "请求过于频繁", Detail = "操作过于频繁，请稍等一分钟后再试。" };
                await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
            };
        });
        return services;
    }

    /// <summary>The address sign-in throttling and the limits key on.</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> PerAddress(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(ClientAddress(http),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
