using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Public;

public enum RateOutcome
{
    Rated,
    NoReplyYet,
    AlreadyRated,
}

/// <summary>The citizen's own rating of the answer (满意/基本满意/不满意), once per appeal, after the reply is out.</summary>
public sealed class CitizenRatings(MinshengDb db, AuditedCommit commit, CurrentUser me, TimeProvider clock)
{
    public const int CommentMax = 500;

    /// <summary>
    /// The audit actor of a rating: the citizen is not signed in, and holding the number and query code is all we know.
    /// Ratings before this name were recorded as "群众"; nothing reads the actor back, so the chain verifies either way.
    /// </summary>
    public const string CitizenActor = "citizen";

    public static bool MayRate(Appeal a) => a.Status is AppealStatus.Replied or AppealStatus.Closed && a.Reply is not null;

    /// <summary>Kept for the appeal page (another area's file) until it reads <see cref="Labels.Rating"/> itself.</summary>
    public static string Label(CitizenRatingValue r) => Labels.Rating(r);

    public Task<CitizenRating?> ForAsync(long appealId, CancellationToken ct) =>
        db.Set<CitizenRating>().AsNoTracking().FirstOrDefaultAsync(r => r.AppealId == appealId, ct);

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
