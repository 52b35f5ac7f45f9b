using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Auth;
using Minsheng.Features.Users;

namespace Minsheng.Features.Demo;

/// <summary>
/// The demo accounts beyond 民丰县's: the city hotline desk of 丰州市 (city-*) and the desk and a few units of
/// 民安县 (ma-*). Every account gets a generated password, printed once with the others.
/// </summary>
public static class DemoCityUsers
{
    public static async Task<List<(User User, string Password, string UnitName)>> SeedAsync(MinshengDb db, Unit city, Unit second,
        DateTimeOffset now, CancellationToken ct)
    {
        var department = await db.Units.FirstAsync(u => u.Code == DemoCityData.Anxian.Departments[0].Code, ct);
        var township = await db.Units.FirstAsync(u => u.Code == DemoCityData.Anxian.Townships[0].Code, ct);
        (string Username, string Name, Role Role, Unit Unit)[] plan =
        [
            ("city-admin", "市系统管理员", Role.Admin, city),
            ("city-operator", "市热线话务员林芳", Role.Operator, city),
            ("city-dispatcher", "市热线派单员高峰", Role.Dispatcher, city),
            ("city-supervisor", "市督查室钱进", Role.Supervisor, city),
            ("city-analyst", "市民意分析组许婷", Role.Analyst, city),
            ("city-leader", "市领导冯涛", Role.Leader, city),
            ("ma-operator", DemoCityData.Anxian.OperatorName, Role.Operator, second),
            ("ma-dispatcher", DemoCityData.Anxian.DispatcherName, Role.Dispatcher, second),
            ("ma-supervisor", "督查组韩冰", Role.Supervisor, second),
            ("ma-leader", "县领导曹阳", Role.Leader, second),
            ("ma-handler", $"{department.Name}承办人朱磊", Role.UnitHandler, department),
            ("ma-head", $"{department.Name}负责人宋婕", Role.UnitHead, department),
            ("ma-town", $"{township.Name}承办人秦月", Role.UnitHandler, township),
        ];
        return await AddAsync(db, plan, now, ct);
    }

    public static async Task<List<(User User, string Password, string UnitName)>> AddAsync(MinshengDb db,
        IEnumerable<(string Username, string Name, Role Role, Unit Unit)> plan, DateTimeOffset now, CancellationToken ct)
    {
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
