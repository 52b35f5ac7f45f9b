using Minsheng.Browser.Tests.Infrastructure;

namespace Minsheng.Browser.Tests.Reports;

[Collection(BrowserCollection.Name)]
public sealed class ReportPagesTests(BrowserFixture f)
{
    private Infrastructure.Browser B => f.Browser;

    [Fact]
    public void An_analyst_drafts_edits_and_issues_a_weekly_report_that_the_leader_then_reads()
    {
        B.SignIn("analyst");
        B.Open("/reports");
        B.WaitForText("周报与专报");
        B.Fill("period", "2026-W40");
        B.Click("生成草稿");
        B.WaitForText("已生成报告草稿。");
        B.Path_.ShouldStartWith("/reports/");
        var path = B.Path_;
        B.AttributeOf("[data-status]", "data-status").ShouldBe("Draft");
        B.TextOf(".report-doc").ShouldContain("一、总体情况");
        B.Count(".report-doc svg").ShouldBe(2);
        B.Screenshot("report-draft-analyst");

        B.Fill("summary", "本周诉求总体平稳，浏览器测试改写的摘要。");
        B.Click("保存");
        B.WaitForText("已保存。");
        B.TextOf(".report-doc").ShouldContain("本周诉求总体平稳，浏览器测试改写的摘要。");
        B.Click("签发给领导");
        B.WaitForText("已签发，本辖区领导已收到消息。");
        B.AttributeOf("[data-status]", "data-status").ShouldBe("Issued");
        B.Has("textarea[name=summary]").ShouldBeFalse();

        B.SignOut();
        B.SignIn("leader");
        B.Open("/inbox");
        B.WaitForText("报告签发");
        B.Open("/reports");
        B.WaitForText("已签发");
        B.ClickOn($"a[href='{path}']");
        B.WaitForPath(path);
        B.TextOf(".report-doc").ShouldContain("本周诉求总体平稳，浏览器测试改写的摘要。");
        B.Has("textarea[name=summary]").ShouldBeFalse();
        B.Screenshot("report-issued-leader");
    }

    [Fact]
    public async Task A_leader_reads_a_report_on_a_phone()
    {
        using var analyst = await f.App.ApiAs("analyst");
        var id = (await analyst.Post("/api/reports", new { period = "2026-W41" }).Expect(System.Net.HttpStatusCode.Created))["report"]!["id"]!.GetValue<long>();
        await analyst.Post($"/api/reports/{id}/issue").Expect(System.Net.HttpStatusCode.OK);

        using var phone = new Infrastructure.Browser(f.App.BaseUrl, 390, 844);
        phone.SignIn("leader");
        phone.Open($"/reports/{id}");
        phone.WaitForText("二、诉求分布");
        var overflow = (long)phone.Run("return document.documentElement.scrollWidth - document.documentElement.clientWidth")!;
        overflow.ShouldBe(0L);
        phone.Screenshot("report-phone");
    }
}
