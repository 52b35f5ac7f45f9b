using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Minsheng.Features.Analysis.Reports;
using Minsheng.Infrastructure.Documents;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Analysis.Reports;

/// <summary>The Word and PDF files of a report, read back; and what happens without Chromium.</summary>
public sealed class ReportExportTests(ReportWorld w) : IClassFixture<ReportWorld>
{
    [Fact]
    public async Task The_docx_opens_with_headings_tables_charts_and_page_numbers()
    {
        var report = await w.WeeklyAsync("2026-W47");
        var analyst = await w.ClientFor("analyst");
        using var response = await analyst.GetAsync($"/api/reports/{report.Report.Id}/docx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(DocxWriter.ContentType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var doc = WordprocessingDocument.Open(stream, false);
        var main = doc.MainDocumentPart!;
        var paragraphs = main.Document.Body!.Elements<Paragraph>().ToList();
        string StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        paragraphs.Where(p => StyleOf(p) == "Heading1").Select(p => p.InnerText).ShouldBe(
            ["一、总体情况", "二、诉求分布", "三、办理质效", "四、超期与督办", "五、热点问题", "六、典型案例", "七、分析", "八、工作建议"]);
        paragraphs.First(p => StyleOf(p) == "Title").InnerText.ShouldBe("测试县群众诉求办理周报");
        paragraphs.Any(p => StyleOf(p) == "BodyText" && p.InnerText.StartsWith("本周（2026年11月16日至11月22日）测试县共受理群众诉求 7 件")).ShouldBeTrue();

        var kpis = main.Document.Body!.Elements<Table>().First();
        kpis.Elements<TableRow>().First().InnerText.ShouldBe("指标本周上周变化");
        kpis.Elements<TableRow>().ElementAt(1).InnerText.ShouldBe("受理量70—");

        main.ImageParts.Count().ShouldBe(2);                          // the category and township charts
        foreach (var image in main.ImageParts)
        {
            using var png = image.GetStream();
            var bytes = new byte[8];
            png.ReadExactly(bytes);
            bytes.ShouldBe(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 });
        }
        var footer = main.FooterParts.ShouldHaveSingleItem().Footer;
        footer.Descendants<SimpleField>().ShouldContain(f => f.Instruction!.Value!.Trim() == "PAGE");
        var fonts = main.FontTablePart!.Fonts.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName?.Val?.Value);
        fonts["仿宋"].ShouldBe("FangSong");
        fonts["黑体"].ShouldBe("SimHei");
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        section.GetFirstChild<PageSize>()!.Width!.Value.ShouldBe(11906u); // A4
    }

    [Fact]
    public async Task The_pdf_has_pages()
    {
        var report = await w.WeeklyAsync("2026-W48");
        var leaderless = await w.ClientFor("analyst");
        using var response = await leaderless.GetAsync($"/api/reports/{report.Report.Id}/pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var text = Encoding.Latin1.GetString(pdf);
        System.Text.RegularExpressions.Regex.Count(text, @"/Type\s*/Page[^s]").ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task The_print_page_is_the_document_with_its_charts_drawn_as_svg()
    {
        var report = await w.WeeklyAsync("2026-W47");
        var leader = await w.ClientFor("analyst");
        var html = await leader.GetAsync($"/reports/{report.Report.Id}/print").ExpectText(HttpStatusCode.OK);
        html.ShouldContain("<h2>一、总体情况</h2>");
        System.Text.RegularExpressions.Regex.Count(html, "<svg ").ShouldBe(2);
        html.ShouldContain("/css/document.css");
        html.ShouldNotContain("<script");
    }
}

/// <summary>Without Chromium the exports answer a Chinese ProblemDetails (503), never a stack trace.</summary>
public sealed class ReportWithoutChromiumTests
{
    [Fact]
    public async Task Exports_answer_503_naming_chromium()
    {
        await using var app = await TestApp.StartAsync(new() { [Chromium.Setting] = "/nonexistent/chromium" });
        using var analyst = await app.ClientFor("analyst");
        var report = await analyst.Post("/api/reports", new { period = "2026-W46" }).Expect<ReportView>(HttpStatusCode.Created);
        foreach (var format in new[] { "pdf", "docx" })
        {
            var problem = await analyst.Expect<ProblemAnswer>($"/api/reports/{report.Report.Id}/{format}", HttpStatusCode.ServiceUnavailable);
            problem.Title.ShouldBe("缺少 Chromium，无法导出");
            problem.Detail!.ShouldContain("apt-get install chromium");
        }
        var page = await analyst.GetAsync($"/reports/{report.Report.Id}").ExpectText(HttpStatusCode.OK);
        page.ShouldContain("服务器未安装 Chromium");
    }
}
