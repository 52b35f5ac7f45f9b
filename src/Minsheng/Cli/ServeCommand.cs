using System.CommandLine;
using Minsheng.Features.Demo;

namespace Minsheng.Cli;

public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "监听地址", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var demo = new Option<bool>("--demo") { Description = "数据库为空时导入演示数据（丰州市及民丰县、民安县）" };
        var cmd = new Command("serve", "启动网站和接口服务") { urls, demo };
        cmd.SetAction(async (parse, ct) =>
        {
            var database = MinshengCli.ResolveDatabase(parse);
            var app = WebApp.Build(["--urls", parse.GetValue(urls)!], database);
            await WebApp.MigrateAsync(app.Services, ct);
            if (parse.GetValue(demo))
            {
                using var scope = app.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(Console.Out, ct);
            }
            Console.WriteLine($"民声已启动：{parse.GetValue(urls)}（数据库：{(database.IsSqlite ? "SQLite" : "PostgreSQL")}）");
            await app.RunAsync(ct);
            return 0;
        });
        return cmd;
    }
}
