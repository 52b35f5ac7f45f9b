using Minsheng.Features.Appeals;
using Minsheng.Features.Public;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Portal;

/// <summary>办理公开: published cases, newest first, with a text search.</summary>
public sealed class CasesModel(PublishedCases cases, PortalJurisdictions portal) : PortalPage(portal)
{
    public const int Size = 10;

    public string? Q { get; private set; }
    public Page<PublicCaseSummary> Result { get; private set; } = new([], 0, 1, Size);

    public async Task OnGetAsync(string? q, int? p, CancellationToken ct)
    {
        Q = q?.Trim();
        if (Q is { Length: > PublishedCases.QueryMax }) Q = Q[..PublishedCases.QueryMax];
        Result = await cases.ListAsync(Q, Math.Clamp(p ?? 1, 1, AppealFilter.MaxPage), Size, ct, County);
    }

    public int Pages => Math.Max(1, (Result.Total + Size - 1) / Size);

    public string Link(int page) => Href($"/cases?{(string.IsNullOrEmpty(Q) ? "" : $"q={Uri.EscapeDataString(Q)}&")}p={page}");
}
