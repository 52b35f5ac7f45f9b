using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Features.Appeals.Actions;
using Minsheng.Features.Triage;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Appeals;

/// <summary>
/// The staff page of one appeal: facts, clocks, complainant (masked or withheld), timeline, and a form for every
/// action the viewer may take now. Each form is a workflow action's descriptor (Features/Appeals/Actions), bound to that
/// action's own request and run through AppealCommands exactly as the API runs it.
/// </summary>
public sealed class DetailModel(AppealCommands commands, AppealPresenter presenter, ComplainantAccess access,
    CurrentUser me, UnitTree units, MinshengDb db, TriageSuggestions triage, AppealScope scope, Features.Public.CitizenRatings ratings) : AppPage
{
    public AppealDetail Detail { get; private set; } = null!;
    public IReadOnlyList<WorkflowAction> Actions { get; private set; } = [];
    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];
    /// <summary>The counties below a city desk, for 交办下级; empty for a county's own desk.</summary>
    public IReadOnlyList<UnitInfo> Counties { get; private set; } = [];
    public string JurisdictionName(UnitInfo u) => units.JurisdictionOf(u.Id)?.Name ?? "";
    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public TriageSuggestionsView? Suggestions { get; private set; }
    /// <summary>The action whose form failed, re-opened with its errors.</summary>
    public string? OpenAction { get; private set; }
    /// <summary>What was posted to the form that failed, shown again; null when no form failed.</summary>
    public ActionRequest? Input { get; private set; }
    public string? TargetNumber { get; private set; }
    public bool Revealed { get; private set; }
    /// <summary>The citizen's own rating of the reply from the portal, when given.</summary>
    public Features.Public.CitizenRating? Rating { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) is not null ? Page() : NotFound();

    public async Task<IActionResult> OnPostActAsync(long id, string? slug, string? targetNumber, CancellationToken ct)
    {
        if (WorkflowActions.Find(slug) is not { } action) return BadRequest();
        // The form posts the action's own fields; the binder names any it cannot read (a number that is not one).
        var input = action.NewRequest();
        await TryUpdateModelAsync(input, action.RequestType, "");
        // The merge form asks for the target's number, which people read off the screen, not its internal id.
        if (input is MergeRequest merge && !string.IsNullOrWhiteSpace(targetNumber))
        {
            var target = await scope.Visible().Where(a => a.Number == targetNumber.Trim()).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
            input = merge with { TargetId = target ?? 0 };
        }
        Appeal? saved = null;
        var ok = await TryAsync(async () => saved = await commands.RunAsync(id, action, input, ct));
        if (ok && saved is null) return NotFound();
        if (ok)
        {
            // An action can move the appeal out of the actor's scope (a return handed back to the desk).
            var stillVisible = await scope.Visible().AnyAsync(a => a.Id == id, ct);
            return Done($"已完成“{action.Label}”：{saved!.Number}", stillVisible ? null : Nav.Home(me.Role));
        }
        OpenAction = action.Slug;
        Input = input;
        TargetNumber = targetNumber;
        return await LoadAsync(id, ct) is not null ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevealAsync(long id, string? reason, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is not { } appeal) return NotFound();
        CitizenView? citizen = null;
        if (!await TryAsync(async () => citizen = await access.RevealAsync(appeal, reason, ct)))
        {
            OpenAction = "reveal";
            return Page();
        }
        if (citizen is null) Banner = "无权查阅：" + ComplainantAccess.Refusal;
        else
        {
            // The logged 查阅 shows the free text as written too, not only the identity fields.
            Detail = await presenter.DetailAsync(appeal, ct, unmasked: true);
            ReplyDraftForEdit = appeal.ReplyDraft;
            Revealed = true;
        }
        return Page();
    }

    /// <summary>
    /// The reply draft to edit: as written when the viewer sees it as written, otherwise only if masking left it
    /// unchanged, so a resubmitted draft never carries 139****2222 in place of the number (查阅 first to edit it).
    /// </summary>
    public string? ReplyDraftForEdit { get; private set; }

    /// <summary>A root dispatcher may send an appeal to the unit it is about, with a reason.</summary>
    public bool MayOverrideSubject => units.IsRoot(me.UnitId);

    private long? _subject;

    /// <summary>The unit lies in the subtree of the unit this appeal is about.</summary>
    public bool IsSubjectSubtree(long unitId) => _subject is { } s && units.IsWithin(unitId, s);

    /// <summary>Loads what the page shows; the appeal, or null when it is outside the viewer's scope.</summary>
    private async Task<Appeal?> LoadAsync(long id, CancellationToken ct)
    {
        if (await commands.LoadAsync(id, ct) is not { } appeal) return null;
        Detail = await presenter.DetailAsync(appeal, ct);
        ReplyDraftForEdit = Detail.ReplyDraft == appeal.ReplyDraft ? appeal.ReplyDraft : null;
        _subject = appeal.SubjectUnitId;
        Rating = await ratings.ForAsync(appeal.Id, ct);
        Actions = appeal.ActionsFor(me.ToActor()).Select(a => WorkflowActions.Recording(a)!).Distinct().ToList();
        Counties = units.All.Where(u => u.Active && u.Kind == UnitKind.County && u.Id != me.UnitId && me.Covers(u.Id)).OrderBy(u => u.Code).ToList();
        if (Counties.Count == 0) Actions = Actions.Where(a => a.Action != AppealAction.HandDown).ToList();
        if (Actions.Any(a => a.Action == AppealAction.Dispatch))
        {
            // Only units of the dispatcher's own jurisdiction: a county never dispatches into the next county.
            Units = units.All.Where(u => u.Active && !u.Kind.IsJurisdiction() && u.Kind != UnitKind.Village && me.Covers(u.Id))
                .OrderBy(u => u.Path.Count(c => c == '/')).ThenBy(u => u.Kind).ThenBy(u => u.Code).ToList();
            Categories = await db.Categories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Code).ToListAsync(ct);
            Suggestions = await triage.SuggestAsync(SuggestionFor(appeal), ct, neighbours: false);
        }
        return appeal;
    }

    /// <summary>Near-duplicates and repeat callers, fetched by the page after it shows (htmx), as they take longest.</summary>
    public async Task<IActionResult> OnGetNeighboursAsync(long id, CancellationToken ct)
    {
        // Same roles as GET /api/appeals/{id}/suggestions.
        if (me.Role is not (Role.Operator or Role.Dispatcher)) return Forbid();
        if (await commands.LoadAsync(id, ct) is not { } appeal) return NotFound();
        return Partial("_Neighbours", await triage.SuggestAsync(SuggestionFor(appeal), ct));
    }

    private SuggestionInput SuggestionFor(Appeal appeal) =>
        new(appeal.Title, appeal.Content, presenter.MaySeeComplainant(appeal) ? appeal.CitizenPhone : null, appeal.Address,
            appeal.RegionUnitId, appeal.CategoryId, appeal.Id);

    /// <summary>The field's errors belong to the form that was posted, not to every form with a field of that name.</summary>
    public bool IsOpen(string slug) => OpenAction == slug;
}
