using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Features.Analysis.HotTopics;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Analysis;

/// <summary>One topic: its figures, its appeals (masked, linked), its edit history, and the analyst's edit forms.</summary>
[Authorize(Roles = HotTopics.ReadRoles)]
public sealed class TopicsDetailModel(HotTopics topics) : AppPage
{
    public TopicDetailView Detail { get; private set; } = null!;

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public long? OtherTopicId { get; set; }
    [BindProperty] public long[]? AppealIds { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        try
        {
            if (await topics.DetailAsync(id, ct) is not { } d) return NotFound();
            Detail = d;
            return Page();
        }
        catch (OutOfScopeException)
        {
            return Forbid(); // another jurisdiction's topic: the "no access" page, as for a wrong role
        }
    }

    public async Task<IActionResult> OnPostEditAsync(long id, CancellationToken ct)
    {
        TopicDetailView? landed = null;
        if (await TryAsync(async () => landed = await topics.EditAsync(id, new TopicEditRequest(Kind, Title, OtherTopicId, AppealIds), ct)))
        {
            if (landed is null) return NotFound();
            return Done($"已{Minsheng.Infrastructure.Labels.TopicEdit(Enum.Parse<TopicEditKind>(Kind!, true))}：{landed.Topic.Title}", $"/analysis/topics/{landed.Topic.Id}");
        }
        return await OnGetAsync(id, ct);
    }
}
