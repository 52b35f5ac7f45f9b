using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Users;
using Minsheng.Infrastructure;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Portal;

/// <summary>
/// A city deployment: 测试市 (SC) above the test county 测试县 (TC) and a second county 测试安县 (TA) with a township,
/// a village and a department. Accounts: city-dispatcher and city-admin at the city, ta-dispatcher and ta-admin at
/// 测试安县, plus every test-county account. Submission limits are lifted as in PortalApp.
/// </summary>
public sealed class CityPortalApp : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public long CityId { get; private set; }
    public long SecondId { get; private set; }
    public long SecondTownId { get; private set; }
    public long SecondVillageId { get; private set; }
    public long SecondHousingId { get; private set; }

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(new()
        {
            ["RateLimits:PublicSubmissionsPerMinute"] = "10000",
            ["RateLimits:LoginsPerMinute"] = "10000",
            ["RateLimits:TrackingLookupsPerMinute"] = "10000",
        });
        using var scope = App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var city = new Unit("SC", "测试市", UnitKind.City, null, "0550-3000000");
        db.Units.Add(city);
        await db.SaveChangesAsync();
        // The test county moves under the city: a path is the code chain, so every path in its subtree gains the city's code.
        await db.Database.ExecuteSqlInterpolatedAsync($"update units set parent_id = {city.Id} where id = {App.County.County.Id}");
        await db.Database.ExecuteSqlRawAsync("update units set path = '/SC' || path where path like '/TC/%'");
        var second = new Unit("TA", "测试安县", UnitKind.County, city, "0550-6000000");
        db.Units.Add(second);
        await db.SaveChangesAsync();
        var town = new Unit("TA-T1", "安城镇", UnitKind.Township, second, "0550-6200000");
        var housing = new Unit("TA-D1", "县住房和城乡建设局", UnitKind.Department, second, "0550-6021356");
        db.Units.AddRange(town, housing);
        await db.SaveChangesAsync();
        var village = new Unit("TA-T1-V1", "塔山村", UnitKind.Village, town);
        db.Units.Add(village);
        await db.SaveChangesAsync();
        App.App.Services.GetRequiredService<UnitTree>().Invalidate();

        // Accounts set up by a test are audited as its work, as the CLI's are as "cli".
        scope.ServiceProvider.GetRequiredService<global::Minsheng.Infrastructure.CurrentUser>().ActAs("test");
        var users = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        (string, Role, long)[] accounts =
        [
            ("city-dispatcher", Role.Dispatcher, city.Id), ("city-admin", Role.Admin, city.Id),
            ("ta-dispatcher", Role.Dispatcher, second.Id), ("ta-admin", Role.Admin, second.Id),
        ];
        foreach (var (name, role, unit) in accounts)
            await users.AddAsync(name, name, role, unit, TestApp.Password, default);
        (CityId, SecondId, SecondTownId, SecondVillageId, SecondHousingId) = (city.Id, second.Id, town.Id, village.Id, housing.Id);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
