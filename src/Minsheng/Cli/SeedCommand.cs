using System.CommandLine;
using Minsheng.Features.Demo;

namespace Minsheng.Cli;

public static class SeedCommand
{
    public static Command Create()
    {
        var cmd = new Command("seed", "向空数据库导入演示市（丰州市及民丰县、民安县：单位、分类、各辖区账号和约 2300 件诉求）");
        cmd.SetAction(async (parse, ct) =>
        {
            var app = await MinshengCli.ServicesAsync(parse, ct);
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(Console.Out, ct) ? 0 : 1;
        });
        return cmd;
    }
}
