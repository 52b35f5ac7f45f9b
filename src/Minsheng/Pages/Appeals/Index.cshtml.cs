using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Calendar;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Appeals;

/// <summary>诉求查询: every role that sees appeals searches its own scope (admins see none, as in the API).</summary>
[Authorize(Roles = "Operator,Dispatcher,UnitHandler,UnitHead,Supervisor,Analyst,Leader,Publicity")]
public sealed class IndexModel(AppealScope scope, AppealPresenter presenter, Data.MinshengDb db) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public AppealPage? Results { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (From is { } f0 && !DateBounds.Sane(f0)) ModelState.AddModelError("from", DateBounds.Message);
        if (To is { } t0 && !DateBounds.Sane(t0)) ModelState.AddModelError("to", DateBounds.Message);
        if (!ModelState.IsValid)
        {
            Banner = "填写内容有误，请按提示修改后再查询。";
            return;
        }
        var filter = new AppealFilter(Blank(Status), null, null, Blank(Channel), Blank(Type), null,
            From is { } f ? ChinaTime.At(f, TimeOnly.MinValue) : null, To is { } t ? ChinaTime.EndOfDay(t) : null, Q, 1, AppealPage.DefaultSize);
        await TryAsync(async () =>
        {
            filter.Validate();
            Results = await AppealPage.ReadAsync(filter, scope.Visible(), db, PageNumber, presenter, ct);
        });
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
