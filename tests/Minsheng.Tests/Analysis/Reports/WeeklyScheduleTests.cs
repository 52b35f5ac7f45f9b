using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Analysis.Reports;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Analysis.Reports;

/// <summary>The Monday 08:00 job: which week is due, one draft per week and jurisdiction however often it runs.</summary>
public sealed class WeeklyScheduleTests
{
    private static DateTimeOffset China(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(11, 23, 7, 59, "2026-W46")]  // Monday before 08:00: last week's report is not due yet
    [InlineData(11, 23, 8, 0, "2026-W47")]   // Monday 08:00: the week of 16–22 November
    [InlineData(11, 29, 23, 59, "2026-W47")] // still due on Sunday (a pass missed on Monday catches up)
    [InlineData(1, 4, 8, 0, "2025-W52")]     // Sunday 4 January 2026 lies in ISO week 2026-W01 (from 29 December): W52 of 2025 is due
    [InlineData(1, 5, 8, 0, "2026-W01")]
    public void The_due_week_turns_on_monday_at_eight_china_time(int month, int day, int hour, int minute, string week) =>
        WeeklySchedule.DueWeek(China(month, day, hour, minute)).ShouldBe(week);

    [Fact]
    public void Iso_weeks_map_to_monday_to_sunday()
    {
        var p = IsoWeeks.Period("2026-W47");
        (p.From, p.To).ShouldBe((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22)));
        IsoWeeks.Period("2026-W01").From.ShouldBe(new DateOnly(2025, 12, 29));
        IsoWeeks.Of(new DateOnly(2026, 11, 22)).ShouldBe("2026-W47");
        Should.Throw<Minsheng.Domain.DomainValidationException>(() => IsoWeeks.Period("2026-W54"));
    }

    [Fact]
    public async Task Drafts_once_per_week_and_jurisdiction_on_the_fake_clock()
    {
        await using var app = await TestApp.StartAsync();           // Monday 16 November 09:30 China time
        async Task<int> Pass()
        {
            using var scope = app.App.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<WeeklySchedule>().RunAsync(default);
        }

        (await Pass()).ShouldBe(1);                                  // W46 for the test county (its only jurisdiction)
        (await Pass()).ShouldBe(0);                                  // the same week again: nothing
        app.Clock.Advance(new TimeSpan(6, 22, 29, 0));               // Monday 23 November 07:59
        (await Pass()).ShouldBe(0);
        app.Clock.Advance(TimeSpan.FromMinutes(1));                  // 08:00
        (await Pass()).ShouldBe(1);
        (await Pass()).ShouldBe(0);

        using var scope = app.App.Services.CreateScope();
        var reports = await scope.ServiceProvider.GetRequiredService<MinshengDb>().Set<Report>().AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        reports.Select(r => r.IsoWeek).ShouldBe(["2026-W46", "2026-W47"]);
        reports.ShouldAllBe(r => r.Status == ReportStatus.Draft && r.CreatedBy == "system" && r.Kind == ReportKind.Weekly);

        // An analyst asking for a scheduled week gets the scheduled draft, not a second one.
        using var analyst = await app.ClientFor("analyst");
        var view = await analyst.Post("/api/reports", new { period = "2026-W47" }).Expect<ReportView>(System.Net.HttpStatusCode.OK);
        view.Report.Id.ShouldBe(reports[1].Id);
    }
}
