using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Minsheng.Tests.Infrastructure;
using Minsheng.Tests.Portal;

namespace Minsheng.Tests.Security;

/// <summary>
/// Personal data typed into an appeal's free text: removed for the unit a report is about (API, page, export,
/// notices), masked for other staff, as written after a logged 查阅, removed at publication; the unit directory's
/// public phone is kept everywhere. Also: a report is not dispatched to the unit it is about without a reason.
/// </summary>
public sealed class FreeTextPrivacyTests
{
    private const string Phone = "13911112222";
    private const string Masked = "139****2222";
    private const string DirectoryPhone = "0550-7021356";
    private const string Name = "李举报";

    private static async Task<(TestApp App, long Id)> ReportAboutHousing()
    {
        var app = await TestApp.StartAsync();
        var c = app.County;
        using var admin = await app.ClientFor("admin");
        await admin.Put($"/api/units/{c.Housing.Id}", new { name = c.Housing.Name, phone = DirectoryPhone }).Expect(HttpStatusCode.OK);
        using var op = await app.ClientFor("operator");
        var id = await op.NewAppeal(c, new
        {
            type = "Report", title = $"{Phone}举报住建局工作人员违规收费",
            content = $"我叫{Name}，我是{Phone}的李某，住3栋2单元501室。住建局说有事打{DirectoryPhone}，一直没人接。",
            citizenName = Name, citizenPhone = "13987654321", subjectUnitId = c.Housing.Id,
        });
        return (app, id);
    }

    [Fact]
    public async Task A_report_is_not_dispatched_to_the_unit_it_is_about_without_a_root_dispatchers_reason()
    {
        var (app, id) = await ReportAboutHousing();
        await using var _ = app;
        var c = app.County;
        using var dispatcher = await app.ClientFor("dispatcher");
        var lead = await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.BadRequest);
        lead.Errors("leadUnitId").Single().ShouldContain("被反映单位");
        var co = await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.CityMgmt.Id, coUnitIds = new[] { c.Housing.Id } })
            .Expect(HttpStatusCode.BadRequest);
        co.Errors("coUnitIds").Single().ShouldContain("被反映单位");
        (await dispatcher.Expect($"/api/appeals/{id}"))["summary"]!["status"]!.GetValue<string>().ShouldBe("Registered");

        // A township dispatcher is no root: the reason does not help (and the bureau lies outside its township anyway).
        using var admin = await app.ClientFor("admin");
        await admin.Post("/api/users", new { username = "town1-dispatcher", displayName = "城关镇派单员", role = "Dispatcher", unitId = c.Town1.Id, password = TestApp.Password })
            .Expect(HttpStatusCode.Created);
        using var town = await app.ClientFor("town1-dispatcher");
        var refused = await town.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id, overrideReason = "情况紧急" }).Expect(HttpStatusCode.BadRequest);
        (refused.Errors("overrideReason").Concat(refused.Errors("leadUnitId"))).ShouldNotBeEmpty();
        (await dispatcher.Expect($"/api/appeals/{id}"))["summary"]!["status"]!.GetValue<string>().ShouldBe("Registered");

        var done = await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id, overrideReason = "仅住建局有执法权，已报纪委备案" })
            .Expect(HttpStatusCode.OK);
        done["timeline"]!.AsArray().Last()!["comment"]!.GetValue<string>().ShouldContain("仅住建局有执法权");
        using var supervisor = await app.ClientFor("supervisor");
        var audit = (await supervisor.Expect("/api/audit")).AsArray().Single(e => e!["action"]!.GetValue<string>() == "appeal.dispatch-override")!;
        audit["actor"]!.GetValue<string>().ShouldBe("dispatcher");
        audit["detail"]!.GetValue<string>().ShouldContain("仅住建局有执法权");
    }

    [Fact]
    public async Task The_phone_in_a_reports_text_never_reaches_the_unit_it_is_about()
    {
        var (app, id) = await ReportAboutHousing();
        await using var _ = app;
        var c = app.County;
        using var dispatcher = await app.ClientFor("dispatcher");
        await dispatcher.Post($"/api/appeals/{id}/dispatch", new
        {
            leadUnitId = c.Housing.Id, overrideReason = "仅住建局有执法权", comment = $"来电人{Phone}要求保密",
        }).Expect(HttpStatusCode.OK);

        using var handler = await app.ClientFor("housing-handler");
        var seen = new Dictionary<string, string>
        {
            ["detail"] = await handler.GetStringAsync($"/api/appeals/{id}"),
            ["timeline"] = await handler.GetStringAsync($"/api/appeals/{id}/timeline"),
            ["list"] = await handler.GetStringAsync("/api/appeals"),
            ["page"] = await handler.GetStringAsync($"/appeals/{id}"),
            ["inbox page"] = await handler.GetStringAsync("/unit"),
            ["export"] = await LedgerTexts(handler),
        };
        foreach (var (where, text) in seen)
        {
            text.ShouldNotContain(Phone, customMessage: where);
            text.ShouldNotContain(Masked, customMessage: where);
            text.ShouldNotContain("501", customMessage: where);
            text.ShouldNotContain(Name, customMessage: where);
        }
        seen["detail"].ShouldContain("【已隐去】");
        seen["detail"].ShouldContain(DirectoryPhone);
        seen["page"].ShouldContain("【已隐去】");
        seen["export"].ShouldContain("【已隐去】举报住建局工作人员违规收费");
        await handler.Post($"/api/appeals/{id}/unmask", new { reason = "需要联系群众" }).Expect(HttpStatusCode.Forbidden);
        // Nor can the unit find out by searching for the number.
        (await handler.Expect($"/api/appeals?q={Phone}"))["total"]!.GetValue<int>().ShouldBe(0);
        (await handler.Expect("/api/appeals?q=1391111"))["total"]!.GetValue<int>().ShouldBe(0);
        (await handler.Expect("/api/appeals?q=违规收费"))["total"]!.GetValue<int>().ShouldBe(1);

        // Deadline notices to the unit are written without it too.
        app.Clock.Advance(TimeSpan.FromDays(3));
        await app.RunMonitor();
        using var later = await app.ClientFor("housing-handler"); // the morning's token has expired by now
        var notices = (await later.Expect("/api/notifications")).AsArray().Select(n => n!["body"]!.GetValue<string>()).ToList();
        notices.ShouldNotBeEmpty();
        notices.ShouldAllBe(n => n.Contains("举报住建局工作人员违规收费") && !n.Contains(Phone) && !n.Contains(Masked));
    }

    [Fact]
    public async Task Staff_see_it_masked_and_the_logged_unmask_shows_it_as_written()
    {
        var (app, id) = await ReportAboutHousing();
        await using var _ = app;
        using var dispatcher = await app.ClientFor("dispatcher");
        await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.CityMgmt.Id, comment = $"来电人{Phone}要求保密" })
            .Expect(HttpStatusCode.OK);

        using var other = await app.ClientFor("city-handler");
        foreach (var client in new[] { dispatcher, other })
        {
            var detail = await client.Expect($"/api/appeals/{id}");
            var content = detail["content"]!.GetValue<string>();
            content.ShouldContain(Masked);
            content.ShouldContain("李**");
            content.ShouldContain("*栋*单元***室");
            content.ShouldContain(DirectoryPhone);
            detail.ToJsonString().ShouldNotContain(Phone);
            detail["summary"]!["title"]!.GetValue<string>().ShouldStartWith(Masked);
            (await client.GetStringAsync($"/appeals/{id}")).ShouldNotContain(Phone);
            (await client.GetStringAsync("/api/appeals")).ShouldNotContain(Phone);
        }

        var revealed = await dispatcher.Post($"/api/appeals/{id}/unmask", new { reason = "核实举报线索" }).Expect(HttpStatusCode.OK);
        revealed["text"]!["content"]!.GetValue<string>().ShouldContain($"我是{Phone}的李某，住3栋2单元501室");
        revealed["text"]!["title"]!.GetValue<string>().ShouldStartWith(Phone);
        revealed["text"]!["timeline"]!.AsArray().Last()!["comment"]!.GetValue<string>().ShouldBe($"来电人{Phone}要求保密");
        using var supervisor = await app.ClientFor("supervisor");
        (await supervisor.Expect($"/api/access-log?appealId={id}")).AsArray().Single()!["reason"]!.GetValue<string>().ShouldBe("核实举报线索");
    }

    [Fact]
    public async Task Publication_removes_it_and_keeps_the_directory_phone()
    {
        await using var app = await TestApp.StartAsync();
        using var admin = await app.ClientFor("admin");
        await admin.Put($"/api/units/{app.County.Housing.Id}", new { name = app.County.Housing.Name, phone = DirectoryPhone }).Expect(HttpStatusCode.OK);
        using var desk = await app.ClientFor("operator");
        var id = await desk.NewAppeal(app.County, new
        {
            content = $"我是张三丰，电话１３９１１１１２２２２，邻居车牌皖A12345堵门，邮箱zsf@qq.com。",
        });
        await PortalKit.CloseAsync(app, id, $"已联系物业，车辆已移走。如有疑问请拨打住建局电话{DirectoryPhone}。");

        using var publicity = await app.ClientFor("publicity");
        var preview = await publicity.Expect($"/api/publicity/appeals/{id}/preview");
        var content = preview["content"]!.GetValue<string>();
        content.ShouldBe("我是某某，电话【已隐去】，邻居车牌【已隐去】堵门，邮箱【已隐去】。");
        preview["reply"]!.GetValue<string>().ShouldContain(DirectoryPhone);
        var published = await publicity.Post("/api/publicity/cases", new { appealId = id }).Expect(HttpStatusCode.Created);
        var caseId = published["id"]!.GetValue<long>();
        var page = await app.Anonymous().GetStringAsync($"/api/public/cases/{caseId}");
        page.ShouldNotContain("１３９１１１１２２２２");
        page.ShouldNotContain("皖A12345");
        page.ShouldContain(DirectoryPhone);
    }

    private static async Task<string> LedgerTexts(HttpClient handler)
    {
        var response = await handler.GetAsync("/unit/ledger?handler=Export&from=2026-11-01&to=2026-11-30");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var book = SpreadsheetDocument.Open(stream, false);
        var part = book.WorkbookPart!;
        var texts = part.WorksheetParts.Single().Worksheet.Descendants<Cell>().Select(cell =>
            cell.DataType?.Value == CellValues.SharedString
                ? part.SharedStringTablePart!.SharedStringTable.ElementAt(int.Parse(cell.CellValue!.Text)).InnerText
                : cell.InnerText).ToList();
        texts.Count.ShouldBeGreaterThan(13, "the export has rows");
        return string.Join("\n", texts);
    }
}
