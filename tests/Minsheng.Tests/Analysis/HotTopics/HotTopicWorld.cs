using System.Net;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Users;
using Minsheng.Infrastructure;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Analysis.HotTopics;

/// <summary>
/// A city 热市 (HC) with two counties, 甲县 (HA) and 乙县 (HB), each with a township, a desk, an analyst and a leader; a
/// city analyst; and in each county three people reporting the same problem at the same place (the real detector
/// groups them). Every analyst computes the topics of their own jurisdiction once.
/// </summary>
public sealed class HotTopicWorld : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public Unit City { get; private set; } = null!;
    public Unit CountyA { get; private set; } = null!;
    public Unit CountyB { get; private set; } = null!;
    public Unit DeptA { get; private set; } = null!;
    public List<long> AppealsA { get; } = [];
    public List<long> AppealsB { get; } = [];

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        using (var scope = App.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            City = new Unit("HC", "热市", UnitKind.City, null);
            db.Units.Add(City);
            await db.SaveChangesAsync();
            CountyA = new Unit("HA", "甲县", UnitKind.County, City);
            CountyB = new Unit("HB", "乙县", UnitKind.County, City);
            db.Units.AddRange(CountyA, CountyB);
            await db.SaveChangesAsync();
            var townA = new Unit("HA-T1", "甲城镇", UnitKind.Township, CountyA);
            var townB = new Unit("HB-T1", "乙城镇", UnitKind.Township, CountyB);
            DeptA = new Unit("HA-D1", "甲县城管局", UnitKind.Department, CountyA);
            db.Units.AddRange(townA, townB, DeptA);
            await db.SaveChangesAsync();
            scope.ServiceProvider.GetRequiredService<UnitTree>().Invalidate();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs("test");
            var users = scope.ServiceProvider.GetRequiredService<UserAdmin>();
            foreach (var (name, role, unit) in new[]
                     {
                         ("ha-analyst", Role.Analyst, CountyA), ("ha-leader", Role.Leader, CountyA), ("ha-dispatcher", Role.Dispatcher, CountyA),
                         ("hb-analyst", Role.Analyst, CountyB), ("hb-dispatcher", Role.Dispatcher, CountyB), ("hc-analyst", Role.Analyst, City),
                     })
                await users.AddAsync(name, name, role, unit.Id, TestApp.Password, default);

            using var a = await App.ClientFor("ha-dispatcher");
            string[] titlesA = ["甲城镇人民路红绿灯坏了", "甲城镇人民路口红绿灯不亮", "人民路红绿灯故障车辆乱行"];
            for (var i = 0; i < 3; i++)
                AppealsA.Add(await a.NewAppeal(App.County, new
                {
                    title = titlesA[i], regionUnitId = townA.Id, address = "甲城镇人民路口", citizenPhone = $"1380000100{i}",
                    content = $"甲城镇人民路十字路口的红绿灯已经坏了好几天，早晚高峰车辆乱行，行人过马路很危险，请尽快修好。联系电话1391234567{i}",
                }));
            using var b = await App.ClientFor("hb-dispatcher");
            string[] titlesB = ["乙城镇菜市场污水横流", "乙城镇菜市场下水道堵了污水满地", "菜市场污水横流臭气熏天"];
            for (var i = 0; i < 3; i++)
                AppealsB.Add(await b.NewAppeal(App.County, new
                {
                    title = titlesB[i], regionUnitId = townB.Id, address = "乙城镇菜市场", citizenPhone = $"1380000200{i}",
                    content = "乙城镇菜市场的下水道堵塞，污水流得满地都是，气味很难闻，买菜的人都绕着走，请尽快疏通清理。",
                }));
        }
        foreach (var analyst in new[] { "ha-analyst", "hb-analyst", "hc-analyst" })
        {
            using var c = await App.ClientFor(analyst);
            await c.Post("/api/analysis/topics/recompute", new { days = 30 }).Expect(HttpStatusCode.OK);
        }
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>The appeal ids of every topic the client lists (its own jurisdiction, or the one asked for).</summary>
    public static async Task<Dictionary<long, long[]>> TopicsOf(HttpClient client, string query = "")
    {
        var list = await client.Expect<TopicListAnswer>("/api/analysis/topics?days=30" + query);
        var result = new Dictionary<long, long[]>();
        foreach (var t in list.Topics)
            result[t.Id] = (await client.Expect<TopicDetailAnswer>($"/api/analysis/topics/{t.Id}")).Appeals.Select(a => a.Id).ToArray();
        return result;
    }
}
