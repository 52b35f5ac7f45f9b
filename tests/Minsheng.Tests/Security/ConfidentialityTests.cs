using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

public sealed class ConfidentialityTests
{
    private const string Name = "李举报";
    private const string Phone = "13987654321";

    [Fact]
    public async Task Report_about_a_unit_never_shows_the_complainant_to_that_unit()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var op = await app.ClientFor("operator");
        var dispatcher = await app.ClientFor("dispatcher");
        var handler = await app.ClientFor("housing-handler");
        var head = await app.ClientFor("housing-head");
        var id = await op.NewAppeal(c, new
        {
            type = "Report", title = "举报住建局工作人员违规收费", citizenName = Name, citizenPhone = Phone,
            citizenAddress = "城关镇王庄村8号", subjectUnitId = c.Housing.Id,
        });
        await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id, overrideReason = "收费事项仅该局可查处" }).Expect(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/claim", new { comment = "已签收" }).Expect(HttpStatusCode.OK);

        foreach (var client in new[] { handler, head })
        {
            var detail = await client.GetStringAsync($"/api/appeals/{id}");
            detail.ShouldNotContain(Name);
            detail.ShouldNotContain("李*");
            detail.ShouldNotContain(Phone[^4..]);
            detail.ShouldNotContain("王庄村8号");
            detail.ShouldContain("\"complainantHidden\":true");
            (await client.GetStringAsync($"/api/appeals/{id}/timeline")).ShouldNotContain(Name);
            (await client.GetStringAsync("/api/appeals")).ShouldNotContain(Name);
            await client.Post($"/api/appeals/{id}/unmask", new { reason = "需要联系群众" }).Expect(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task Other_units_and_the_desk_see_a_masked_complainant_and_unmasking_is_logged()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var op = await app.ClientFor("operator");
        var dispatcher = await app.ClientFor("dispatcher");
        var id = await op.NewAppeal(c, new { type = "Report", citizenName = Name, citizenPhone = Phone, subjectUnitId = c.Housing.Id });
        await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.CityMgmt.Id }).Expect(HttpStatusCode.OK);

        var seen = await (await app.ClientFor("city-handler")).Expect($"/api/appeals/{id}");
        seen["citizen"]!["phone"]!.GetValue<string>().ShouldBe("139****4321");
        seen["citizen"]!["name"]!.GetValue<string>().ShouldBe("李**");

        var unmasked = await dispatcher.Post($"/api/appeals/{id}/unmask", new { reason = "回访需要拨打电话" }).Expect(HttpStatusCode.OK);
        unmasked["phone"]!.GetValue<string>().ShouldBe(Phone);
        var log = await (await app.ClientFor("supervisor")).Expect($"/api/access-log?appealId={id}");
        log.AsArray().Single()!["reason"]!.GetValue<string>().ShouldBe("回访需要拨打电话");
        log.AsArray().Single()!["username"]!.GetValue<string>().ShouldBe("dispatcher");
    }

    [Fact]
    public async Task Unmasking_needs_a_reason()
    {
        await using var app = await TestApp.StartAsync();
        var dispatcher = await app.ClientFor("dispatcher");
        var id = await dispatcher.NewAppeal(app.County);
        var problem = await dispatcher.Post($"/api/appeals/{id}/unmask", new { reason = " " }).Expect(HttpStatusCode.BadRequest);
        problem["errors"]!["reason"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Public_tracking_shows_progress_and_reply_but_no_identity_or_internal_notes()
    {
        await using var app = await TestApp.StartAsync();
        var receipt = await app.Anonymous().Post("/api/public/appeals", new
        {
            type = "Complaint", title = "小区噪声扰民", content = "夜间施工噪声很大，影响休息。", regionUnitId = app.County.Village1.Id,
            name = Name, phone = Phone,
        }).Expect(HttpStatusCode.Created);
        var number = receipt["number"]!.GetValue<string>();
        var code = receipt["queryCode"]!.GetValue<string>();
        code.Length.ShouldBe(6);
        var dispatcher = await app.ClientFor("dispatcher");
        var list = await dispatcher.Expect($"/api/appeals?q={number}");
        var id = list["items"]![0]!["id"]!.GetValue<long>();
        await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.CityMgmt.Id, comment = "内部意见：此人多次来电" }).Expect(HttpStatusCode.OK);

        var text = await app.Anonymous().GetStringAsync($"/api/public/appeals/{number}?code={code}");
        text.ShouldContain("已派单");
        text.ShouldContain("县城市管理局");
        text.ShouldNotContain(Name);
        text.ShouldNotContain(Phone);
        text.ShouldNotContain("内部意见");
        await app.Anonymous().Expect($"/api/public/appeals/{number}?code=WRONG1", HttpStatusCode.NotFound);
        await app.Anonymous().Expect($"/api/public/appeals/209901019999?code={code}", HttpStatusCode.NotFound);
    }
}
