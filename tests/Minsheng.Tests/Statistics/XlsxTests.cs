using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Minsheng.Infrastructure.Export;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Statistics;

public sealed class XlsxTests(StatisticsFixture f) : IClassFixture<StatisticsFixture>
{
    [Fact]
    public void The_writer_makes_a_sheet_excel_can_read_back_cell_by_cell()
    {
        var bytes = XlsxWriter.Write("台账/2026:11", ["单位", "件数", "比率", "备注"],
        [
            ["住建局", 3, 66.7, null],
            ["城管局", 12L, 0.5m, "含\u0001控制字符"],
        ]);

        var sheet = Read(bytes);
        sheet.Name.ShouldBe("台账202611");
        sheet.Cells["A1"].ShouldBe(("单位", false));
        sheet.Cells["D1"].ShouldBe(("备注", false));
        sheet.Cells["A2"].ShouldBe(("住建局", false));
        sheet.Cells["B2"].ShouldBe(("3", true));
        sheet.Cells["C2"].ShouldBe(("66.7", true));
        sheet.Cells.ShouldNotContainKey("D2");
        sheet.Cells["B3"].ShouldBe(("12", true));
        sheet.Cells["C3"].ShouldBe(("0.5", true));
        sheet.Cells["D3"].ShouldBe(("含控制字符", false));
        sheet.BoldHeader.ShouldBeTrue();
    }

    [Fact]
    public void A_long_sheet_written_into_a_stream_reads_back_whole_with_its_widths_and_frozen_header()
    {
        // The writer streams rows into the zip entry (no document model): every row must still be there, in order,
        // with the column widths of the longest cell and the header frozen, as the SDK reads them.
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "台账", ["编号", "标题"], Enumerable.Range(1, 3000).Select(i => (IReadOnlyList<object?>)[i, i == 2999 ? "一个很长很长很长很长很长的标题" : "短"]));
        stream.Position = 0;
        using var doc = SpreadsheetDocument.Open(stream, false);
        var part = doc.WorkbookPart!.WorksheetParts.Single();
        var rows = part.Worksheet.Descendants<Row>().ToList();
        rows.Count.ShouldBe(3001);
        rows.Select(r => r.RowIndex!.Value).ShouldBe(Enumerable.Range(1, 3001).Select(i => (uint)i));
        rows[^1].Elements<Cell>().First().CellValue!.Text.ShouldBe("3000");
        var widths = part.Worksheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        widths.ShouldBe([6, 32]); // "3000" is narrower than the header (4 + 2); the long title is 15 CJK characters (30 + 2)
        var pane = part.Worksheet.Descendants<Pane>().Single();
        (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value, pane.State!.Value).ShouldBe((1d, "A2", PaneStateValues.Frozen));
    }

    [Fact]
    public void Column_names_continue_past_z()
    {
        XlsxWriter.ColumnName(0).ShouldBe("A");
        XlsxWriter.ColumnName(25).ShouldBe("Z");
        XlsxWriter.ColumnName(26).ShouldBe("AA");
        XlsxWriter.ColumnName(701).ShouldBe("ZZ");
        XlsxWriter.ColumnName(702).ShouldBe("AAA");
    }

    [Fact]
    public async Task The_unit_table_downloads_as_xlsx_with_the_rates_as_numbers()
    {
        var response = await (await f.ClientFor("leader")).GetAsync("/api/statistics/units.xlsx?from=2026-11-16&to=2026-11-18&sort=unit");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(XlsxWriter.ContentType);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("单位办理情况统计_20261116-20261118.xlsx");

        var sheet = Read(await response.Content.ReadAsByteArrayAsync());
        string.Join("|", "ABCDEFGHIJKL".Select(c => sheet.Cells[$"{c}1"].Text))
            .ShouldBe("单位|受理量|办结量|按时办结量|按时办结率(%)|响应率(%)|响应n|解决率(%)|解决n|满意率(%)|满意n|当前超期");
        // Sorted by name (pinyin): 城管局 (cheng) before 住建局 (zhu).
        sheet.Cells["A2"].ShouldBe(("县城市管理局", false));
        sheet.Cells["B2"].ShouldBe(("2", true));
        sheet.Cells.ShouldNotContainKey("E2"); // nothing closed: no on-time rate
        sheet.Cells["F2"].ShouldBe(("50", true));
        sheet.Cells["G2"].ShouldBe(("2", true));  // n beside the rate
        sheet.Cells["L2"].ShouldBe(("1", true));
        sheet.Cells["A3"].ShouldBe(("县住房和城乡建设局", false));
        sheet.Cells["F3"].ShouldBe(("66.7", true));
        sheet.Cells["J3"].ShouldBe(("50", true));
        sheet.Cells["K3"].ShouldBe(("2", true));
    }

    private sealed record Sheet(string Name, Dictionary<string, (string Text, bool Number)> Cells, bool BoldHeader);

    private static Sheet Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var doc = SpreadsheetDocument.Open(stream, false);
        var workbook = doc.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var cells = part.Worksheet.Descendants<Cell>()
            .Where(c => c.CellValue is not null || c.InlineString is not null)
            .ToDictionary(c => c.CellReference!.Value!, c => c.DataType?.Value == CellValues.Number
                ? (c.CellValue!.Text, true)
                : (c.InlineString!.InnerText, false));
        var headerStyle = part.Worksheet.Descendants<Cell>().First().StyleIndex?.Value ?? 0;
        var font = workbook.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>()
            .ElementAt((int)workbook.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)headerStyle).FontId!.Value);
        return new Sheet(sheet.Name!.Value!, cells, font.Bold is not null);
    }
}
