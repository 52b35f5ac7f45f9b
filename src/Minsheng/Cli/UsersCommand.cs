using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Organization;
using Minsheng.Features.Users;
using Minsheng.Infrastructure;

namespace Minsheng.Cli;

public static class UsersCommand
{
    public static Command Create()
    {
        var cmd = new Command("users", "管理工作人员账号") { Add(), List(), Reset() };
        return cmd;
    }

    private static Command Add()
    {
        var username = new Option<string>("--username") { Required = true, Description = "用户名" };
        var role = new Option<Role>("--role") { Required = true, Description = "角色：" + string.Join("|", Enum.GetNames<Role>()) };
        var unit = new Option<string>("--unit") { Required = true, Description = "所属单位编码" };
        var name = new Option<string?>("--display-name") { Description = "姓名" };
        var stdin = new Option<bool>("--password-stdin") { Description = "从标准输入读取密码（否则自动生成并打印）" };
        var cmd = new Command("add", "新增账号") { username, role, unit, name, stdin };
        cmd.SetAction(async (parse, ct) => await Guarded(async () =>
        {
            var app = await MinshengCli.ServicesAsync(parse, ct);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            var code = parse.GetValue(unit)!;
            var unitRow = await db.Units.FirstOrDefaultAsync(u => u.Code == code, ct)
                ?? throw new DomainValidationException("unit", $"单位编码 {code} 不存在。");
            var (password, generated) = ReadPassword(parse.GetValue(stdin));
            var user = await Admin(scope).AddAsync(parse.GetValue(username), parse.GetValue(name), parse.GetValue(role), unitRow.Id, password, ct);
            Console.WriteLine($"已创建账号 {user.Username}（{user.Role}，{unitRow.Name}）" + (generated ? $"，密码：{password}" : "。"));
        }));
        return cmd;
    }

    private static Command List()
    {
        var cmd = new Command("list", "列出账号");
        cmd.SetAction(async (parse, ct) =>
        {
            var app = await MinshengCli.ServicesAsync(parse, ct);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            var rows = await db.Users.AsNoTracking().OrderBy(u => u.Username)
                .Join(db.Units, u => u.UnitId, x => x.Id, (u, x) => new { u.Username, u.DisplayName, u.Role, Unit = x.Name, u.Active }).ToListAsync(ct);
            foreach (var r in rows)
                Console.WriteLine($"{r.Username,-20} {r.Role,-12} {r.Unit} {r.DisplayName}{(r.Active ? "" : "（已停用）")}");
            return 0;
        });
        return cmd;
    }

    private static Command Reset()
    {
        var username = new Option<string>("--username") { Required = true, Description = "用户名" };
        var stdin = new Option<bool>("--password-stdin") { Description = "从标准输入读取新密码（否则自动生成并打印）" };
        var cmd = new Command("reset-password", "重置密码并解除锁定") { username, stdin };
        cmd.SetAction(async (parse, ct) => await Guarded(async () =>
        {
            var app = await MinshengCli.ServicesAsync(parse, ct);
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            var name = parse.GetValue(username)!;
            var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Username == name, ct)
                ?? throw new DomainValidationException("username", $"账号 {name} 不存在。");
            var (password, generated) = ReadPassword(parse.GetValue(stdin));
            await Admin(scope).ResetPasswordAsync(user.Id, password, ct);
            Console.WriteLine($"已重置 {name} 的密码" + (generated ? $"：{password}" : "。"));
        }));
        return cmd;
    }

    /// <summary>The same use case as the admin page, acting as "cli" (audited so, and not limited to one unit's subtree).</summary>
    private static UserAdmin Admin(IServiceScope scope)
    {
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs("cli");
        return scope.ServiceProvider.GetRequiredService<UserAdmin>();
    }

    private static (string Password, bool Generated) ReadPassword(bool fromStdin) =>
        fromStdin ? ((Console.In.ReadLine() ?? "").TrimEnd('\r', '\n'), false) : (Features.Auth.Passwords.Generate(), true);

    /// <summary>Turns validation failures into a readable message and exit code 1 instead of a stack trace.</summary>
    private static async Task<int> Guarded(Func<Task> action)
    {
        try
        {
            await action();
            return 0;
        }
        catch (DomainValidationException e)
        {
            foreach (var (field, messages) in e.Errors) Console.Error.WriteLine($"错误（{field}）：{string.Join(" ", messages)}");
            return 1;
        }
    }
}
