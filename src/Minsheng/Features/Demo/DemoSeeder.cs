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
/// Seeds 民丰县 into an empty database: the unit and category trees, one account per role with a
/// generated password (printed once), and about 2,000 appeals of the last 90 days driven through the
/// real workflow methods so every timeline is one the product could have produced.
/// </summary>
public sealed class DemoSeeder(MinshengDb db, AuditLog audit, UnitTree tree, TimeLimits.TimeLimitCache timeLimits, TimeProvider clock,
    Triage.TriageService triage)
{
    public const int AppealCount = 2000;

    public async Task<bool> SeedIfEmptyAsync(TextWriter output, CancellationToken ct, int appealCount = AppealCount, int seed = 20261122)
    {
        if (await db.Units.AnyAsync(ct))
        {
            output.WriteLine("数据库中已有数据，未导入演示数据（演示账号的密码只在首次导入时打印；忘记可用 users reset-password 重置）。");
            return false;
        }
        var random = new Random(seed);
        var county = await SeedUnitsAsync(ct);
        var categories = await SeedCategoriesAsync(ct);
        await SeedRoutingRulesAsync(categories, ct);
        await Knowledge.KnowledgeDemoData.SeedAsync(db, clock.GetUtcNow(), ct);
        tree.Invalidate();
        var accounts = await SeedUsersAsync(county, ct);
        var appeals = await new DemoAppealWriter(db, random, clock.GetUtcNow(), timeLimits.Schedule).WriteAsync(appealCount, categories, ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await audit.AppendAsync("demo", "demo.seed", "database", null, $"units, categories, {accounts.Count} users, {appeals} appeals", ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        output.WriteLine($"已导入演示县“{DemoCountyData.CountyName}”：{await db.Units.CountAsync(ct)} 个单位，{appeals} 件诉求。");
        // The demo's suggestions should work from the first start; each outcome says if it was skipped (too few appeals).
        foreach (var outcome in await triage.RetrainAsync("demo", ct)) output.WriteLine($"智能分诊：{outcome.Message}");
        output.WriteLine("演示账号（密码只显示这一次，请妥善保存）：");
        foreach (var (user, password, unitName) in accounts)
            output.WriteLine($"  {Labels.Role(user.Role),-6} {user.Username,-12} 密码 {password}  （{unitName}）");
        return true;
    }

    private async Task<Unit> SeedUnitsAsync(CancellationToken ct)
    {
        var county = new Unit(DemoCountyData.CountyCode, DemoCountyData.CountyName, UnitKind.County, null, "0550-12345");
        db.Units.Add(county);
        await db.SaveChangesAsync(ct);
        foreach (var d in DemoCountyData.Departments)
            db.Units.Add(new Unit(d.Code, d.Name, UnitKind.Department, county, d.Phone));
        var townships = DemoCountyData.Townships.Select(t => (t, unit: new Unit(t.Code, t.Name, UnitKind.Township, county, t.Phone))).ToList();
        db.Units.AddRange(townships.Select(x => x.unit));
        await db.SaveChangesAsync(ct);
        foreach (var (t, unit) in townships)
            foreach (var v in t.Villages)
                db.Units.Add(new Unit(v.Code, v.Name, UnitKind.Village, unit));
        await db.SaveChangesAsync(ct);
        return county;
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
        var now = clock.GetUtcNow();
        var result = new List<(User, string, string)>();
        foreach (var (username, name, role, unit) in plan)
        {
            var user = new User(username, name, role, unit.Id, now);
            var password = Passwords.Generate();
            user.SetPasswordHash(Passwords.Hash(user, password));
            db.Users.Add(user);
            result.Add((user, password, unit.Name));
        }
        await db.SaveChangesAsync(ct);
        return result;
    }
}
