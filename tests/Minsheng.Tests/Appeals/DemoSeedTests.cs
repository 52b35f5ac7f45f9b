using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Demo;
using Minsheng.Features.Users;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Appeals;

public sealed class DemoSeedTests
{
    [Fact]
    public async Task Demo_city_seeds_an_empty_database_through_the_real_workflow_and_only_once_and_keeps_its_counties_apart()
    {
        await using var database = await TestDatabase.CreateAsync();
        var app = WebApp.Build([], database.Target, b => b.WebHost.UseTestServer());
        await WebApp.MigrateAsync(app.Services);
        await app.StartAsync();
        using var scope = app.Services.CreateScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        var output = new StringWriter();
        (await seeder.SeedIfEmptyAsync(output, default)).ShouldBeTrue();

        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var units = await db.Units.AsNoTracking().ToListAsync();
        var city = units.Where(u => u.ParentId == null).ShouldHaveSingleItem();
        city.Kind.ShouldBe(UnitKind.City);
        var mf = units.Single(u => u.Code == DemoCountyData.CountyCode);
        var ma = units.Single(u => u.Code == DemoCityData.AnCode);
        mf.Path.ShouldBe($"/{city.Code}/{mf.Code}/");
        units.Select(u => u.Code).Distinct().Count().ShouldBe(units.Count);
        int Count(Unit county, UnitKind kind) => units.Count(u => u.Kind == kind && u.Path.StartsWith(county.Path, StringComparison.Ordinal));
        Count(mf, UnitKind.Township).ShouldBeInRange(28, 32);
        Count(mf, UnitKind.Department).ShouldBeInRange(23, 27);
        Count(ma, UnitKind.Township).ShouldBeInRange(4, 10);
        Count(ma, UnitKind.Village).ShouldBeGreaterThan(Count(ma, UnitKind.Township));

        var total = DemoSeeder.AppealCount + DemoSeeder.SecondCountyAppeals(DemoSeeder.AppealCount) + DemoSeeder.CityDeskAppeals(DemoSeeder.AppealCount)
            + DemoHotspots.AppealCount;
        (await db.Appeals.CountAsync()).ShouldBe(total);
        (await db.Appeals.CountAsync(a => a.JurisdictionId == null)).ShouldBe(0);
        (await db.Appeals.CountAsync(a => a.JurisdictionId == ma.Id)).ShouldBeGreaterThanOrEqualTo(DemoSeeder.SecondCountyAppeals(DemoSeeder.AppealCount));
        // The city desk handed its older calls down and still holds the newest.
        (await db.Appeals.CountAsync(a => a.JurisdictionId == city.Id)).ShouldBeInRange(1, DemoSeeder.CityDeskAppeals(DemoSeeder.AppealCount) - 1);
        (await db.Timeline.CountAsync(t => t.Action == AppealAction.HandDown)).ShouldBeGreaterThan(0);
        var statuses = await db.Appeals.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        statuses.Select(s => s.Key).ShouldContain(AppealStatus.Closed);
        statuses.Count.ShouldBeGreaterThanOrEqualTo(7, string.Join(", ", statuses.Select(s => $"{s.Key}={s.Count}")));
        (await db.Appeals.Select(a => a.Channel).Distinct().CountAsync()).ShouldBeGreaterThanOrEqualTo(6);
        var usernames = await db.Users.Select(u => u.Username).ToListAsync();
        usernames.Count.ShouldBe(23); // 10 of 民丰县, 6 of the city desk, 7 of 民安县
        usernames.ShouldContain("dispatcher");
        usernames.ShouldContain("city-dispatcher");
        usernames.ShouldContain("ma-dispatcher");
        var text = output.ToString();
        foreach (var username in usernames) text.ShouldContain($" {username} ");
        text.ShouldContain("密码");

        // Separation: 民丰县's dispatcher lists only 民丰县's appeals, 民安县's only its own, the city desk every one.
        // Accounts set up by a test are audited as its work, as the CLI's are as "cli".
        scope.ServiceProvider.GetRequiredService<global::Minsheng.Infrastructure.CurrentUser>().ActAs("test");
        var users = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        async Task<int> Listed(string username)
        {
            var id = await db.Users.Where(u => u.Username == username).Select(u => u.Id).SingleAsync();
            await users.ResetPasswordAsync(id, TestApp.Password, default);
            var client = await app.GetTestClient().SignedInAs(username, TestApp.Password);
            return (await client.Expect<PageAnswer<AppealSummaryAnswer>>("/api/appeals?pageSize=1")).Total;
        }
        var mfOwn = await db.Appeals.CountAsync(a => a.JurisdictionId == mf.Id);
        var maOwn = await db.Appeals.CountAsync(a => a.JurisdictionId == ma.Id);
        (await Listed("dispatcher")).ShouldBe(mfOwn);
        (await Listed("ma-dispatcher")).ShouldBe(maOwn);
        (await Listed("city-dispatcher")).ShouldBe(total);
        var maNumber = await db.Appeals.Where(a => a.JurisdictionId == ma.Id).Select(a => a.Number).FirstAsync();
        var mfDesk = await app.GetTestClient().SignedInAs("dispatcher", TestApp.Password);
        (await mfDesk.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?q={maNumber}")).Total.ShouldBe(0);

        // A second start on the same database keeps the data and prints no passwords.
        var again = new StringWriter();
        (await seeder.SeedIfEmptyAsync(again, default)).ShouldBeFalse();
        again.ToString().ShouldNotContain("密码 ");
        (await db.Appeals.CountAsync()).ShouldBe(total);

        // New appeals after seeding keep unique numbers.
        var numbers = await db.Appeals.Select(a => a.Number).ToListAsync();
        numbers.Distinct().Count().ShouldBe(numbers.Count);
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
