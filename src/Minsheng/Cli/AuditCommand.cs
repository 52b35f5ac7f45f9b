using System.CommandLine;
using Minsheng.Features.Audit;

namespace Minsheng.Cli;

public static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "校验审计日志的签名链、时间线与查阅登记的封存和检查点，报告第一处问题");
        verify.SetAction(async (parse, ct) =>
        {
            AuditVerdict v;
            try
            {
                var app = await MinshengCli.ServicesAsync(parse, ct);
                using var scope = app.Services.CreateScope();
                v = await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(ct);
            }
            catch (AuditKeyException e)
            {
                Console.WriteLine($"审计日志无法校验：{e.Message}");
                return 2;
            }
            if (v.Intact)
            {
                var legacy = v.Legacy > 0 ? $"（其中 {v.Legacy} 条为启用密钥前的旧记录）" : "";
                Console.WriteLine($"审计日志完整：已校验 {v.Checked} 条审计记录{legacy}、{v.Records} 条时间线记录与查阅登记、{v.Checkpoints} 个检查点。");
                return 0;
            }
            var where = v.FirstBrokenId is { } id ? $"（第 {id} 号记录）" : "";
            Console.WriteLine($"审计日志校验失败{where}：{v.Problem}。");
            return 2;
        });
        var checkpoint = new Command("checkpoint", "立即把审计链的长度与末端签名追加到检查点文件");
        checkpoint.SetAction(async (parse, ct) =>
        {
            var app = await MinshengCli.ServicesAsync(parse, ct);
            using var scope = app.Services.CreateScope();
            var cp = await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(ct);
            Console.WriteLine(cp is null ? "审计日志为空，未写检查点。" : $"检查点：{cp.Count} 条审计记录，末条第 {cp.LastId} 号（{cp.LocalTime}）。");
            return 0;
        });
        return new Command("audit", "审计日志") { verify, checkpoint };
    }
}
