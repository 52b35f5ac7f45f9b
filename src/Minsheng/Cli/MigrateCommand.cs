using System.CommandLine;
using Minsheng.Data;

namespace Minsheng.Cli;

public static class MigrateCommand
{
    public static Command Create()
    {
        var cmd = new Command("migrate", "把数据库升级到最新结构");
        cmd.SetAction(async (parse, ct) =>
        {
            var app = WebApp.Build([], MinshengCli.ResolveDatabase(parse), b => b.Logging.SetMinimumLevel(LogLevel.Warning));
            using var scope = app.Services.CreateScope();
            var applied = await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(ct);
            Console.WriteLine(applied.Count == 0 ? "数据库已是最新结构。" : $"已应用迁移：{string.Join("，", applied)}");
            return 0;
        });
        return cmd;
    }
}
