using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

public enum RateOutcome
{
    Rated,
    NoReplyYet,
    AlreadyRated,
    /// <summary>No appeal with that number and query code.</summary>
    NotFound,
}

/// <summary>The citizen's own rating of the answer (满意/基本满意/不满意), once per appeal, after the reply is out.</summary>
public sealed class CitizenRatings(MinshengDb db, AuditedCommit commit, CurrentUser me, TimeProvider clock, PublicTracking tracking, AppealScope scope)
{
    public const int CommentMax = 500;

    /// <summary>
    /// The audit actor of a rating: the citizen is not signed in, and holding the number and query code is all we know.
    /// Ratings before this name were recorded as "群众"; nothing reads the actor back, so the chain verifies either way.
    /// </summary>
    public const string CitizenActor = "citizen";

    public static bool MayRate(Appeal a) => a.Status is AppealStatus.Replied or AppealStatus.Closed && a.Reply is not null;

    /// <summary>Kept for the appeal page (another area's file) until it reads <see cref="Labels.Rating"/> itself.</summary>
    public Task<CitizenRating?> ForAsync(long appealId, CancellationToken ct) =>
        db.Set<CitizenRating>().AsNoTracking().FirstOrDefaultAsync(r => r.AppealId == appealId, ct);

    /// <summary>
    /// For staff: whether the appeal is in the caller's scope (404 otherwise) and the citizen's rating, if any.
    /// </summary>
    public async Task<(bool Visible, StaffRatingView? Rating)> ForStaffAsync(long appealId, CancellationToken ct)
    {
        if (!await scope.Visible().AnyAsync(a => a.Id == appealId, ct)) return (false, null);
        return (true, await ForAsync(appealId, ct) is { } r ? new StaffRatingView(appealId, r.Rating, Labels.Rating(r.Rating), r.Comment, r.RatedAt) : null);
    }

    /// <summary>
    /// The portal's rating by number and query code: the input first (code, then rating and comment), then the lookup,
    /// which answers NotFound alike for an unknown number and a wrong code. The view is the tracking view after rating.
    /// </summary>
    public async Task<(RateOutcome Outcome, PublicAppealView? View)> RateByCodeAsync(string number, string? code, CitizenRatingValue? rating, string? comment,
        CancellationToken ct)
    {
        new FieldErrors().Text("code", code, "查询码", 20).ThrowIfAny();
        Validate(rating, comment);
        if (await tracking.FindAsync(number, code, ct) is not { } appeal) return (RateOutcome.NotFound, null);
        var outcome = await RateAsync(appeal, rating, comment, ct);
        return (outcome, outcome == RateOutcome.Rated ? tracking.View(appeal, await ForAsync(appeal.Id, ct)) : null);
    }

    public static void Validate(CitizenRatingValue? rating, string? comment)
    {
        var errors = new FieldErrors();
        if (rating is not { } value || !Enum.IsDefined(value)) errors.Add("rating", "请选择满意、基本满意或不满意。");
        errors.Text("comment", comment, "评价意见", CommentMax, required: false);
        errors.ThrowIfAny();
    }

    public async Task<RateOutcome> RateAsync(Appeal appeal, CitizenRatingValue? rating, string? comment, CancellationToken ct)
    {
        Validate(rating, comment);
        if (!MayRate(appeal)) return RateOutcome.NoReplyYet;
        me.ActAs(CitizenActor);
        try
        {
            return await commit.RunAsync(async notes =>
            {
                if (await db.Set<CitizenRating>().AnyAsync(r => r.AppealId == appeal.Id, ct)) return RateOutcome.AlreadyRated;
                db.Set<CitizenRating>().Add(new CitizenRating(appeal.Id, rating!.Value, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), clock.GetUtcNow()));
                notes.Record(AuditActions.AppealRate, appeal.Number, rating.Value.ToString());
                return RateOutcome.Rated;
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Two submissions at once: the unique appeal_id lets only the first in.
            db.ChangeTracker.Clear();
            if (await db.Set<CitizenRating>().AnyAsync(r => r.AppealId == appeal.Id, ct)) return RateOutcome.AlreadyRated;
            throw;
        }
    }
}
