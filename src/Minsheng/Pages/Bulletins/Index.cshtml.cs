using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;
using Minsheng.Features.Analysis.Bulletins;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Bulletins;

/// <summary>《民意参考》: the issues of the caller's jurisdiction (leaders: issued ones), and for analysts a new draft.</summary>
[Authorize(Roles = Roles)]
public sealed class IndexModel(Features.Analysis.Bulletins.Bulletins bulletins, CurrentUser me) : AppPage
{
    public const string Roles = "Analyst,Supervisor,Leader";

    public IReadOnlyList<BulletinSummary> Issues { get; private set; } = [];
    public bool MayDraft => me.Role == Role.Analyst;
    [BindProperty] public string? IssuingOffice { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Issues = await bulletins.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        BulletinSummary? created = null;
        if (await TryAsync(async () => created = await bulletins.CreateAsync(IssuingOffice, ct)))
            return Done("已新建一期《民意参考》草稿，请添加条目。", $"/bulletins/{created!.Id}");
        Issues = await bulletins.ListAsync(ct);
        return Page();
    }
}
