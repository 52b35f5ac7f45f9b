using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Features.Analysis.Priorities;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Analysis.Monthly;

/// <summary>One 每月一题: measures, milestones, progress, the before/after volume, and the forms each role may use.</summary>
[Authorize(Roles = IndexModel.Roles)]
public sealed class DetailModel(MonthlyPriorities priorities) : AppPage
{
    public PriorityDetail Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostMilestoneAsync(long id, string? title, DateOnly? dueOn, CancellationToken ct) =>
        Act(id, () => priorities.AddMilestoneAsync(id, new MilestoneRequest(title, dueOn), ct), "已添加节点。", ct);

    public Task<IActionResult> OnPostDoneAsync(long id, long milestoneId, string? note, CancellationToken ct) =>
        Act(id, () => priorities.CompleteMilestoneAsync(id, milestoneId, new MilestoneDoneRequest(note), ct), "节点已完成。", ct);

    public Task<IActionResult> OnPostProgressAsync(long id, string? text, CancellationToken ct) =>
        Act(id, () => priorities.ReportAsync(id, new ProgressRequest(text), ct), "进展已报送。", ct);

    public Task<IActionResult> OnPostCompleteAsync(long id, string? result, CancellationToken ct) =>
        Act(id, () => priorities.CompleteAsync(id, new CompleteRequest(result), ct), "每月一题已办结。", ct);

    public Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) =>
        Act(id, () => priorities.PublishAsync(id, ct), "已在门户“每月一题”栏目公开。", ct);

    private async Task<IActionResult> Act(long id, Func<Task<PriorityDetail?>> action, string message, CancellationToken ct)
    {
        PriorityDetail? result = null;
        if (await TryAsync(async () => result = await action()))
            return result is null ? NotFound() : Done(message, $"/analysis/monthly/{id}");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        if (await priorities.GetAsync(id, ct) is not { } item) return false;
        Item = item;
        return true;
    }
}
