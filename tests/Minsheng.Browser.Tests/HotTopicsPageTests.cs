using System.Net;
using Minsheng.Browser.Tests.Infrastructure;

namespace Minsheng.Browser.Tests;

/// <summary>热点问题 in the browser: an analyst recomputes, opens a topic, drills down to its appeals and renames it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HotTopicsPageTests(BrowserFixture f)
{
    private Infrastructure.Browser B => f.Browser;

    /// <summary>Four people report the same broken water main at the same place, each in their own words.</summary>
    private async Task<List<long>> SamePlaceAppeals()
    {
        using var desk = await f.App.ApiAs("dispatcher");
        var ids = new List<long>();
        string[] titles = ["热点测试：凤鸣巷自来水管爆裂", "热点测试：凤鸣巷水管爆了一直漏水", "热点测试：凤鸣巷自来水管破裂漏水", "热点测试：凤鸣巷水管爆裂路面积水"];
        for (var i = 0; i < titles.Length; i++)
        {
            var created = await desk.Post("/api/appeals", new
            {
                channel = "Hotline12345", type = "Complaint", tier = "Timely", categoryId = f.App.County.Roads.Id, title = titles[i],
                content = $"凤鸣巷路口的自来水管爆裂，水一直往外冒，路面积水结冰，请自来水公司尽快抢修。（第{i + 1}位来电）",
                regionUnitId = f.App.County.Village1.Id, citizenName = "赵大海", citizenPhone = $"1370000{i:D4}",
            }).Expect<AppealAnswer>(HttpStatusCode.Created);
            ids.Add(created.Id);
        }
        return ids;
    }

    [Fact]
    public async Task An_analyst_recomputes_drills_down_and_renames_a_topic()
    {
        var ids = await SamePlaceAppeals();
        B.SignIn("analyst");
        B.Open("/analysis/topics?days=7");
        B.WaitForText("热点问题");
        B.ClickOn("#recompute");
        B.WaitForText("已重新计算");
        // The formula sits in a closed <details>: read its text, not what is drawn.
        ((string)B.Run("return document.getElementById('heat-formula').textContent")!).ShouldStartWith("热度 =");
        B.Find("#chart-topics canvas");
        B.Screenshot("hot-topics-analyst");

        // The topic holding the water-main reports: its page lists them with links to each appeal.
        var opened = false;
        foreach (var href in ReadLinks())
        {
            B.Open(href);
            B.Find("#topic-title");
            if (ids.All(id => B.Has($"a[href='/appeals/{id}']"))) { opened = true; break; }
        }
        opened.ShouldBeTrue("a topic lists all four water-main appeals");
        B.TextOf("#h-appeals").ShouldContain("4");
        B.Html.ShouldNotContain("1370000", customMessage: "phones are not shown on the topic page");
        var topicPath = B.Path_;

        B.Fill("title", "凤鸣巷自来水管爆裂漏水");
        B.ClickOn("#rename");
        B.WaitForTextIn("#topic-title", "凤鸣巷自来水管爆裂漏水");
        B.TextOf("#h-history").ShouldContain("编辑记录");
        B.Text.ShouldContain("改名：凤鸣巷自来水管爆裂漏水");
        B.Screenshot("hot-topic-detail");

        // From the topic to one of its appeals.
        B.ClickOn($"a[href='/appeals/{ids[0]}']");
        B.WaitForPath($"/appeals/{ids[0]}");

        // A leader reads the renamed topic but gets no edit controls.
        B.SignIn("leader");
        B.Open(topicPath);
        B.WaitForTextIn("#topic-title", "凤鸣巷自来水管爆裂漏水");
        B.Has("#rename").ShouldBeFalse();
        B.Has("#h-edit").ShouldBeFalse();

        // A phone: the list and the topic fit 390 pixels without sideways scrolling.
        using var phone = new Infrastructure.Browser(f.App.BaseUrl, 390, 844);
        phone.SignIn("analyst");
        phone.Open("/analysis/topics?days=7");
        phone.Find("#chart-topics canvas");
        ((long)phone.Run("return document.documentElement.scrollWidth - document.documentElement.clientWidth")!).ShouldBe(0L);
        phone.Screenshot("hot-topics-phone");
        phone.Open(topicPath);
        phone.WaitForTextIn("#topic-title", "凤鸣巷自来水管爆裂漏水");
        ((long)phone.Run("return document.documentElement.scrollWidth - document.documentElement.clientWidth")!).ShouldBe(0L);
        phone.Screenshot("hot-topic-detail-phone");
        B.CspRefusals().ShouldBeEmpty();
    }

    private List<string> ReadLinks() =>
        ((System.Collections.ObjectModel.ReadOnlyCollection<object>)B.Run(
            "return Array.from(document.querySelectorAll(\"ol.topics li.topic h2 a\")).map(a => a.getAttribute('href'))")!)
        .Select(o => (string)o).ToList();
}
