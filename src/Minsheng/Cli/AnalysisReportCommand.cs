using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Features.Analysis.Reports;
using Minsheng.Features.Statistics;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Documents;

namespace Minsheng.Cli;

/// <summary>
/// `analysis report`: writes a report to a file. The weekly report of an ISO week is the stored one when it exists
/// (as the Monday job or an analyst made it), else a draft is made now (audited as "cli"); --id exports any report.
/// </summary>
public static class AnalysisReportCommand
{
    public static Command Create()
    {
        var kind = new Option<string>("--kind") { Description = "weekly（周报）；专报请用 --id 导出已有报告", DefaultValueFactory = _ => "weekly" };
        var period = new Option<string?>("--period") { Description = "ISO 周，如 2026-W47（默认上周）" };
        var format = new Option<string>("--format") { Required = true, Description = "pdf 或 docx" };
        var output = new Option<string>("--out") { Required = true, Description = "输出文件" };
        var jurisdiction = new Option<string?>("--jurisdiction") { Description = "辖区（县或市）的单位编码；默认最上一级" };
        var id = new Option<long?>("--id") { Description = "导出这份已有的报告（周报或专报）" };
        var cmd = new Command("report", "把周报或专报写成 Word 或 PDF 文件") { kind, period, format, output, jurisdiction, id };
        cmd.SetAction(async (parse, ct) =>
        {
            var fmt = parse.GetValue(format)?.Trim().ToLowerInvariant();
            if (fmt is not ("pdf" or "docx"))
            {
                Console.Error.WriteLine("--format 应为 pdf 或 docx。");
                return 2;
            }
            var app = await MinshengCli.ServicesAsync(parse, ct);
            using var scope = app.Services.CreateScope();
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<MinshengDb>();
            var units = sp.GetRequiredService<UnitTree>();
            sp.GetRequiredService<CurrentUser>().ActAs("cli");
            try
            {
                Report? report;
                if (parse.GetValue(id) is { } reportId)
                    report = await db.Set<Report>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, ct)
                        ?? throw new DomainValidationException("id", $"没有第 {reportId} 号报告。");
                else
                {
                    if (parse.GetValue(kind)?.Trim().ToLowerInvariant() != "weekly")
                        throw new DomainValidationException("kind", "命令行只生成周报；专报请在“报告”页编写后用 --id 导出。");
                    var code = parse.GetValue(jurisdiction)?.Trim();
                    var unit = code is { Length: > 0 }
                        ? units.All.FirstOrDefault(u => u.Code == code && units.Jurisdictions().Any(j => j.Id == u.Id))
                          ?? throw new DomainValidationException("jurisdiction", $"没有编码为 {code} 的县（区）或市。")
                        : units.DefaultJurisdiction() ?? throw new DomainValidationException("jurisdiction", "数据库中还没有单位。");
                    var week = parse.GetValue(period) is { Length: > 0 } p ? p.Trim()
                        : IsoWeeks.Of(Domain.Calendar.ChinaTime.DateOf(sp.GetRequiredService<TimeProvider>().GetUtcNow()).AddDays(-7));
                    var span = IsoWeeks.Period(week);
                    report = await db.Set<Report>().AsNoTracking().FirstOrDefaultAsync(r => r.ScheduleKey == Report.KeyOf(unit.Id, week), ct)
                             ?? await sp.GetRequiredService<ReportDesk>().DraftAsync(ReportKind.Weekly, unit.Id, span, week, null, null, null, [], ct);
                }
                var export = sp.GetRequiredService<ReportExport>();
                var bytes = fmt == "pdf" ? await export.PdfAsync(report, ct) : await export.DocxAsync(report, ct);
                var path = parse.GetValue(output)!;
                await File.WriteAllBytesAsync(path, bytes, ct);
                Console.WriteLine($"已写出 {path}：{report.Title}（{report.PeriodFrom:yyyy-MM-dd} 至 {report.PeriodTo:yyyy-MM-dd}，{Labels.ReportStatus(report.Status)}），{bytes.Length:N0} 字节。");
                return 0;
            }
            catch (DomainValidationException e)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
            catch (Exception e) when (e is ChromiumMissingException or ChromiumFailedException)
            {
                Console.Error.WriteLine(e.Message);
                return 3;
            }
        });
        return cmd;
    }
}
