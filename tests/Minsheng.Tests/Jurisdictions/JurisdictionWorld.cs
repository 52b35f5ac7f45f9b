using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Users;
using Minsheng.Infrastructure;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Jurisdictions;

/// <summary>
/// The test county (TC, a root) beside a second root county 乙县 (as an admin created it in the review), and a city
/// 丙市 with its own county 丁县 below it. Each has a desk, a supervisor, a leader, an admin and a department with
/// a handler, and one appeal registered by its own desk, so every list can be checked for what it must not show.
/// </summary>
public sealed class JurisdictionWorld : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public TestCounty Tc => App.County;
    public Unit Yi { get; private set; } = null!;          // 乙县, a second root county
    public Unit YiDept { get; private set; } = null!;
    public Unit YiTown { get; private set; } = null!;
    public Unit City { get; private set; } = null!;        // 丙市
    public Unit Ding { get; private set; } = null!;        // 丁县 under 丙市
    public Unit DingDept { get; private set; } = null!;
    public Unit DingTown { get; private set; } = null!;
    public long TcAppeal { get; private set; }
    public long YiAppeal { get; private set; }
    public long DingAppeal { get; private set; }
    public long CityAppeal { get; private set; }

    public const string TcTitle = "甲地专属：测试县路灯不亮";
    public const string YiTitle = "乙地专属：乙县自来水停水三天";
    public const string DingTitle = "丁地专属：丁县垃圾清运不及时";
    public const string CityTitle = "丙地专属：市区公交站牌损坏";

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        using (var scope = App.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            Yi = new Unit("YI", "乙县", UnitKind.County, null);
            City = new Unit("BING", "丙市", UnitKind.City, null);
            db.Units.AddRange(Yi, City);
            await db.SaveChangesAsync();
            YiDept = new Unit("YI-D1", "乙县水务局", UnitKind.Department, Yi);
            YiTown = new Unit("YI-T1", "乙城镇", UnitKind.Township, Yi);
            Ding = new Unit("BING-DING", "丁县", UnitKind.County, City);
            db.Units.AddRange(YiDept, YiTown, Ding);
            await db.SaveChangesAsync();
            DingDept = new Unit("DING-D1", "丁县城管局", UnitKind.Department, Ding);
            DingTown = new Unit("DING-T1", "丁城镇", UnitKind.Township, Ding);
            db.Units.AddRange(DingDept, DingTown);
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<UnitTree>().Invalidate();

            // Accounts set up by a test are audited as its work, as the CLI's are as "cli".
            scope.ServiceProvider.GetRequiredService<global::Minsheng.Infrastructure.CurrentUser>().ActAs("test");
            var users = scope.ServiceProvider.GetRequiredService<UserAdmin>();
            foreach (var (prefix, unit, dept) in new[] { ("yi", Yi, YiDept), ("bing", City, (Unit?)null), ("ding", Ding, DingDept) })
            {
                foreach (var role in new[] { Role.Operator, Role.Dispatcher, Role.Supervisor, Role.Leader, Role.Analyst, Role.Publicity, Role.Admin })
                    await users.AddAsync($"{prefix}-{role.ToString().ToLowerInvariant()}", $"{prefix}{role}", role, unit.Id, TestApp.Password, default);
                if (dept is not null) await users.AddAsync($"{prefix}-handler", $"{prefix}经办人", Role.UnitHandler, dept.Id, TestApp.Password, default);
            }
        }
        using var tc = await App.ClientFor("dispatcher");
        TcAppeal = await tc.NewAppeal(Tc, new { title = TcTitle });
        using var yi = await App.ClientFor("yi-dispatcher");
        YiAppeal = await yi.NewAppeal(Tc, new { title = YiTitle, regionUnitId = YiTown.Id, address = "乙城镇", content = "乙城镇自来水停水三天，居民生活用水困难，请尽快恢复供水。" });
        using var ding = await App.ClientFor("ding-dispatcher");
        DingAppeal = await ding.NewAppeal(Tc, new { title = DingTitle, regionUnitId = DingTown.Id, address = "丁城镇", content = "丁城镇垃圾清运不及时，垃圾堆积发臭，请尽快清运。" });
        using var city = await App.ClientFor("bing-dispatcher");
        CityAppeal = await city.NewAppeal(Tc, new { title = CityTitle, regionUnitId = (long?)null, address = "丙市人民路", content = "丙市人民路公交站牌损坏，乘客看不到线路信息，请尽快修复。" });
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
