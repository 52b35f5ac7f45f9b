using System.Net;
using Minsheng.Browser.Tests.Infrastructure;

namespace Minsheng.Browser.Tests.Workflow;

/// <summary>
/// 《民意参考》 to a closed task, each step by clicking: the analyst drafts an item from a suggestion, the supervisor
/// reviews and issues, the leader writes a 批示 on the item, the housing bureau's head reports back, the leader closes
/// it. The leader's pages are then looked at on a 390 px phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BulletinInstructionJourneyTests(BrowserFixture f)
{
    private Infrastructure.Browser B => f.Browser;

    private static long LastId(string url) => long.Parse(new Uri(url).AbsolutePath.Split('/')[^1]);

    [Fact]
    public async Task A_leader_goes_from_a_bulletin_item_to_an_instruction_the_units_report_and_the_closed_task()
    {
        long appealId;
        using (var desk = await f.App.ApiAs("operator"))
            appealId = await desk.NewAppeal(f.App.County, new
            {
                type = "Suggestion", title = "建议王庄村主路加装路灯", content = "王庄村主路晚上漆黑一片，建议加装太阳能路灯，方便群众夜间出行。",
            });

        // Analyst: a new issue, one item from the suggestion.
        B.SignIn("analyst");
        B.Open("/bulletins");
        B.AwaitNewPage(() => B.Click("新建草稿"), "新建草稿");
        B.WaitForText("已新建一期《民意参考》草稿");
        var bulletinId = LastId(B.Driver.Url);
        B.Check($"input[name=appealIds][value='{appealId}']");
        B.Fill("title", "王庄村主路夜间无照明");
        B.Fill("recommendation", "建议县住建局年内完成主路路灯安装。");
        B.AwaitNewPage(() => B.Click("添加条目"), "添加条目");
        B.WaitForText("已添加条目。");
        B.TextOf($"#item-title-{B.AttributeOf("article.bulletin-item", "id")!["item-".Length..]}").ShouldBe("一、王庄村主路夜间无照明");
        B.Screenshot("bulletin-editor");

        // Supervisor: review, then issue.
        B.SignIn("supervisor");
        B.Open($"/bulletins/{bulletinId}");
        B.AwaitNewPage(() => B.Click("审核通过"), "审核通过");
        B.WaitForText("已审核通过，可以签发。");
        B.AwaitNewPage(() => B.Click("签发"), "签发");
        B.WaitForText("已签发，领导已收到通知。");
        B.TextOf("#bulletin-status").ShouldBe("已签发");

        // Leader: reads the issue from the list, writes a 批示 on the item.
        B.SignIn("leader");
        B.Open("/bulletins");
        B.AwaitNewPage(() => B.Click("2026年第1期"), "the issue");
        B.WaitForText("王庄村主路夜间无照明");
        B.Screenshot("bulletin-leader");
        B.AwaitNewPage(() => B.Click("批示"), "批示");
        B.WaitForPath("/instructions/new");
        B.TextOf("#target-title").ShouldBe("王庄村主路夜间无照明");
        B.Fill("Text", "请县住建局五个工作日内拿出安装方案并报告。");
        B.Select("LeadUnitId", "县住房和城乡建设局");
        B.Fill("DeadlineDays", "5");
        B.AwaitNewPage(() => B.Click("批示并交办"), "批示并交办");
        B.WaitForText("已批示并交办县住房和城乡建设局");
        var taskId = LastId(B.Driver.Url);
        B.TextOf("#task-status").ShouldBe("交办中");

        // The unit's head: the task is listed for the unit; report back.
        B.SignIn("housing-head");
        B.Open("/unit");
        B.AwaitNewPage(() => B.Click("领导批示交办事项"), "the unit's tasks");
        B.WaitForText("王庄村主路夜间无照明");
        B.AwaitNewPage(() => B.Click("王庄村主路夜间无照明"), "the task");
        B.WaitForText("报告办理情况");
        B.Fill("text", "已完成主路 32 盏太阳能路灯的选址和采购，月底前安装完毕。");
        B.AwaitNewPage(() => B.Click("提交报告"), "提交报告");
        B.WaitForText("已提交办理情况报告。");
        B.TextOf("#task-status").ShouldBe("已报告待审阅");
        B.Screenshot("instruction-unit-report");

        // Leader: sees the report and closes the task.
        B.SignIn("leader");
        B.Open("/instructions");
        B.AwaitNewPage(() => B.Click("王庄村主路夜间无照明"), "the task");
        B.TextOf("#report-text").ShouldContain("32 盏太阳能路灯");
        B.AwaitNewPage(() => B.Click("同意，闭环"), "同意，闭环");
        B.WaitForText("已闭环。");
        B.TextOf("#task-status").ShouldBe("已闭环");
        B.Screenshot("instruction-closed");

        using var api = await f.App.ApiAs("leader");
        var task = await api.Expect($"/api/instructions/{taskId}");
        task["status"]!.GetValue<string>().ShouldBe("Closed");
        task["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()).ShouldBe(["assign", "report", "accept"]);

        // The leader's pages on a phone: nothing wider than the screen.
        using var phone = new Infrastructure.Browser(f.App.BaseUrl, 390, 844);
        // Headless Chromium keeps windows at least 500 px wide; emulate the phone's viewport itself.
        phone.Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride",
            new Dictionary<string, object?> { ["width"] = 390, ["height"] = 844, ["deviceScaleFactor"] = 1, ["mobile"] = true });
        phone.SignIn("leader");
        foreach (var (path, name) in new[] { ($"/bulletins/{bulletinId}", "bulletin-leader-phone"), ($"/instructions/{taskId}", "instruction-phone"), ("/instructions", "instructions-phone"), ($"/bulletins/{bulletinId}/print", "bulletin-print-phone") })
        {
            phone.Open(path);
            phone.WaitForText("王庄村主路夜间无照明");
            phone.Screenshot(name);
            Convert.ToInt64(phone.Run("return window.innerWidth;")).ShouldBe(390);
            Portal.PortalBrowserKit.FitsWidth(phone).ShouldBeTrue(path);
        }
    }
}
