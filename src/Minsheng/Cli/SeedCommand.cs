using System.CommandLine;
using Minsheng.Features.Demo;

namespace Minsheng.Cli;

public static class SeedCommand
{
    public static Command Create()
    {
        var cmd = new Command("seed", "向空数据库导入演示县（单位、分类、各角色账号和约 2000 件诉求）");
        cmd.SetAction(async (parse, ct) =>
        {
            var app = await MinshengCli.ServicesAsync(parse, ct);
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(Console.Out, ct) ? 0 : 1;
        });
        return cmd;
    }
}
