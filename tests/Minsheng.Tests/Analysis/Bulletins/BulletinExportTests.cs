using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Minsheng.Infrastructure.Documents;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Analysis.Bulletins;

/// <summary>An issued 《民意参考》 as Word and PDF files, read back, through the report's document toolkit.</summary>
public sealed class BulletinExportTests
{
    [Fact]
    public async Task The_issue_downloads_as_docx_with_its_chart_and_as_pdf_without_personal_data()
    {
        await using var app = await TestApp.StartAsync();
        using var desk = await app.ClientFor("operator");
        long[] ids =
        [
            await desk.NewAppeal(app.County, new { content = "我是张三丰，电话13812345678，王庄村村口路灯坏了两个星期。" }),
            await desk.NewAppeal(app.County, new { content = "王庄村路灯还是不亮，晚上出行不方便。" }),
        ];
        using var analyst = await app.ClientFor("analyst");
        using var supervisor = await app.ClientFor("supervisor");
        var (id, _, _) = await BulletinKit.IssuedAsync(analyst, supervisor, ids);
        using var leader = await app.ClientFor("leader");

        using var docx = await leader.GetAsync($"/api/bulletins/{id}/docx");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        docx.Content.Headers.ContentType!.MediaType.ShouldBe(DocxWriter.ContentType);
        using var stream = new MemoryStream(await docx.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var main = doc.MainDocumentPart!;
        var paragraphs = main.Document.Body!.Elements<Paragraph>().ToList();
        string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        paragraphs.First(p => StyleOf(p) == "Title").InnerText.ShouldBe("民意参考");
        paragraphs.Where(p => StyleOf(p) == "Heading1").Select(p => p.InnerText).ShouldBe(["一、王庄村路灯长期不亮"]);
        paragraphs.ShouldContain(p => p.InnerText.StartsWith("【反映情况】涉及诉求 2 件，") && p.InnerText.EndsWith(" 人反映。"));
        main.ImageParts.Count().ShouldBe(1);
        main.Document.Body!.InnerText.ShouldNotContain("13812345678");
        main.Document.Body!.InnerText.ShouldNotContain("张三丰");

        using var pdf = await leader.GetAsync($"/api/bulletins/{id}/pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync(), 0, 5).ShouldBe("%PDF-");

        // Outside the jurisdiction's readers, no file.
        using var dispatcher = await app.ClientFor("dispatcher");
        (await dispatcher.GetAsync($"/api/bulletins/{id}/pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
