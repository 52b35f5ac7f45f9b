using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Statistics.Facts;
using Minsheng.Features.Statistics.MetricFacts;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Statistics.MetricFacts;

/// <summary>
/// The unit measures read from the metric facts equal the live computation (the reference) for several jurisdictions,
/// every measure and dimension, before and after rebuilds, with late changes of every kind on past days not yet
/// rebuilt, as the clock passes deadlines, and across a changed unit tree.
/// </summary>
public sealed class MetricFactsEqualityTests
{
    [Theory]
    [InlineData(21)]
    [InlineData(5150)]
    public async Task Metric_facts_equal_the_live_measures_through_late_changes_rebuilds_and_time(int seed)
    {
        await using var app = await TestApp.StartAsync();
        var world = await MetricFactsWorld.CreateAsync(app, seed, 900, 200);

        await world.AssertEqualAsync("nothing built (all live)");
        var built = await RebuildAsync(app, due: false);
        built.Days.ShouldBeGreaterThan(150);
        (await RowsAsync(app)).ShouldBeGreaterThan(0);
        var stored = await world.AssertEqualAsync("all built");
        // The equality must not come from every jurisdiction falling back to the live path; a township is no stored scope.
        stored.Order().ShouldBe(["city", "county", "other-county"]);

        for (var round = 0; round < 3; round++)
        {
            var changes = await world.ChangeAsync(40);
            (await MarksAsync(app, beforeToday: true)).ShouldBeGreaterThan(0, "late changes mark past days");
            await world.AssertEqualAsync($"round {round}: after {string.Join(",", changes.Distinct())}, not rebuilt");

            // Time passes: deadlines fall due without any write (overdue items move to an earlier stage's deadline).
            app.Clock.Advance(TimeSpan.FromHours(world.World.Random.Next(5, 60)));
            await world.AssertEqualAsync($"round {round}: clock moved");

            await RebuildAsync(app, due: true);
            (await MarksAsync(app, beforeToday: true)).ShouldBe(0, "the rebuild clears the marks it read");
            (await world.AssertEqualAsync($"round {round}: rebuilt due days")).ShouldContain("county");
        }
    }

    [Fact]
    public async Task A_changed_unit_tree_is_read_live_until_rebuilt()
    {
        await using var app = await TestApp.StartAsync();
        var world = await MetricFactsWorld.CreateAsync(app, 77, 500, 120);
        await RebuildAsync(app, due: false);
        (await world.AssertEqualAsync("built")).ShouldContain("county");

        // The housing bureau moves to the other county: both counties' units (and so their scopes' sums) change.
        await world.World.MoveUnitAsync(app.County.Housing, world.World.Other);
        (await world.AssertEqualAsync("unit moved, not rebuilt")).ShouldBeEmpty("the unit map changed: nothing stored is used");
        (await RebuildAsync(app, due: true)).Days.ShouldBeGreaterThan(100, "a changed map makes every day due");
        (await world.AssertEqualAsync("unit moved, rebuilt")).ShouldContain("other-county");

        // A village moves to the other county's township: the township breakdown changes for its appeals.
        await world.World.MoveUnitAsync(app.County.Village1, world.World.OtherTown);
        (await world.AssertEqualAsync("village moved, not rebuilt")).ShouldBeEmpty();
        await RebuildAsync(app, due: true);
        (await world.AssertEqualAsync("village moved, rebuilt")).ShouldContain("city");
    }

    [Fact]
    public async Task A_late_change_marks_every_day_the_appeal_has_an_item_on_and_nothing_else_does()
    {
        await using var app = await TestApp.StartAsync();
        var world = await MetricFactsWorld.CreateAsync(app, 5, 80, 60);
        await RebuildAsync(app, due: false);
        (await MarksAsync(app)).ShouldBe(0);

        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var appeals = await db.Appeals.Where(a => world.Ids.Contains(a.Id)).ToListAsync();
        foreach (var a in appeals)
        {
            // What the monitor and drafting touch on many rows: no item moves.
            db.Entry(a).Property(x => x.NextCheckAt).CurrentValue = app.Clock.GetUtcNow() + TimeSpan.FromMinutes(5);
            db.Entry(a).Property(x => x.ReplyDraft).CurrentValue = "草稿";
        }
        await db.SaveChangesAsync();
        (await MarksAsync(app)).ShouldBe(0);

        // The desk rules a callback not the unit's fault: every instant of the appeal, its timeline and orders is marked.
        var target = await db.Appeals.Where(a => world.Ids.Contains(a.Id) && db.Timeline.Any(t => t.AppealId == a.Id)).FirstAsync();
        var expected = new HashSet<int>(new[] { target.ClaimedAt, target.SignForDue, target.ContactedAt, target.FirstContactDue, target.RepliedAt,
                target.ReplyDue, target.ClosedAt, target.ResolveDue, target.DispatchedAt }.Where(d => d is not null).Select(d => FactDays.Of(d!.Value)));
        expected.UnionWith((await db.Timeline.Where(t => t.AppealId == target.Id).Select(t => t.At).ToListAsync()).Select(FactDays.Of));
        expected.UnionWith((await db.SupervisionOrders.Where(o => o.AppealId == target.Id).Select(o => o.CreatedAt).ToListAsync()).Select(FactDays.Of));
        expected.UnionWith((await db.Notifications.Where(n => n.AppealId == target.Id && n.Kind == Domain.Notifications.NotificationKind.SupervisionOrder)
            .Select(n => n.CreatedAt).ToListAsync()).Select(FactDays.Of));
        db.Entry(target).Property(x => x.UnitAtFault).CurrentValue = target.UnitAtFault == false ? true : false;
        await db.SaveChangesAsync();
        var marked = await db.Set<MetricDirtyMark>().AsNoTracking().Select(m => m.Day).ToListAsync();
        marked.Order().ShouldBe(expected.Order());
    }

    [Fact]
    public async Task Rebuild_is_idempotent_and_leaves_nothing_due()
    {
        await using var app = await TestApp.StartAsync();
        var world = await MetricFactsWorld.CreateAsync(app, 8, 300, 90);
        await RebuildAsync(app, due: false);
        var first = await TableAsync(app);
        first.Count.ShouldBeGreaterThan(0);
        await RebuildAsync(app, due: false);
        (await TableAsync(app)).ShouldBe(first);
        (await RebuildAsync(app, due: true)).Days.ShouldBe(0, "nothing is due right after a full rebuild");
        await world.AssertEqualAsync("rebuilt twice");
    }

    private static async Task<FactsRebuild> RebuildAsync(TestApp app, bool due)
    {
        using var scope = app.App.Services.CreateScope();
        var builder = scope.ServiceProvider.GetRequiredService<MetricFactsBuilder>();
        return due ? await builder.RebuildDueAsync() : await builder.RebuildAsync();
    }

    private static async Task<int> MarksAsync(TestApp app, bool beforeToday = false)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var today = FactDays.Of(Domain.Calendar.ChinaTime.DateOf(app.Clock.GetUtcNow()));
        return await db.Set<MetricDirtyMark>().CountAsync(m => !beforeToday || m.Day < today);
    }

    private static async Task<int> RowsAsync(TestApp app)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MinshengDb>().Set<StoredMetricFact>().CountAsync();
    }

    private static async Task<List<string>> TableAsync(TestApp app)
    {
        using var scope = app.App.Services.CreateScope();
        var rows = await scope.ServiceProvider.GetRequiredService<MinshengDb>().Set<StoredMetricFact>().AsNoTracking().ToListAsync();
        return rows.Select(f => $"{f.Measure}|{f.Dim}|{f.ScopeId}|{f.Day}|{f.KeyId}|{f.Part}|{f.N}|{f.Hits}").Order(StringComparer.Ordinal).ToList();
    }
}
