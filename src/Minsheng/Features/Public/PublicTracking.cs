using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

/// <summary>
/// 进度查询: finds an appeal by number and query code and shows what the citizen may see. Unknown number and
/// wrong code look the same, so numbers cannot be probed; the callers rate-limit lookups.
/// </summary>
public sealed class PublicTracking(MinshengDb db, UnitTree units)
{
    public const string NotFoundTitle = "未找到诉求";
    public const string NotFoundDetail = "受理编号或查询码不正确，请核对后再试。";

    public async Task<Appeal?> FindAsync(string? number, string? code, CancellationToken ct)
    {
        number = number?.Trim();
        code = code?.Trim();
        if (number is not { Length: > 0 and <= 20 } || code is not { Length: > 0 and <= 20 }) return null;
        var appeal = await db.Appeals.AsNoTracking().Include(a => a.Timeline).FirstOrDefaultAsync(a => a.Number == number, ct);
        return appeal is not null && string.Equals(appeal.QueryCode, code, StringComparison.OrdinalIgnoreCase) ? appeal : null;
    }

    /// <summary>Only public timeline entries, without comments, actors or internal steps.</summary>
    public PublicAppealView View(Appeal appeal, CitizenRating? rating)
    {
        var timeline = appeal.Timeline.Where(t => t.IsPublic).OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new PublicTimelineEntry(t.At, Labels.Action(t.Action), Labels.Status(t.ToStatus))).ToList();
        return new PublicAppealView(appeal.Number, appeal.Title, Labels.Type(appeal.Type), Labels.Status(appeal.Status),
            appeal.CreatedAt, appeal.LeadUnitId is { } u ? units.NameOf(u) : null, appeal.Reply, appeal.RepliedAt, timeline,
            CitizenRatings.MayRate(appeal) && rating is null, rating is null ? null : new PublicRatingView(rating.Rating, Labels.Rating(rating.Rating), rating.Comment, rating.RatedAt));
    }
}
