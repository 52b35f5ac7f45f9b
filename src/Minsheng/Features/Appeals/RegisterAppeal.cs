using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Appeals;

/// <summary>
/// Registers an appeal from any channel: checks the ids it refers to, draws its number and commits it
/// with its audit entry in one transaction. When this returns, the appeal is on disk.
/// </summary>
public sealed class RegisterAppeal(MinshengDb db, UnitTree units, AppealNumbers numbers, AuditLog audit, TimeProvider clock)
{
    public Task<Appeal> ExecuteAsync(AppealDraft draft, Actor actor, CancellationToken ct) => ExecuteAsync(draft, actor, [], ct);

    /// <param name="attachments">
    /// Files that arrive with the appeal. Their bytes are the caller's to store: entities the caller has already
    /// added to this unit of work are saved by the same SaveChanges, so appeal, attachments and bytes commit together.
    /// </param>
    public async Task<Appeal> ExecuteAsync(AppealDraft draft, Actor actor, IReadOnlyList<Attachment> attachments, CancellationToken ct)
    {
        draft.Validate();
        await CheckReferencesAsync(draft, ct);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var number = await numbers.NextAsync(now, ct);
        var appeal = Appeal.Register(draft, number, AppealNumbers.NewQueryCode(), actor, now, attachments);
        db.Appeals.Add(appeal);
        await audit.AppendAsync(actor.Name, "appeal.register", "appeal", number, draft.Channel.ToString(), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return appeal;
    }

    private async Task CheckReferencesAsync(AppealDraft draft, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (draft.CategoryId is { } c && !await db.Categories.AnyAsync(x => x.Id == c && x.Active, ct))
            errors.Add("categoryId", "分类不存在。");
        if (draft.RegionUnitId is { } r && units.Find(r) is not { Active: true })
            errors.Add("regionUnitId", "所属区域不存在。");
        if (draft.SubjectUnitId is { } s && units.Find(s) is not { Active: true })
            errors.Add("subjectUnitId", "被反映单位不存在。");
        errors.ThrowIfAny();
    }
}
