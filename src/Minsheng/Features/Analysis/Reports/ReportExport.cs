using Minsheng.Infrastructure.Documents;

namespace Minsheng.Features.Analysis.Reports;

/// <summary>A report as a file, through the shared document toolkit (<see cref="DocumentFiles"/>).</summary>
public sealed class ReportExport(DocumentFiles files)
{
    public const string PdfType = DocumentFiles.PdfType;

    public Task<byte[]> DocxAsync(Report report, CancellationToken ct) => files.DocxAsync(ReportDocument.Build(report), ct);

    public Task<byte[]> PdfAsync(Report report, CancellationToken ct) => files.PdfAsync(ReportDocument.Build(report), ct);

    public static string FileName(Report report, string extension) =>
        $"{report.Title}_{report.PeriodFrom:yyyyMMdd}-{report.PeriodTo:yyyyMMdd}.{extension}";
}
