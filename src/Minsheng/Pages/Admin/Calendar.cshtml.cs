using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Organization;
using Minsheng.Features.TimeLimits;

namespace Minsheng.Pages.Admin;

/// <summary>工作日历: the year's rest days and make-up working days, and the county's own corrections of single days.</summary>
[Authorize(Roles = nameof(Role.Admin))]
public sealed class CalendarModel(TimeLimitAdmin limits, TimeProvider clock) : AdminPage
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }

    public int ShownYear { get; private set; }
    public IReadOnlyList<CalendarDayView> Days { get; private set; } = [];
    public CalendarStatus Status { get; private set; } = new([], null);
    public DateOnly Today { get; private set; }

    public bool? IsWorkingDay { get; private set; }
    public string? Name { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // Picking a day fills the form with what the calendar says about it now.
        if (Days.FirstOrDefault(d => d.Date == Date) is { } day) (IsWorkingDay, Name) = (!day.IsWorkingDay, day.Overridden ? day.Name : null);
    }

    public async Task<IActionResult> OnPostSetAsync(bool? isWorkingDay, string? name, CancellationToken ct)
    {
        (IsWorkingDay, Name) = (isWorkingDay, name);
        var ok = await TryAsync(() => limits.SetDayAsync(Date ?? "", new CalendarDayRequest(isWorkingDay, name), ct));
        if (ok) return Done($"已将 {Date} 设为{(isWorkingDay == true ? "工作日" : "休息日")}（{name!.Trim()}）。", Url.Page(null, new { year = YearOf(Date) }));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        var removed = false;
        var ok = await TryAsync(async () => removed = await limits.RemoveDayAsync(Date ?? "", ct));
        if (ok && removed) return Done($"已取消 {Date} 的自定义设置，恢复国家日历。", Url.Page(null, new { year = YearOf(Date) }));
        if (ok) Gone("该日的自定义设置");
        await LoadAsync(ct);
        return Page();
    }

    private int? YearOf(string? date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d.Year : Year;

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = ChinaTime.DateOf(clock.GetUtcNow());
        Status = limits.Status();
        ShownYear = Year is >= 2000 and <= 2099 ? Year.Value : YearOf(Date) is >= 2000 and <= 2099 ? YearOf(Date)!.Value : Today.Year;
        if (Year is not null && Year != ShownYear) ModelState.AddModelError("year", "年份应在 2000 到 2099 之间。");
        Days = await limits.CalendarAsync(ShownYear, ct);
    }
}
