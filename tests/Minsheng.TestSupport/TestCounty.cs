using Microsoft.Extensions.DependencyInjection;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Users;

namespace Minsheng.TestSupport;

/// <summary>
/// 测试县: a county with two departments and two townships (one with a village), categories, and
/// accounts: operator, dispatcher, supervisor, leader, analyst, publicity, admin at the county;
/// handler and head at each department; a handler at township 1.
/// </summary>
public sealed class TestCounty
{
    /// <summary>Every test account's password.</summary>
    public const string Password = "Test-Passw0rd";

    public required Unit County { get; init; }
    public required Unit Housing { get; init; }      // 住建局
    public required Unit CityMgmt { get; init; }     // 城管局
    public required Unit Town1 { get; init; }
    public required Unit Village1 { get; init; }
    public required Unit Town2 { get; init; }
    public required Category Roads { get; init; }
    public required Category Noise { get; init; }

    public static async Task<TestCounty> CreateAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var county = new Unit("TC", "测试县", UnitKind.County, null);
        db.Units.Add(county);
        await db.SaveChangesAsync();
        var housing = new Unit("TC-D1", "县住房和城乡建设局", UnitKind.Department, county);
        var cityMgmt = new Unit("TC-D2", "县城市管理局", UnitKind.Department, county);
        var town1 = new Unit("TC-T1", "城关镇", UnitKind.Township, county);
        var town2 = new Unit("TC-T2", "双河镇", UnitKind.Township, county);
        db.Units.AddRange(housing, cityMgmt, town1, town2);
        await db.SaveChangesAsync();
        var village1 = new Unit("TC-T1-V1", "王庄村", UnitKind.Village, town1);
        db.Units.Add(village1);
        var city = new Category("C01", "城乡建设", null);
        db.Categories.Add(city);
        await db.SaveChangesAsync();
        var roads = new Category("C01-01", "道路设施", city.Id);
        var noise = new Category("C01-02", "噪声扰民", city.Id);
        db.Categories.AddRange(roads, noise);
        await db.SaveChangesAsync();
        services.GetRequiredService<global::Minsheng.Infrastructure.UnitTree>().Invalidate();

        // Accounts set up by a test are audited as its work, as the CLI's are as "cli".
        scope.ServiceProvider.GetRequiredService<global::Minsheng.Infrastructure.CurrentUser>().ActAs("test");
        var admin = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        (string, Role, Unit)[] accounts =
        [
            ("operator", Role.Operator, county), ("dispatcher", Role.Dispatcher, county), ("supervisor", Role.Supervisor, county),
            ("leader", Role.Leader, county), ("analyst", Role.Analyst, county), ("publicity", Role.Publicity, county), ("admin", Role.Admin, county),
            ("housing-handler", Role.UnitHandler, housing), ("housing-head", Role.UnitHead, housing),
            ("city-handler", Role.UnitHandler, cityMgmt), ("city-head", Role.UnitHead, cityMgmt),
            ("town1-handler", Role.UnitHandler, town1),
        ];
        foreach (var (name, role, unit) in accounts)
            await admin.AddAsync(name, name, role, unit.Id, Password, default);
        return new TestCounty { County = county, Housing = housing, CityMgmt = cityMgmt, Town1 = town1, Village1 = village1, Town2 = town2, Roads = roads, Noise = noise };
    }
}
