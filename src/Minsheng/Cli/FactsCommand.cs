using System.CommandLine;
using System.Globalization;
using Minsheng.Features.Statistics.Facts;

namespace Minsheng.Cli;

/// <summary>
/// `facts rebuild [--from yyyy-MM-dd] [--to yyyy-MM-dd]`: rebuilds the dashboard's daily facts from the appeals, for
/// data written outside the application (bulk imports, SQL). Without dates: every day up to yesterday.
/// </summary>
public static class FactsCommand
{
    public static Command Create()
    {
        var from = new Option<string?>("--from") { Description = "起始日期 yyyy-MM-dd（默认：最早的诉求登记日）" };
        var to = new Option<string?>("--to") { Description = "结束日期 yyyy-MM-dd（默认：昨天；今天总是实时统计）" };
        var rebuild = new Command("rebuild", "按诉求表重建统计日汇总（批量导入或直接改库之后执行）") { from, to };
        rebuild.SetAction(async (parse, ct) =>
        {
            if (!TryDate(parse.GetValue(from), "--from", out var f) || !TryDate(parse.GetValue(to), "--to", out var t)) return 1;
            if (f is { } a && t is { } b && a > b)
            {
                Console.Error.WriteLine("--from 不能晚于 --to。");
                return 1;
            }
            var app = await MinshengCli.ServicesAsync(parse, ct);
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<Infrastructure.CurrentUser>().ActAs("cli");
            var done = await scope.ServiceProvider.GetRequiredService<FactsBuilder>().RebuildAsync(f, t, ct);
            Console.WriteLine($"已重建 {done.Days} 天的统计日汇总，共 {done.Rows} 行，用时 {done.Elapsed.TotalSeconds:0.0} 秒。");
            var metrics = await scope.ServiceProvider.GetRequiredService<Features.Statistics.MetricFacts.MetricFactsBuilder>().RebuildAsync(f, t, ct);
            Console.WriteLine($"已重建 {metrics.Days} 天的考核指标日汇总，共 {metrics.Rows} 行，用时 {metrics.Elapsed.TotalSeconds:0.0} 秒。");
            return 0;
        });
        return new Command("facts", "统计日汇总（驾驶舱总览的预聚合数据）") { rebuild };
    }

    private static bool TryDate(string? text, string name, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            && Infrastructure.Web.DateBounds.Sane(d))
        {
            date = d;
            return true;
        }
        Console.Error.WriteLine($"{name} 应为 yyyy-MM-dd 格式的日期（2000 年至 2100 年之间），收到：{text}");
        return false;
    }
}
