using Minsheng.Infrastructure.Documents;

namespace Minsheng.Features.Analysis.Reports;

/// <summary>A report as a file: Word (charts rendered to PNG by Chromium) or PDF (its print page printed by Chromium).</summary>
public sealed class ReportExport(Chromium chromium)
{
    public const string PdfType = "application/pdf";

    public async Task<byte[]> DocxAsync(Report report, CancellationToken ct)
    {
        var doc = ReportDocument.Build(report);
        var pngs = await chromium.RenderPngsAsync(doc.Blocks.OfType<DocImage>().ToList(), ct);
        return DocxWriter.Write(doc, pngs);
    }

    public Task<byte[]> PdfAsync(Report report, CancellationToken ct) => chromium.PrintPdfAsync(HtmlWriter.Page(ReportDocument.Build(report)), ct);

    public static string FileName(Report report, string extension) =>
        $"{report.Title}_{report.PeriodFrom:yyyyMMdd}-{report.PeriodTo:yyyyMMdd}.{extension}";
}
