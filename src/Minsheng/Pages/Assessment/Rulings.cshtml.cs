using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Organization;
using Minsheng.Features.Assessment;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Assessment;

/// <summary>申诉审核: the office's queue (pending first) with uphold/reject and a reason; leaders and analysts read it.</summary>
[Authorize(Roles = AssessmentAccess.ReaderRoles)]
public sealed class RulingsModel(ScoreAppeals appeals, CurrentUser me) : AppPage
{
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty] public long? AppealId { get; set; }
    [BindProperty] public string? Verdict { get; set; }
    [BindProperty] public string? Ruling { get; set; }

    public IReadOnlyList<ScoreAppealView> Items { get; private set; } = [];
    public bool MayRule => me.Role == Role.Supervisor;

    public async Task OnGetAsync(CancellationToken ct) => Items = await appeals.QueueAsync(null, !All, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ScoreAppealView? done = null;
        bool? uphold = Verdict switch { "uphold" => true, "reject" => false, _ => null };
        if (await TryAsync(async () => done = await appeals.RuleAsync(new RulingRequest(AppealId, uphold, Ruling), ct)) && done is not null)
            return Done($"已审核：{done.UnitName}“{done.ItemLabel}”{done.StatusLabel}。");
        if (done is null && Banner is null && ModelState.IsValid) Banner = "申诉不存在，或不在您的查看范围内。";
        Items = await appeals.QueueAsync(null, !All, ct);
        return Page();
    }
}
