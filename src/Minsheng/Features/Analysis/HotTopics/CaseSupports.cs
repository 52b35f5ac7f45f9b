using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minsheng.Data;
using Minsheng.Features.Audit;
using Minsheng.Features.Public;
using Minsheng.Features.TimeLimits;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.HotTopics;

public enum SupportOutcome
{
    Added,
    /// <summary>This browser already said 我也遇到 on this case.</summary>
    Already,
    /// <summary>Enough people from this address already did: the cap per address and case.</summary>
    AddressCap,
    RateLimited,
    NotFound,
}

public sealed record SupportView(long CaseId, int Supporters, bool Supported, SupportOutcome Outcome, string Message);

public sealed class SupportSettings
{
    /// <summary>At most this many 我也遇到 per case from one address: a family or an office behind one address, not a script.</summary>
    public int PerAddressPerCase { get; set; } = 5;
    /// <summary>Clicks per address per minute over all cases.</summary>
    public int PerMinute { get; set; } = 20;
}

/// <summary>The per-address minute limit of 我也遇到 (in memory: it only slows bursts; the caps that count are in the database).</summary>
public sealed class SupportLimiter(IOptions<SupportSettings> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.Value.PerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    public bool TryAcquire(string address)
    {
        using var lease = _limiter.AttemptAcquire(address);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}

/// <summary>
/// 我也遇到 on a published case. Citizens are anonymous on the portal and we cannot verify a person without SMS, so
/// "one per person" is kept as honestly as the web allows: one per browser — a random id in a cookie signed with the
/// app's data-protection keys (it cannot be forged or chosen), unique per case in the database — and, since a cookie
/// can be cleared, at most <see cref="SupportSettings.PerAddressPerCase"/> per client address and case, plus a
/// per-minute limit per address. Addresses are stored only as a keyed hash (the key a random value in settings), the
/// browser id only as its SHA-256. Each support adds one to the appeal's supporters (appeal_supporters), which topic
/// detection reads, and is an audited write by "citizen".
/// </summary>
public sealed class CaseSupports(MinshengDb db, AuditedCommit commit, CurrentUser me, TimeProvider clock, IDataProtectionProvider protection,
    IOptions<SupportSettings> settings, SupportLimiter limiter)
{
    public const string CookieName = "minsheng.supporter";
    private const string SaltKey = "case-support.address-key";
    private IDataProtector Protector => protection.CreateProtector("Minsheng.CaseSupport.Supporter");

    public Task<int> CountAsync(long caseId, CancellationToken ct) => db.Set<CaseSupport>().CountAsync(s => s.PublishedCaseId == caseId, ct);

    /// <summary>Whether this browser already supported the case (read from its cookie; a missing or forged cookie is nobody).</summary>
    public async Task<bool> SupportedAsync(long caseId, HttpContext http, CancellationToken ct) =>
        ReadSupporter(http) is { } id && await db.Set<CaseSupport>().AnyAsync(s => s.PublishedCaseId == caseId && s.Supporter == Hash(id), ct);

    public async Task<SupportView> SupportAsync(long caseId, HttpContext http, CancellationToken ct)
    {
        var published = await db.Set<PublishedCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (published is null) return new(caseId, 0, false, SupportOutcome.NotFound, "没有这个公开案例。");
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!limiter.TryAcquire(address)) return await View(caseId, true, SupportOutcome.RateLimited, "操作过于频繁，请稍后再试。", ct);
        var supporter = ReadSupporter(http) ?? NewSupporter(http);
        var who = Hash(supporter);
        if (await db.Set<CaseSupport>().AnyAsync(s => s.PublishedCaseId == caseId && s.Supporter == who, ct))
            return await View(caseId, true, SupportOutcome.Already, "您已经点过“我也遇到”了，谢谢。", ct);
        me.ActAs(Public.CitizenRatings.CitizenActor);
        try
        {
            var outcome = await commit.RunAsync(async notes =>
            {
                var key = await AddressKeyAsync(ct);
                var place = Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(address)));
                if (await db.Set<CaseSupport>().CountAsync(s => s.PublishedCaseId == caseId && s.Address == place, ct) >= settings.Value.PerAddressPerCase)
                    return SupportOutcome.AddressCap;
                var now = clock.GetUtcNow();
                db.Set<CaseSupport>().Add(new CaseSupport(caseId, who, place, now));
                var count = await db.Set<AppealSupporters>().FirstOrDefaultAsync(s => s.AppealId == published.AppealId, ct);
                if (count is null) db.Set<AppealSupporters>().Add(count = new AppealSupporters(published.AppealId));
                count.Add(1, now);
                notes.Record(AuditActions.CaseSupport, caseId.ToString(System.Globalization.CultureInfo.InvariantCulture), "我也遇到");
                return SupportOutcome.Added;
            }, ct);
            return outcome == SupportOutcome.Added
                ? await View(caseId, true, outcome, "已记录：您也遇到了这个问题。", ct)
                : await View(caseId, false, outcome, "来自同一网络的“我也遇到”已达上限，谢谢关注。", ct);
        }
        catch (DbUpdateException)
        {
            // Two clicks at once from one browser: the unique (case, supporter) lets only the first in.
            db.ChangeTracker.Clear();
            return await View(caseId, true, SupportOutcome.Already, "您已经点过“我也遇到”了，谢谢。", ct);
        }
    }

    private async Task<SupportView> View(long caseId, bool supported, SupportOutcome outcome, string message, CancellationToken ct) =>
        new(caseId, await CountAsync(caseId, ct), supported, outcome, message);

    private string? ReadSupporter(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            return Protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private string NewSupporter(HttpContext http)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(CookieName, Protector.Protect(id), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, IsEssential = true,
            Expires = clock.GetUtcNow().AddYears(1), Path = "/",
        });
        return id;
    }

    private static string Hash(string supporter) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(supporter)));

    /// <summary>The key of the address hashes: made once, in the same audited transaction as the first support.</summary>
    private async Task<byte[]> AddressKeyAsync(CancellationToken ct)
    {
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == SaltKey, ct);
        if (row is null) db.Settings.Add(row = new SettingRow { Key = SaltKey, Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
        return Convert.FromBase64String(row.Value);
    }

    /// <summary>POST /api/public/cases/{id}/support: the same as the button on the case page.</summary>
    public static async Task<Results<Ok<SupportView>, NotFound, ProblemHttpResult>> SupportEndpoint(long id, CaseSupports supports, HttpContext http, CancellationToken ct)
    {
        var view = await supports.SupportAsync(id, http, ct);
        return view.Outcome switch
        {
            SupportOutcome.NotFound => TypedResults.NotFound(),
            SupportOutcome.RateLimited => TypedResults.Problem(title: "请求过于频繁", detail: view.Message, statusCode: 429),
            _ => TypedResults.Ok(view),
        };
    }
}
