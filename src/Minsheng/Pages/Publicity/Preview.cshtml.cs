using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Features.Public;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Publicity;

/// <summary>The redacted preview of one closed appeal, editable before it is published.</summary>
[Authorize(Roles = "Publicity")]
public sealed class PreviewModel(Features.Public.Publicity publicity) : AppPage
{
    public CasePreview Preview { get; private set; } = null!;
    public bool AlreadyPublished { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty(Name = "content")] public string? Body { get; set; }
    [BindProperty] public string? Reply { get; set; }

    public async Task<IActionResult> OnGetAsync(long appealId, CancellationToken ct)
    {
        if (!await LoadAsync(appealId, ct)) return NotFound();
        Title = Preview.Title;
        Body = Preview.Content;
        Reply = Preview.Reply;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long appealId, CancellationToken ct)
    {
        if (!await LoadAsync(appealId, ct)) return NotFound();
        var outcome = PublishOutcome.Published;
        PublishedCase? row = null;
        // A field the officer emptied is sent as "" so it is reported, not silently replaced by the preview.
        if (!await TryAsync(async () => (outcome, row) = await publicity.PublishAsync(new PublishRequest(appealId, Title ?? "", Body ?? "", Reply ?? ""), ct)))
            return Page();
        if (outcome == PublishOutcome.NotFound) return NotFound();
        if (outcome == PublishOutcome.AlreadyPublished)
        {
            Banner = "该诉求已经公开。如需修改，请先在“已公开”中撤回后再公开。";
            AlreadyPublished = true;
            return Page();
        }
        return Done($"已公开：{row!.Title}", "/publicity?tab=published");
    }

    private async Task<bool> LoadAsync(long appealId, CancellationToken ct)
    {
        if (await publicity.PreviewAsync(appealId, ct) is not { } preview) return false;
        Preview = preview;
        AlreadyPublished = await publicity.IsPublishedAsync(appealId, ct);
        return true;
    }
}
