using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Instructions;
using Minsheng.Domain.Organization;
using Minsheng.Features.Analysis.Bulletins;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Bulletins;

/// <summary>
/// One issue: the analysts' editor while it is a draft (items from suggestions or searched appeals, edit, remove), the
/// review and issue buttons, and the leaders' read view with 批示 on each item — through the API's use case.
/// </summary>
[Authorize(Roles = IndexModel.Roles)]
public sealed class DetailModel(Features.Analysis.Bulletins.Bulletins bulletins, CurrentUser me) : AppPage
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    /// <summary>Search for appeals to draw an item from; empty lists the suggestions (建议).</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public BulletinView Bulletin { get; private set; } = null!;
    public IReadOnlyList<CandidateAppeal> Candidates { get; private set; } = [];
    public long? EditingItem { get; private set; }

    public bool IsDraft => Bulletin.Summary.Status != BulletinStatus.Issued;
    public bool MayEdit => me.Role == Role.Analyst && IsDraft && Bulletin.Summary.JurisdictionId == me.JurisdictionId;
    public bool MayReview => BulletinWorkflow.MayReviewOrIssue(me.Role) && Bulletin.Summary.Status == BulletinStatus.Draft;
    public bool MayIssue => BulletinWorkflow.MayReviewOrIssue(me.Role) && Bulletin.Summary.Status == BulletinStatus.Reviewed;
    public bool MayInstruct => me.Role == Role.Leader && Bulletin.Summary.Status == BulletinStatus.Issued;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddItemAsync(string? title, string? problem, string? recommendation, long[]? appealIds, string? topicRef, CancellationToken ct) =>
        RunAsync(() => bulletins.AddItemAsync(Id, new ItemDraftRequest(title, appealIds, topicRef, problem, recommendation), ct), "已添加条目。", ct);

    public Task<IActionResult> OnPostEditItemAsync(long itemId, string? title, string? problem, string? handling, string? recommendation, CancellationToken ct)
    {
        EditingItem = itemId;
        return RunAsync(() => bulletins.EditItemAsync(Id, itemId, new ItemEditRequest(title, problem, handling, recommendation), ct), "已保存条目。", ct);
    }

    public Task<IActionResult> OnPostRemoveItemAsync(long itemId, CancellationToken ct) =>
        RunAsync(async () => await bulletins.RemoveItemAsync(Id, itemId, ct) ? "" : null, "已删除条目。", ct);

    public Task<IActionResult> OnPostReviewAsync(CancellationToken ct) => RunAsync(() => bulletins.ReviewAsync(Id, ct), "已审核通过，可以签发。", ct);

    public Task<IActionResult> OnPostIssueAsync(CancellationToken ct) => RunAsync(() => bulletins.IssueAsync(Id, ct), "已签发，领导已收到通知。", ct);

    private async Task<IActionResult> RunAsync<T>(Func<Task<T?>> action, string done, CancellationToken ct) where T : class
    {
        var found = true;
        if (await TryAsync(async () => found = await action() is not null))
            return found ? Done(done, $"/bulletins/{Id}") : NotFound();
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await bulletins.GetAsync(Id, ct) is not { } b) return false;
        Bulletin = b;
        if (MayEdit) Candidates = await bulletins.CandidatesAsync(Q, ct);
        return true;
    }
}
