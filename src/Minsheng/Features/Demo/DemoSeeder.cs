using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Features.Auth;
using Minsheng.Features.Users;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Demo;

/// <summary>
/// Seeds the demo into an empty database: 丰州市 (a city with its hotline desk and a few departments) above two
/// counties — 民丰县 with about 2,000 appeals of the last 90 days and 民安县, smaller, with a few hundred — the category
/// tree, one account per desk role in each jurisdiction with a generated password (printed once), each county's
/// portal face, and a few calls the city desk took and handed down. Appeals are driven through the real workflow
/// methods so every timeline is one the product could have produced, and each belongs to its county.
/// </summary>
public sealed class DemoSeeder(MinshengDb db, AuditedCommit commit, CurrentUser me, UnitTree tree, TimeLimits.TimeLimitCache timeLimits, TimeProvider clock,
    Triage.TriageService triage, DemoReports reports, DemoAssessment assessment)
{
    public const int AppealCount = 2000;

    /// <summary>民安县 gets this share of the count asked for 民丰县 (300 of 2,000).</summary>
    public static int SecondCountyAppeals(int appealCount) => appealCount * 3 / 20;

    /// <summary>Calls the city desk took itself (20 of 2,000); the older ones are handed down to a county.</summary>
    public static int CityDeskAppeals(int appealCount) => appealCount / 100;

    public async Task<bool> SeedIfEmptyAsync(TextWriter output, CancellationToken ct, int appealCount = AppealCount, int seed = 20261122)
    {
        if (await db.Units.AnyAsync(ct))
        {
            output.WriteLine("数据库中已有数据，未导入演示数据（演示账号的密码只在首次导入时打印；忘记可用 users reset-password 重置）。");
            return false;
        }
        var random = new Random(seed);
        var city = await SeedCityAsync(ct);
        var county = await SeedCountyAsync(city, DemoCountyData.Area, ct);
        var second = await SeedCountyAsync(city, DemoCityData.Anxian, ct);
        var categories = await SeedCategoriesAsync(ct);
        await SeedRoutingRulesAsync(categories, ct);
        await Knowledge.KnowledgeDemoData.SeedAsync(db, clock.GetUtcNow(), ct);
        SeedPortalSettings(city, county, second);
        await db.SaveChangesAsync(ct);
        tree.Invalidate();
        var accounts = await SeedUsersAsync(county, ct);
        accounts.AddRange(await DemoCityUsers.SeedAsync(db, city, second, clock.GetUtcNow(), ct));
        var writer = new DemoAppealWriter(db, random, clock.GetUtcNow(), timeLimits.Schedule);
        var perCounty = new Dictionary<string, int>
        {
            [DemoCountyData.CountyName] = await writer.WriteAsync(DemoCountyData.Area, appealCount, categories, ct),
            [DemoCityData.Anxian.Name] = await writer.WriteAsync(DemoCityData.Anxian, SecondCountyAppeals(appealCount), categories, ct),
        };
        var cityDesk = await writer.WriteCityDeskAsync(city, [DemoCountyData.Area, DemoCityData.Anxian], CityDeskAppeals(appealCount), categories, ct);
        await writer.SaveNumberSequencesAsync(ct);
        await DemoPriorities.SeedAsync(db, county, tree.Subtree(county.Id), clock.GetUtcNow(), ct);
        await DemoBulletins.SeedAsync(db, tree, timeLimits.Schedule, clock.GetUtcNow(), ct);
        var appeals = perCounty.Values.Sum() + cityDesk;
        me.ActAs("demo");
        await commit.RunAsync(notes =>
        {
            notes.Record(AuditActions.DemoSeed, null, $"units, categories, {accounts.Count} users, {appeals} appeals");
            return Task.CompletedTask;
        }, ct);
        output.WriteLine($"已导入演示市“{DemoCityData.CityName}”：{await db.Units.CountAsync(ct)} 个单位，{appeals} 件诉求" +
                         $"（{string.Join("，", perCounty.Select(c => $"{c.Key} {c.Value} 件"))}，市热线受理后交办 {cityDesk} 件）。");
        await new DemoHotspots(db, commit, me, tree, clock).SeedAsync(timeLimits.Schedule, output, ct);
        // The demo's suggestions should work from the first start; each outcome says if it was skipped (too few appeals).
        foreach (var outcome in await triage.RetrainAsync(ct)) output.WriteLine($"智能分诊：{outcome.Message}");
        await reports.SeedAsync(county.Id, output, ct);
        await assessment.SeedAsync(output, ct);
        output.WriteLine("演示账号（密码只显示这一次，请妥善保存）：");
        foreach (var (user, password, unitName) in accounts)
        {
            // Two counties both have a 县住房和城乡建设局: a unit below a county is named with its county.
            var home = tree.JurisdictionOf(user.UnitId) is { } j && j.Id != user.UnitId ? $"{j.Name} · " : "";
            output.WriteLine($"  {Labels.Role(user.Role),-6} {user.Username,-16} 密码 {password}  （{home}{unitName}）");
        }
        return true;
    }

    private async Task<Unit> SeedCityAsync(CancellationToken ct)
    {
        var city = new Unit(DemoCityData.CityCode, DemoCityData.CityName, UnitKind.City, null, DemoCityData.CityPhone);
        db.Units.Add(city);
        await db.SaveChangesAsync(ct);
        foreach (var d in DemoCityData.CityDepartments)
            db.Units.Add(new Unit(d.Code, d.Name, UnitKind.Department, city, d.Phone));
        await db.SaveChangesAsync(ct);
        return city;
    }

    private async Task<Unit> SeedCountyAsync(Unit city, DemoArea area, CancellationToken ct)
    {
        var county = new Unit(area.Code, area.Name, UnitKind.County, city, area.Phone);
        db.Units.Add(county);
        await db.SaveChangesAsync(ct);
        foreach (var d in area.Departments)
            db.Units.Add(new Unit(d.Code, d.Name, UnitKind.Department, county, d.Phone));
        var townships = area.Townships.Select(t => (t, unit: new Unit(t.Code, t.Name, UnitKind.Township, county, t.Phone))).ToList();
        db.Units.AddRange(townships.Select(x => x.unit));
        await db.SaveChangesAsync(ct);
        foreach (var (t, unit) in townships)
            foreach (var v in t.Villages)
                db.Units.Add(new Unit(v.Code, v.Name, UnitKind.Village, unit));
        await db.SaveChangesAsync(ct);
        return county;
    }

    /// <summary>Each jurisdiction's portal names itself and its host in the footer, as its admins would set it up.</summary>
    private void SeedPortalSettings(Unit city, Unit county, Unit second)
    {
        var now = clock.GetUtcNow();
        foreach (var (unit, footer) in new[]
                 {
                     (city, $"{city.Name}人民政府办公室主办 · {city.Name}政务服务便民热线 12345 · 演示数据，非真实政务网站"),
                     (county, $"{county.Name}人民政府办公室主办 · 政务服务便民热线 12345 · 演示数据，非真实政务网站"),
                     (second, $"{second.Name}人民政府办公室主办 · 政务服务便民热线 12345 · 演示数据，非真实政务网站"),
                 })
        {
            var row = new Public.PortalSetting(unit.Id);
            row.Set(null, null, footer, "demo", now);
            db.Set<Public.PortalSetting>().Add(row);
        }
    }

    private async Task<IReadOnlyList<(Category Category, DemoCategory Demo)>> SeedCategoriesAsync(CancellationToken ct)
    {
        var parents = DemoCountyData.Categories.Select(c => (c, row: new Category(c.Code, c.Name, null))).ToList();
        db.Categories.AddRange(parents.Select(p => p.row));
        await db.SaveChangesAsync(ct);
        var leaves = parents.SelectMany(p => p.c.Children.Select(child => (row: new Category(child.Code, child.Name, p.row.Id), child))).ToList();
        db.Categories.AddRange(leaves.Select(l => l.row));
        await db.SaveChangesAsync(ct);
        return leaves.Select(l => (l.row, l.child)).ToList();
    }

    /// <summary>Each category goes to the department that usually owns it, as a county's admin would set up.</summary>
    private async Task SeedRoutingRulesAsync(IReadOnlyList<(Category Category, DemoCategory Demo)> categories, CancellationToken ct)
    {
        var departments = await db.Units.Where(u => u.Kind == UnitKind.Department).ToDictionaryAsync(u => u.Code, ct);
        foreach (var (category, demo) in categories)
            if (DemoCountyData.DepartmentsFor(demo.Code).FirstOrDefault() is { } owner)
                db.RoutingRules.Add(new Triage.RoutingRuleRow { CategoryId = category.Id, UnitId = departments[owner.Code].Id, Note = "职责分工" });
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<(User User, string Password, string UnitName)>> SeedUsersAsync(Unit county, CancellationToken ct)
    {
        var department = await db.Units.FirstAsync(u => u.Code == DemoCountyData.Departments[0].Code, ct);
        var township = await db.Units.FirstAsync(u => u.Code == DemoCountyData.Townships[0].Code, ct);
        (string Username, string Name, Role Role, Unit Unit)[] plan =
        [
            ("admin", "系统管理员", Role.Admin, county),
            ("operator", "话务员小王", Role.Operator, county),
            ("dispatcher", "派单员李敏", Role.Dispatcher, county),
            ("handler", $"{department.Name}承办人张强", Role.UnitHandler, department),
            ("head", $"{department.Name}负责人刘洋", Role.UnitHead, department),
            ("town", $"{township.Name}承办人陈静", Role.UnitHandler, township),
            ("supervisor", "督查组赵刚", Role.Supervisor, county),
            ("analyst", "民意分析组孙丽", Role.Analyst, county),
            ("leader", "县领导周明", Role.Leader, county),
            ("publicity", "宣传舆论组吴芳", Role.Publicity, county),
        ];
        return await DemoCityUsers.AddAsync(db, plan, clock.GetUtcNow(), ct);
    }
}
