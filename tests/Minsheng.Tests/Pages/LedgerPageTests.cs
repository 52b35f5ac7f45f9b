using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Pages;

/// <summary>The unit ledger (办理台账): its own unit's dispatched appeals only, a checked period, and an Excel file that opens.</summary>
public sealed class LedgerPageTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private async Task<(string Housing, string City)> TwoDispatchedAppeals()
    {
        using var desk = await shared.App.ClientFor("dispatcher");
        var county = shared.App.County;
        var housing = await desk.NewAppeal(county, new { title = "台账测试：小区电梯停运" });
        var city = await desk.NewAppeal(county, new { title = "台账测试：占道经营" });
        var h = await desk.Post($"/api/appeals/{housing}/dispatch", new { leadUnitId = county.Housing.Id }).Expect<AppealAnswer>(HttpStatusCode.OK);
        var c = await desk.Post($"/api/appeals/{city}/dispatch", new { leadUnitId = county.CityMgmt.Id }).Expect<AppealAnswer>(HttpStatusCode.OK);
        (h.Summary.LeadUnitId, c.Summary.LeadUnitId).ShouldBe((county.Housing.Id, county.CityMgmt.Id));
        return (h.Number, c.Number);
    }

    [Fact]
    public async Task The_ledger_lists_the_units_own_appeals_and_exports_them_to_excel()
    {
        var (housing, city) = await TwoDispatchedAppeals();
        using var handler = await shared.App.ClientFor("housing-handler");
        var html = await handler.GetStringAsync("/unit/ledger?from=2026-11-01&to=2026-11-30");
        html.ShouldContain(housing);
        html.ShouldNotContain(city);

        var response = await handler.GetAsync("/unit/ledger?handler=Export&from=2026-11-01&to=2026-11-30");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var book = SpreadsheetDocument.Open(stream, false);
        var part = book.WorkbookPart!;
        var texts = part.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(c => CellText(part, c)).ToList();
        texts.ShouldContain("受理编号");
        texts.ShouldContain(housing);
        texts.ShouldNotContain(city);
    }

    [Fact]
    public async Task A_period_ending_before_it_starts_is_named_next_to_the_field()
    {
        using var handler = await shared.App.ClientFor("housing-handler");
        var html = await handler.GetStringAsync("/unit/ledger?from=2026-11-30&to=2026-11-01");
        html.ShouldContain("开始日期不能晚于结束日期");
        html.ShouldContain("id=\"from-error\"");
        var export = await handler.GetAsync("/unit/ledger?handler=Export&from=2026-11-30&to=2026-11-01");
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var bad = await handler.GetStringAsync("/unit/ledger?from=not-a-date");
        bad.ShouldContain("“not-a-date”不是有效的值");
    }

    private static string CellText(WorkbookPart part, Cell cell) =>
        cell.DataType?.Value == CellValues.SharedString
            ? part.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(cell.CellValue!.Text)).InnerText
            : cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";
}
