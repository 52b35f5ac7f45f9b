using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Appeals;

/// <summary>
/// Registers an appeal from any channel: checks the ids it refers to, draws its number and commits it
/// with its audit entry in one transaction. When this returns, the appeal is on disk.
/// </summary>
public sealed class RegisterAppeal(MinshengDb db, UnitTree units, AppealNumbers numbers, AuditedCommit commit, CurrentUser me, TimeProvider clock)
{
    public Task<Appeal> ExecuteAsync(AppealDraft draft, Actor actor, CancellationToken ct) => ExecuteAsync(draft, actor, [], ct);

    /// <summary>
    /// The county or city that owns a new appeal: the one its region lies in; else the registering staff member's;
    /// else (the portal) the one the citizen picked, or the deployment's only root.
    /// </summary>
    public long? JurisdictionFor(AppealDraft draft, Actor actor, long? picked) =>
        draft.RegionUnitId is { } r && units.JurisdictionOf(r) is { } fromRegion ? fromRegion.Id
        : actor.UnitId is { } u && units.JurisdictionOf(u) is { } fromStaff ? fromStaff.Id
        : picked ?? units.DefaultJurisdiction()?.Id;

    /// <param name="attachments">
    /// Files that arrive with the appeal. Their bytes are the caller's to store: entities the caller has already
    /// added to this unit of work are saved by the same SaveChanges, so appeal, attachments and bytes commit together.
    /// </param>
    /// <param name="jurisdictionId">The county a portal visitor picked; staff register into their own jurisdiction.</param>
    public async Task<Appeal> ExecuteAsync(AppealDraft draft, Actor actor, IReadOnlyList<Attachment> attachments, CancellationToken ct,
        long? jurisdictionId = null)
    {
        draft.Validate();
        await CheckReferencesAsync(draft, actor, jurisdictionId, ct);
        var now = clock.GetUtcNow();
        // A portal citizen is nobody signed in; the chain names them as the timeline does (群众). Staff are their username.
        if (actor.UserId is null && !me.IsAuthenticated) me.ActAs(actor.Name);
        return await commit.RunAsync(async notes =>
        {
            var number = await numbers.NextAsync(now, ct);
            var appeal = Appeal.Register(draft, number, AppealNumbers.NewQueryCode(), actor, now, attachments, JurisdictionFor(draft, actor, jurisdictionId));
            db.Appeals.Add(appeal);
            notes.Record(AuditActions.AppealRegister, number, draft.Channel.ToString());
            return appeal;
        }, ct);
    }

    private async Task CheckReferencesAsync(AppealDraft draft, Actor actor, long? picked, CancellationToken ct)
    {
        var errors = new FieldErrors();
        // Staff register within their own jurisdiction; a county's desk cannot file into the next county.
        var home = actor.UnitId is { } u ? units.JurisdictionOf(u) : null;
        if (draft.RegionUnitId is { } r && units.Find(r) is not { Active: true }) errors.Add("regionUnitId", "所属区域不存在。");
        else if (draft.RegionUnitId is { } region && home is not null && !units.IsWithin(region, home.Id))
            errors.Add("regionUnitId", "所属区域不在本辖区内。");
        if (draft.SubjectUnitId is { } s && units.Find(s) is not { Active: true }) errors.Add("subjectUnitId", "被反映单位不存在。");
        else if (draft.SubjectUnitId is { } subject && home is not null && !units.IsWithin(subject, home.Id) && !units.IsWithin(home.Id, subject))
            errors.Add("subjectUnitId", "被反映单位不在本辖区内。");
        if (picked is { } p && !IsJurisdiction(units.Find(p)))
            errors.Add("jurisdictionId", "所选县（区）不存在。");
        if (draft.CategoryId is { } c && !await db.Categories.AnyAsync(x => x.Id == c && x.Active, ct))
            errors.Add("categoryId", "分类不存在。");
        errors.ThrowIfAny();
    }

    private static bool IsJurisdiction(UnitInfo? u) => u is { Active: true } && (u.Kind.IsJurisdiction() || u.ParentId is null);
}
