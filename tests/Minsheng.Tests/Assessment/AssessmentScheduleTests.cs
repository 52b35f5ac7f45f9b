using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Assessment;
using Minsheng.Features.Assessment;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Assessment;

/// <summary>The monthly job: drafts last month on the 1st with the window open, once however often it runs; closes expired windows.</summary>
public sealed class AssessmentScheduleTests
{
    [Fact]
    public async Task The_hourly_pass_drafts_last_month_once_and_closes_the_window_when_it_passes()
    {
        await using var app = await TestApp.StartAsync();
        app.Clock.Advance(TimeSpan.FromDays(16)); // Monday 2026-11-16 → 2026-12-02
        async Task<int> Run()
        {
            using var scope = app.App.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<AssessmentSchedule>().RunAsync(default);
        }
        (await Run()).ShouldBe(1);
        (await Run()).ShouldBe(0, "idempotent");
        using (var scope = app.App.Services.CreateScope())
        {
            var p = await scope.ServiceProvider.GetRequiredService<MinshengDb>().Set<AssessmentPeriod>().SingleAsync();
            p.Month.ShouldBe("2026-11");
            p.Status.ShouldBe(PeriodStatus.Contesting);
            p.ContestUntil.ShouldBe(new DateOnly(2026, 12, 8), "5 working days from Wednesday 2 December");
        }
        using var head = await app.ClientFor("housing-head");
        (await head.Expect("/api/assessment/sheet?month=2026-11"))["period"]!["status"]!.GetValue<string>().ShouldBe("Contesting");

        app.Clock.Advance(TimeSpan.FromDays(7)); // 2026-12-09
        await Run();
        using (var scope = app.App.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<MinshengDb>().Set<AssessmentPeriod>().SingleAsync()).Status.ShouldBe(PeriodStatus.Ruling);
    }

    [Fact]
    public async Task Bad_requests_name_their_fields_and_roles_are_kept_apart()
    {
        await using var app = await TestApp.StartAsync();
        using var office = await app.ClientFor("supervisor");
        (await office.Post("/api/assessment/cycle", new { month = "2026-13", action = "dance" }).Expect(HttpStatusCode.BadRequest))["errors"]!.AsObject()
            .Select(e => e.Key).ShouldBe(["month", "action"], ignoreOrder: true);
        (await office.Put("/api/assessment/scheme", new { minSample = 0, weights = new { Satisfaction = -5 } }).Expect(HttpStatusCode.BadRequest))["errors"]!.AsObject()
            .Select(e => e.Key).ShouldBe(["minSample", "weights.Satisfaction", "weights"], ignoreOrder: true);
        (await office.Post("/api/assessment/force-majeure", new { from = "2026-11-05", to = "2026-11-01", reason = "暴雨" }).Expect(HttpStatusCode.BadRequest))["errors"]!["to"].ShouldNotBeNull();
        (await office.Expect("/api/assessment/rollup?period=2026-Q5", HttpStatusCode.BadRequest))["errors"]!["period"].ShouldNotBeNull();
        using var leader = await app.ClientFor("leader");
        await leader.Post("/api/assessment/cycle", new { month = "2026-10", action = "draft" }).Expect(HttpStatusCode.Forbidden);
        await leader.Expect("/api/assessment/scheme");
        using var head = await app.ClientFor("housing-head");
        await head.Expect("/api/assessment/scheme", HttpStatusCode.Forbidden);
        await head.Post("/api/assessment/rulings", new { appealId = 1, uphold = true, ruling = "x" }).Expect(HttpStatusCode.Forbidden);
    }
}
