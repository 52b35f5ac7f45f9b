using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Features.Appeals;
using Minsheng.Features.Public;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Publicity;

/// <summary>案例公开: closed appeals waiting for publication, and the published ones that can be withdrawn.</summary>
[Authorize(Roles = "Publicity")]
public sealed class IndexModel(Features.Public.Publicity publicity) : AppPage
{
    public const int Size = 20;

    public bool PublishedTab { get; private set; }
    /// <summary>直接办结 tab: appeals the desk closed with a direct answer, shown only when the officer asks for them.</summary>
    public bool DirectTab { get; private set; }
    public string? Q { get; private set; }
    public Page<PublicationCandidate> Candidates { get; private set; } = new([], 0, 1, Size);
    public Page<PublishedCaseRow> Published { get; private set; } = new([], 0, 1, Size);

    public async Task OnGetAsync(string? tab, string? q, int? p, CancellationToken ct)
    {
        PublishedTab = tab == "published";
        DirectTab = tab == "direct";
        Q = q?.Trim() is { Length: > 0 } t ? t[..Math.Min(t.Length, 100)] : null;
        var page = Math.Clamp(p ?? 1, 1, Features.Appeals.AppealFilter.MaxPage);
        if (PublishedTab) Published = await publicity.PublishedAsync(Q, page, Size, ct);
        else Candidates = await publicity.CandidatesAsync(Q, page, Size, ct, directAnswers: DirectTab);
    }

    public async Task<IActionResult> OnPostUnpublishAsync(long id, CancellationToken ct)
    {
        if (!await publicity.UnpublishAsync(id, ct)) return NotFound();
        return Done("已撤回公开，该案例不再在门户网站显示。", "/publicity?tab=published");
    }

    public int Total => PublishedTab ? Published.Total : Candidates.Total;
    public int PageNumber => PublishedTab ? Published.PageNumber : Candidates.PageNumber;
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    public string Link(int page) =>
        $"/publicity?{(PublishedTab ? "tab=published&" : DirectTab ? "tab=direct&" : "")}{(Q is null ? "" : $"q={Uri.EscapeDataString(Q)}&")}p={page}";
}
