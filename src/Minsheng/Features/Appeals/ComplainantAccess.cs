using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Appeals;

/// <summary>
/// 查阅: reveals a complainant to a permitted viewer, with the reason written to the access log and the audit
/// chain in one transaction. The API and the appeal page both come here.
/// </summary>
public sealed class ComplainantAccess(MinshengDb db, AppealPresenter presenter, CurrentUser me, AuditedCommit commit, TimeProvider clock)
{
    public const string Refusal = "您无权查看该诉求人的身份信息。";

    /// <summary>The unmasked complainant, or null when this viewer may not see them; throws for a missing reason.</summary>
    public async Task<CitizenView?> RevealAsync(Appeal appeal, string? reason, CancellationToken ct)
    {
        new FieldErrors().Text("reason", reason, "查阅理由", 200).ThrowIfAny();
        if (!AppealPresenter.MayUnmask(me.Role) || !presenter.MaySeeComplainant(appeal)) return null;
        await commit.RunAsync(notes =>
        {
            db.AccessLog.Add(new AccessLogEntry(clock.GetUtcNow(), me.Id, me.Username, appeal.Id, reason!.Trim()));
            notes.Record(AuditActions.AppealUnmask, appeal.Number, reason.Trim());
            return Task.CompletedTask;
        }, ct);
        return presenter.Citizen(appeal, unmasked: true)!;
    }
}
