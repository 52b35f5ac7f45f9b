using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Audit;

namespace Minsheng.Features.Public;

public enum RateOutcome
{
    Rated,
    NoReplyYet,
    AlreadyRated,
}

/// <summary>The citizen's own rating of the answer (满意/基本满意/不满意), once per appeal, after the reply is out.</summary>
public sealed class CitizenRatings(MinshengDb db, AuditLog audit, TimeProvider clock)
{
    public const int CommentMax = 500;

    public static bool MayRate(Appeal a) => a.Status is AppealStatus.Replied or AppealStatus.Closed && a.Reply is not null;

    public static string Label(CitizenRatingValue r) => r switch
    {
        CitizenRatingValue.Satisfied => "满意",
        CitizenRatingValue.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };

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
        if (await db.Set<CitizenRating>().AnyAsync(r => r.AppealId == appeal.Id, ct)) return RateOutcome.AlreadyRated;
        var row = new CitizenRating(appeal.Id, rating!.Value, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), clock.GetUtcNow());
        try
        {
            await db.WriteAsync(async () =>
            {
                db.Set<CitizenRating>().Add(row);
                await audit.AppendAsync("群众", "appeal.rate", "appeal", appeal.Number, rating.Value.ToString(), ct);
            }, ct);
        }
        catch (DbUpdateException)
        {
            // Two submissions at once: the unique appeal_id lets only the first in.
            db.ChangeTracker.Clear();
            if (await db.Set<CitizenRating>().AnyAsync(r => r.AppealId == appeal.Id, ct)) return RateOutcome.AlreadyRated;
            throw;
        }
        return RateOutcome.Rated;
    }
}
