using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Calendar;
using Minsheng.Features.Assessment;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Assessment;

/// <summary>季度/年度汇总 from frozen months (unit staff: published months).</summary>
[Authorize(Roles = AssessmentAccess.AllRoles)]
public sealed class RollupModel(AssessmentBoards boards, TimeProvider clock) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public long? J { get; set; }

    public RollupView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        Period ??= $"{today.Year}-Q{(today.Month - 1) / 3 + 1}";
        await TryAsync(async () => View = await boards.RollupAsync(J, Period, ct));
    }
}
