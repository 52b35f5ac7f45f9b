using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Demo;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Appeals;

public sealed class DemoSeedTests
{
    [Fact]
    public async Task Demo_county_seeds_an_empty_database_through_the_real_workflow_and_only_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var app = WebApp.Build([], database.Target);
        await WebApp.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var output = new StringWriter();
        (await seeder.SeedIfEmptyAsync(output, default)).ShouldBeTrue();

        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        (await db.Units.CountAsync(u => u.Kind == Minsheng.Domain.Organization.UnitKind.Township)).ShouldBeInRange(28, 32);
        (await db.Units.CountAsync(u => u.Kind == Minsheng.Domain.Organization.UnitKind.Department)).ShouldBeInRange(23, 27);
        (await db.Appeals.CountAsync()).ShouldBe(DemoSeeder.AppealCount);
        var statuses = await db.Appeals.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        statuses.Select(s => s.Key).ShouldContain(AppealStatus.Closed);
        statuses.Count.ShouldBeGreaterThanOrEqualTo(7, string.Join(", ", statuses.Select(s => $"{s.Key}={s.Count}")));
        (await db.Appeals.Select(a => a.Channel).Distinct().CountAsync()).ShouldBeGreaterThanOrEqualTo(6);
        (await db.Users.CountAsync()).ShouldBe(10);
        var text = output.ToString();
        text.ShouldContain("dispatcher");
        text.ShouldContain("密码");

        // A second start on the same database keeps the data and prints no passwords.
        var again = new StringWriter();
        (await seeder.SeedIfEmptyAsync(again, default)).ShouldBeFalse();
        again.ToString().ShouldNotContain("密码 ");
        (await db.Appeals.CountAsync()).ShouldBe(DemoSeeder.AppealCount);

        // New appeals after seeding keep unique numbers.
        var numbers = await db.Appeals.Select(a => a.Number).ToListAsync();
        numbers.Distinct().Count().ShouldBe(numbers.Count);
        await app.DisposeAsync();
    }
}
