using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

public sealed record PublicCaseSummary(long Id, string Title, string Excerpt, string? Category, string? Unit,
    DateTimeOffset ReceivedAt, DateTimeOffset? RepliedAt, DateTimeOffset PublishedAt);

public sealed record PublicCase(long Id, string Title, string Content, string Reply, string? Category, string? Unit,
    DateTimeOffset ReceivedAt, DateTimeOffset? RepliedAt, DateTimeOffset? ClosedAt, DateTimeOffset PublishedAt);

/// <summary>
/// 办理公开 as the public reads it: only the published_cases table, newest first; a county's view keeps the cases
/// whose appeal belongs to that county (only the appeal's jurisdiction is read, never its text).
/// </summary>
public sealed class PublishedCases(MinshengDb db, PortalJurisdictions portal)
{
    public const int MaxSize = 50;
    public const int QueryMax = 50;

    public async Task<Page<PublicCaseSummary>> ListAsync(string? q, int? page, int? size, CancellationToken ct, UnitInfo? county = null)
    {
        var errors = new FieldErrors();
        if (page is < 1 or > Appeals.AppealFilter.MaxPage) errors.Add("page", $"页码应在 1 到 {Appeals.AppealFilter.MaxPage} 之间。");
        if (size is < 1 or > MaxSize) errors.Add("size", $"每页条数应在 1 到 {MaxSize} 之间。");
        errors.Text("q", q, "搜索词", QueryMax, required: false);
        errors.ThrowIfAny();
        int p = page ?? 1, s = size ?? 10;
        var query = db.Set<PublishedCase>().AsNoTracking();
        if (county is not null)
        {
            var within = portal.JurisdictionIdsOf(county);
            query = query.Where(c => db.Appeals.Any(a => a.Id == c.AppealId && a.JurisdictionId != null && within.Contains(a.JurisdictionId.Value)));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(c => c.Title.Contains(term) || c.Content.Contains(term) || c.Reply.Contains(term)
                                     || (c.UnitName != null && c.UnitName.Contains(term)) || (c.CategoryName != null && c.CategoryName.Contains(term)));
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.PublishedAt).ThenByDescending(c => c.Id).Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Page<PublicCaseSummary>(rows.Select(Summary).ToList(), total, p, s);
    }

    public async Task<PublicCase?> FindAsync(long id, CancellationToken ct) =>
        await db.Set<PublishedCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? new PublicCase(c.Id, c.Title, c.Content, c.Reply, c.CategoryName, c.UnitName, c.ReceivedAt, c.RepliedAt, c.ClosedAt, c.PublishedAt)
            : null;

    private static PublicCaseSummary Summary(PublishedCase c) =>
        new(c.Id, c.Title, Excerpt(c.Content), c.CategoryName, c.UnitName, c.ReceivedAt, c.RepliedAt, c.PublishedAt);

    public static string Excerpt(string text, int max = 80)
    {
        var flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= max ? flat : flat[..max] + "…";
    }
}
