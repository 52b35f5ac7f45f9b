using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Calendar;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Unit;

/// <summary>
/// 办理台账: every appeal the unit led that was dispatched in a period, with its outcome — what a unit hands in at
/// the end of a month. Shown as a table and exported as an Excel workbook.
/// </summary>
[Authorize(Roles = "UnitHandler,UnitHead")]
public sealed class LedgerModel(AppealScope scope, AppealPresenter presenter, UnitQueues queues, UnitTree units, CurrentUser me, TimeProvider clock) : AppPage
{
    public const int MaxDays = 366;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public AppealPage? Results { get; private set; }
    public string UnitName => units.NameOf(me.UnitId);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Period(out var query)) return;
        Results = await AppealPage.ReadAsync(query.OrderByDescending(a => a.DispatchedAt).ThenByDescending(a => a.Id), PageNumber, presenter, ct);
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!Period(out var query)) return Page();
        var rows = await query.OrderBy(a => a.DispatchedAt).ThenBy(a => a.Id).Take(50_000).AsNoTracking().ToListAsync(ct);
        var summaries = await presenter.SummariesAsync(rows, ct);
        var now = clock.GetUtcNow();
        var sheet = LedgerSheet.Rows(rows, summaries, now);
        // Written into a buffer and sent from it: the zip writer writes synchronously, which the response body refuses.
        var file = new MemoryStream();
        Infrastructure.Export.XlsxWriter.Write(file, "办理台账", LedgerSheet.Headers, sheet);
        file.Position = 0;
        var name = $"办理台账_{UnitName}_{From:yyyyMMdd}-{To:yyyyMMdd}.xlsx";
        return File(file, Infrastructure.Export.XlsxWriter.ContentType, name);
    }

    /// <summary>The unit's appeals dispatched within [From, To] (default: this month so far); false with field errors when the period is wrong.</summary>
    private bool Period(out IQueryable<Appeal> query)
    {
        query = scope.Visible().Where(_ => false);
        if (!ModelState.IsValid) return false; // a date the binder could not read is named next to its field
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        From ??= new DateOnly(today.Year, today.Month, 1);
        To ??= today;
        var errors = new FieldErrors();
        if (!DateBounds.Sane(From.Value)) errors.Add("from", DateBounds.Message);
        else if (!DateBounds.Sane(To.Value)) errors.Add("to", DateBounds.Message);
        else if (From > To) errors.Add("from", "开始日期不能晚于结束日期。");
        else if (To.Value.DayNumber - From.Value.DayNumber >= MaxDays) errors.Add("to", $"一次最多查询 {MaxDays} 天。");
        if (!Accept(errors)) return false;
        var start = ChinaTime.At(From.Value, TimeOnly.MinValue);
        var end = ChinaTime.EndOfDay(To.Value);
        query = queues.Led(scope.Visible()).Where(a => a.DispatchedAt >= start && a.DispatchedAt <= end);
        return true;
    }
}
