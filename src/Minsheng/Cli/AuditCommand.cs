using System.CommandLine;
using Minsheng.Features.Audit;

namespace Minsheng.Cli;

public static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "逐条校验审计日志的哈希链，报告第一处断链");
        verify.SetAction(async (parse, ct) =>
        {
            var app = await MinshengCli.ServicesAsync(parse, ct);
            using var scope = app.Services.CreateScope();
            var (count, broken, problem) = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(ct);
            if (broken is null)
            {
                Console.WriteLine($"审计日志完整：已校验 {count} 条记录。");
                return 0;
            }
            Console.WriteLine($"审计日志在第 {broken} 号记录处断链：{problem}（此前 {count - 1} 条完好）。");
            return 2;
        });
        var cmd = new Command("audit", "审计日志") { verify };
        return cmd;
    }
}
