namespace Minsheng.Infrastructure.Documents;

/// <summary>
/// A document of blocks as a file: Word (charts rendered to PNG by Chromium, then written with OpenXml) or PDF (its
/// HTML page printed by Chromium). Every downloadable document (周报/专报, 《民意参考》…) goes through here.
/// </summary>
public sealed class DocumentFiles(Chromium chromium)
{
    public const string PdfType = "application/pdf";

    public async Task<byte[]> DocxAsync(DocDocument doc, CancellationToken ct)
    {
        var pngs = await chromium.RenderPngsAsync(doc.Blocks.OfType<DocImage>().ToList(), ct);
        return DocxWriter.Write(doc, pngs);
    }

    public Task<byte[]> PdfAsync(DocDocument doc, CancellationToken ct) => chromium.PrintPdfAsync(HtmlWriter.Page(doc), ct);
}
