using System.Globalization;
using System.Net;
using Minsheng.Browser.Tests.Infrastructure;
using Minsheng.Domain.Calendar;

namespace Minsheng.Browser.Tests.Assessment;

/// <summary>
/// The 申诉 loop in the browser: the 住建局 head contests a 督办单 deduction on “本单位考核” with a reason and evidence,
/// the assessment office upholds it on “申诉审核”, and the head's page shows the item exempted and the score back up.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScoreAppealLoopTests(BrowserFixture f)
{
    private Infrastructure.Browser B => f.Browser;

    [Fact]
    public async Task A_unit_head_contests_a_deduction_the_office_upholds_it_and_the_score_reflects_it()
    {
        var c = f.App.County;
        var month = ChinaTime.DateOf(f.App.Clock.GetUtcNow()).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using var op = await f.App.ApiAs("operator");
        using var dispatcher = await f.App.ApiAs("dispatcher");
        using var handler = await f.App.ApiAs("housing-handler");
        using var office = await f.App.ApiAs("supervisor");
        var id = await op.NewAppeal(c, new { title = "考核申诉测试：小区路灯不亮" });
        await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/contact", new { comment = "已电话联系群众" }).Expect(HttpStatusCode.OK);
        var order = (await office.Post($"/api/appeals/{id}/supervision-orders",
            new { kind = "SupervisionOrder", instruction = "请三日内办结。", dueAt = f.App.Clock.GetUtcNow().AddDays(3) }).Expect(HttpStatusCode.Created))["id"]!.GetValue<long>();
        // One responded appeal is a sample here, so the unit has a score to move.
        await office.Put("/api/assessment/scheme", new { minSample = 1, perSupervisionOrder = 1 }).Expect(HttpStatusCode.OK);
        await office.Post("/api/assessment/cycle", new { month, action = "draft" }).Expect(HttpStatusCode.OK);
        await office.Post("/api/assessment/cycle", new { month, action = "open" }).Expect(HttpStatusCode.OK);
        var item = $"[data-item='s:{order}']";

        B.SignIn("housing-head");
        B.Open($"/assessment/unit?month={month}");
        B.WaitForText("扣分与加分事项");
        var before = Score();
        var rankBefore = Rank();
        B.TextOf(item).ShouldContain("督办单");
        B.Screenshot("assessment-unit-sheet");
        B.ClickIn(item, "申诉");
        B.Type($"{item} textarea[name=Reason]", "该督办单所涉路灯属供电公司产权，不在本单位职责范围内。");
        B.Type($"{item} textarea[name=Evidence]", "路灯产权移交清单（2024 年）。");
        B.ClickIn(item, "提交申诉");
        B.WaitForText("申诉已提交");
        B.TextOf(item).ShouldContain("申诉待审核");

        B.SignIn("supervisor");
        B.Open("/assessment/rulings");
        B.WaitForText("路灯产权移交清单");
        B.Type($"article[data-appeal] textarea[name=Ruling]", "经核实，路灯产权属供电公司，予以核减。");
        B.ClickIn("article[data-appeal]", "申诉成立（核减）");
        B.WaitForText("申诉成立");
        B.Screenshot("assessment-rulings");

        B.SignIn("housing-head");
        B.Open($"/assessment/unit?month={month}");
        B.WaitForText("扣分与加分事项");
        B.TextOf(item).ShouldContain("申诉成立，已核减");
        Score().ShouldBe(before + 1, 0.001, "the 1-point deduction is gone");
        (Rank() ?? int.MaxValue).ShouldBeLessThanOrEqualTo(rankBefore ?? int.MaxValue);
        B.TextOf(".appeals").ShouldContain("经核实，路灯产权属供电公司，予以核减。");
        B.Screenshot("assessment-unit-upheld");
    }

    private double Score() => double.Parse(B.TextOf("[data-score]"), CultureInfo.InvariantCulture);

    private int? Rank() => B.TextOf("[data-rank]") is var t && t.Contains('/') ? int.Parse(t.Split('/')[0], CultureInfo.InvariantCulture) : null;
}
