using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals.Actions;
using Minsheng.Features.Audit;
using Minsheng.Features.Knowledge;
using Minsheng.Features.TimeLimits;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Appeals;

/// <summary>
/// Runs one workflow action as one audited commit: load the appeal within the caller's scope (null: 404), check the
/// client's version (409), validate the body (400 naming the fields), apply the action's code, whose domain method
/// checks role, party and status (403, 409), and record "appeal.&lt;Action&gt;". The API and the pages both come here.
/// </summary>
public sealed class AppealCommands(MinshengDb db, AppealScope scope, CurrentUser me, AuditedCommit commit, TimeProvider clock,
    UnitTree units, TimeLimitCache timeLimits, IOptions<DirectAnswerSettings> directAnswer)
{
    public Task<Appeal?> RunAsync(long id, WorkflowAction action, ActionRequest request, CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            var appeal = await scope.Visible().Include(a => a.CoUnits).FirstOrDefaultAsync(a => a.Id == id, ct);
            if (appeal is null) return null;
            if (request.Version is { } v && v != appeal.Version) throw new DbUpdateConcurrencyException("stale version");
            var run = new ActionRun(appeal, me.ToActor(), clock.GetUtcNow(), timeLimits.Schedule, directAnswer.Value, units, db, scope, notes, ct);
            var errors = new FieldErrors();
            request.Validate(errors);
            await action.CheckAsync(run, request, errors);
            errors.ThrowIfAny();
            await action.ApplyAsync(run, request);
            // The timeline holds only this change's entries (it is not loaded): the last one is the action recorded.
            var recorded = appeal.Timeline.LastOrDefault()?.Action ?? action.Action;
            notes.Record(AuditActions.ForWorkflow(recorded), appeal.Number, appeal.Status.ToString());
            return appeal;
        }, ct);

    /// <summary>Loads an appeal with everything the detail view shows, within scope.</summary>
    public Task<Appeal?> LoadAsync(long id, CancellationToken ct) =>
        scope.Visible().AsNoTracking().AsSplitQuery()
            .Include(a => a.CoUnits).Include(a => a.Timeline).Include(a => a.Attachments)
            .FirstOrDefaultAsync(a => a.Id == id, ct);
}
