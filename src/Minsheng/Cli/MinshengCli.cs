using System.CommandLine;
using Minsheng.Data;

namespace Minsheng.Cli;

/// <summary>The `minsheng` command line. Each verb is thin: it starts the services and calls the feature code.</summary>
public static class MinshengCli
{
    public static readonly Option<string?> Database = new("--database")
    {
        Description = "数据库：sqlite:路径 或 postgres:连接字符串（也可用环境变量 MINSHENG_DATABASE）",
        Recursive = true,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("民声 · 群众诉求办理平台");
        root.Options.Add(Database);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(SeedCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(CalendarCommand.Create());
        root.Subcommands.Add(TriageCommand.Create());
        root.Subcommands.Add(AnalysisCommand.Create());
        root.Subcommands.Add(FactsCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }

    public static DatabaseTarget ResolveDatabase(ParseResult parse) =>
        DatabaseTarget.Parse(parse.GetValue(Database) ?? Environment.GetEnvironmentVariable("MINSHENG_DATABASE"));

    /// <summary>Services without a listening server, migrated, for the non-serve verbs.</summary>
    public static async Task<WebApplication> ServicesAsync(ParseResult parse, CancellationToken ct)
    {
        var app = WebApp.Build([], ResolveDatabase(parse), b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await WebApp.MigrateAsync(app.Services, ct);
        return app;
    }
}
