using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Statistics.Facts;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Statistics.Facts;

/// <summary>
/// The overview read from daily facts equals the live computation (the reference) for every scope and period,
/// before and after rebuilds, with late changes not yet rebuilt, and as the clock passes sign-for deadlines.
/// </summary>
public sealed class FactsEqualityTests
{
    [Theory]
    [InlineData(12)]
    [InlineData(4711)]
    public async Task Facts_overview_equals_the_live_one_through_late_changes_rebuilds_and_time(int seed)
    {
        await using var app = await TestApp.StartAsync();
        var world = await FactsWorld.CreateAsync(app, seed);
        var ids = await world.InsertAsync(1500, 400);

        await world.AssertEqualAsync("nothing built (all live)", world.Periods());
        var built = await RebuildAsync(app, due: false);
        built.Days.ShouldBeGreaterThan(300);
        (await FactRowsAsync(app)).ShouldBeGreaterThan(0);
        var stored = await world.AssertEqualAsync("all built", world.Periods());
        // The equality above must not come from every scope falling back to the live path.
        stored.Order().ShouldBe(["city", "county", "other-county"]);

        for (var round = 0; round < 5; round++)
        {
            var changes = await world.ChangeAsync(ids, 40);
            (await MarksAsync(app)).ShouldBeGreaterThan(0, "changes to counted properties mark their days");
            await world.AssertEqualAsync($"round {round}: after {string.Join(",", changes.Distinct())}, not rebuilt", world.Periods());

            // Time passes: sign-for deadlines of unclaimed appeals (redone ones among them) fall due without any write.
            app.Clock.Advance(TimeSpan.FromHours(world.Random.Next(2, 40)));
            await world.AssertEqualAsync($"round {round}: clock moved", world.Periods());

            ids.AddRange(await world.InsertAsync(60, 0));
            await world.AssertEqualAsync($"round {round}: new appeals", world.Periods());

            await RebuildAsync(app, due: true);
            (await MarksAsync(app, beforeToday: true)).ShouldBe(0, "the rebuild clears the marks it read");
            await world.AssertEqualAsync($"round {round}: rebuilt due days", world.Periods());
        }
    }

    [Fact]
    public async Task Rebuild_is_idempotent()
    {
        await using var app = await TestApp.StartAsync();
        var world = await FactsWorld.CreateAsync(app, 99);
        await world.InsertAsync(600, 120);
        await RebuildAsync(app, due: false);
        var first = await FactTableAsync(app);
        first.Count.ShouldBeGreaterThan(0);
        await RebuildAsync(app, due: false);
        (await FactTableAsync(app)).ShouldBe(first);
        (await RebuildAsync(app, due: true)).Days.ShouldBe(0, "nothing is due right after a full rebuild");
        (await FactTableAsync(app)).ShouldBe(first);
        await world.AssertEqualAsync("rebuilt twice", world.Periods());
    }

    [Fact]
    public async Task A_passed_sign_for_deadline_makes_its_day_live_until_rebuilt()
    {
        await using var app = await TestApp.StartAsync();
        var world = await FactsWorld.CreateAsync(app, 7);
        var ids = await world.InsertAsync(300, 30);
        // Every appeal of the last month waits for its sign-for, due in two hours.
        using (var scope = app.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            foreach (var a in await db.Appeals.Where(a => ids.Contains(a.Id)).ToListAsync())
            {
                db.Entry(a).Property(x => x.ClaimedAt).CurrentValue = null;
                db.Entry(a).Property(x => x.SignForDue).CurrentValue = app.Clock.GetUtcNow() + TimeSpan.FromHours(2);
            }
            await db.SaveChangesAsync();
        }
        await RebuildAsync(app, due: false);
        var period = StatisticsPeriodFor(app, 31);
        using (var scope = app.App.Services.CreateScope())
        {
            var stats = world.Statistics(scope.ServiceProvider, Minsheng.Domain.Organization.Role.Leader, world.City.Id);
            (await stats.OverviewAsync(period, default)).Kpis.Response.Denominator.ShouldBe(0);
            app.Clock.Advance(TimeSpan.FromHours(3));
            var after = await stats.OverviewAsync(period, default);
            after.Kpis.Response.Denominator.ShouldBe(ids.Count, "every sign-for is now decided (unclaimed past the deadline)");
        }
        await world.AssertEqualAsync("deadlines passed, not rebuilt", world.Periods());
        (await RebuildAsync(app, due: true)).Days.ShouldBeGreaterThan(0, "stale days are due");
        await world.AssertEqualAsync("deadlines passed, rebuilt", world.Periods());
    }

    [Fact]
    public async Task Only_counted_properties_mark_days_dirty()
    {
        await using var app = await TestApp.StartAsync();
        var world = await FactsWorld.CreateAsync(app, 3);
        var ids = await world.InsertAsync(50, 90);
        await RebuildAsync(app, due: false);
        (await MarksAsync(app)).ShouldBe(0);

        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var appeals = await db.Appeals.Where(a => ids.Contains(a.Id)).ToListAsync();
        foreach (var a in appeals)
        {
            // What the deadline monitor and drafting touch on many rows: no figure of the overview moves.
            db.Entry(a).Property(x => x.NextCheckAt).CurrentValue = app.Clock.GetUtcNow() + TimeSpan.FromMinutes(5);
            db.Entry(a).Property(x => x.ReplyDraft).CurrentValue = "草稿";
            db.Entry(a).Property(x => x.UpdatedAt).CurrentValue = app.Clock.GetUtcNow();
        }
        await db.SaveChangesAsync();
        (await MarksAsync(app)).ShouldBe(0);

        var target = appeals[0];
        db.Entry(target).Property(x => x.Status).CurrentValue = target.Status == AppealStatus.ReReview ? AppealStatus.Closed : AppealStatus.ReReview;
        await db.SaveChangesAsync();
        var marks = await db.Set<FactDirtyMark>().AsNoTracking().Select(m => m.Day).ToListAsync();
        marks.ShouldBe([FactDays.Of(target.CreatedAt)]);
    }

    [Fact]
    public async Task Workflow_changes_through_the_api_show_at_once()
    {
        await using var app = await TestApp.StartAsync();
        var county = await StatisticsCounty.BuildAsync(app); // registered Monday, the clock now on Wednesday
        await RebuildAsync(app, due: false);
        var leader = await app.ClientFor("leader");
        var before = await leader.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/statistics/overview?from=2026-11-16&to=2026-11-16");
        // A4's callback was not reached on Wednesday; reached now and satisfied, it closes: Monday's figures change.
        var desk = await app.ClientFor("dispatcher");
        await desk.Post($"/api/appeals/{county.Ids[3]}/callback", new { outcome = "Satisfied", resolved = true }).Expect(System.Net.HttpStatusCode.OK);
        (await MarksAsync(app, beforeToday: true)).ShouldBe(1);
        var after = await leader.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/statistics/overview?from=2026-11-16&to=2026-11-16");
        after.GetProperty("kpis").GetProperty("closed").GetInt32().ShouldBe(before.GetProperty("kpis").GetProperty("closed").GetInt32() + 1);
        after.GetProperty("kpis").GetProperty("satisfaction").ToString().ShouldNotBe(before.GetProperty("kpis").GetProperty("satisfaction").ToString());
        // Rebuilt, the facts give the same answer the live read of the dirty day gave.
        await RebuildAsync(app, due: true);
        var rebuilt = await leader.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/statistics/overview?from=2026-11-16&to=2026-11-16");
        rebuilt.GetProperty("kpis").ToString().ShouldBe(after.GetProperty("kpis").ToString());
        rebuilt.GetProperty("byTownship").ToString().ShouldBe(after.GetProperty("byTownship").ToString());
    }

    [Fact]
    public async Task A_moved_unit_or_category_is_read_live_until_the_facts_are_rebuilt_with_the_new_trees()
    {
        await using var app = await TestApp.StartAsync();
        var world = await FactsWorld.CreateAsync(app, 31);
        await world.InsertAsync(500, 200);
        await RebuildAsync(app, due: false);
        (await world.AssertEqualAsync("built", world.Periods())).ShouldContain("county");

        // The village moves to the other county's township: both counties' scopes and the township breakdown change for its appeals.
        await world.MoveUnitAsync(app.County.Village1, world.OtherTown);
        (await world.AssertEqualAsync("village moved, not rebuilt", world.Periods())).ShouldBeEmpty("the tree changed: nothing stored is used");
        var rebuilt = await RebuildAsync(app, due: true);
        rebuilt.Days.ShouldBeGreaterThan(150, "a moved unit makes every day due");
        (await world.AssertEqualAsync("village moved, rebuilt", world.Periods())).ShouldContain("county");

        // A category moves under another root: the category breakdown changes for its appeals.
        var otherRoot = new Minsheng.Domain.Organization.Category("C09", "交通出行", null);
        using (var scope = app.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            db.Categories.Add(otherRoot);
            await db.SaveChangesAsync();
        }
        await world.MoveCategoryAsync(app.County.Roads.Id, otherRoot.Id);
        (await world.AssertEqualAsync("category moved, not rebuilt", world.Periods())).ShouldBeEmpty();
        (await RebuildAsync(app, due: true)).Days.ShouldBeGreaterThan(150);
        (await world.AssertEqualAsync("category moved, rebuilt", world.Periods())).ShouldContain("city");
    }

    private static Minsheng.Features.Statistics.StatisticsPeriod StatisticsPeriodFor(TestApp app, int days) =>
        Minsheng.Features.Statistics.StatisticsPeriod.Last(days, app.Clock.GetUtcNow());

    private static async Task<FactsRebuild> RebuildAsync(TestApp app, bool due)
    {
        using var scope = app.App.Services.CreateScope();
        var builder = scope.ServiceProvider.GetRequiredService<FactsBuilder>();
        return due ? await builder.RebuildDueAsync() : await builder.RebuildAsync();
    }

    private static async Task<int> MarksAsync(TestApp app, bool beforeToday = false)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var today = FactDays.Of(Minsheng.Domain.Calendar.ChinaTime.DateOf(app.Clock.GetUtcNow()));
        return await db.Set<FactDirtyMark>().CountAsync(m => !beforeToday || m.Day < today);
    }

    private static async Task<int> FactRowsAsync(TestApp app)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MinshengDb>().Set<ScopeFact>().CountAsync();
    }

    private static async Task<List<string>> FactTableAsync(TestApp app)
    {
        using var scope = app.App.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<MinshengDb>().Set<ScopeFact>().AsNoTracking().ToListAsync();
        return rows.Select(f => System.Text.Json.JsonSerializer.Serialize(f)).Order(StringComparer.Ordinal).ToList();
    }
}
