using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

/// <summary>
/// The submission limit for the portal page's POST. The named policy cannot be used there: a Razor page is one
/// endpoint for GET and POST, and limiting the form's GET (and its village list requests) would lock out a
/// citizen who merely corrects a field. Same setting as the API (RateLimits:PublicSubmissionsPerMinute).
/// </summary>
public sealed class PortalSubmissionLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PublicSubmissionsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    public bool TryAcquire(HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
