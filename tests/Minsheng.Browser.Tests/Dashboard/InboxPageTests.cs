using Minsheng.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace Minsheng.Browser.Tests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class InboxPageTests(BrowserFixture f)
{
    private Infrastructure.Browser B => f.Browser;

    [Fact]
    public async Task A_unit_head_reads_a_supervision_order_in_the_inbox_and_marks_it_read()
    {
        var (appealId, number) = await Arrange.DispatchedAppeal(f.App, "消息测试：公园健身器材损坏", f.App.County.CityMgmt.Id);
        using (var leader = await f.App.ApiAs("leader"))
            await Arrange.Send(leader, $"/api/appeals/{appealId}/supervision-orders",
                new { kind = "SupervisionOrder", instruction = "请三日内修复健身器材", dueAt = f.App.Clock.GetUtcNow().AddDays(3) });
        using var head = await f.App.ApiAs("city-head");
        var notice = (await Arrange.Send(head, "GET /api/notifications")).AsArray()
            .Single(n => n!["body"]!.GetValue<string>().Contains("请三日内修复健身器材"))!;
        var id = notice["id"]!.GetValue<long>();

        B.SignIn("city-head");
        B.Open("/inbox?unread=true");
        var item = B.Find($"#notice-{id}");
        item.Text.ShouldContain($"督办单：{number}");
        item.Text.ShouldContain("请三日内修复健身器材");
        item.GetAttribute("class")!.ShouldContain("unread");
        item.FindElement(By.LinkText("查看诉求")).GetAttribute("href").ShouldEndWith($"/appeals/{appealId}");
        B.Screenshot("inbox");

        item.FindElement(By.XPath(".//button[normalize-space()='标为已读']")).Click();
        B.WaitForText("已标为已读");
        B.Path_.ShouldBe("/inbox?unread=true");
        B.Has($"#notice-{id}").ShouldBeFalse(); // the unread list no longer holds it

        B.Open("/inbox");
        B.AttributeOf($"#notice-{id}", "class").ShouldBe("read");
        B.TextOf($"#notice-{id}").ShouldContain("已读");
        var after = (await Arrange.Send(head, "GET /api/notifications")).AsArray().Single(n => n!["id"]!.GetValue<long>() == id)!;
        after["read"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public void A_role_without_messages_is_told_why_the_inbox_is_empty()
    {
        B.SignIn("operator");
        B.Open("/inbox");
        B.WaitForText("您的岗位没有站内消息");
    }
}
