using Minsheng.Browser.Tests.Infrastructure;
using System.Net;
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
            await leader.Post($"/api/appeals/{appealId}/supervision-orders",
                new { kind = "SupervisionOrder", instruction = "请三日内修复健身器材", dueAt = f.App.Clock.GetUtcNow().AddDays(3) }).Expect(HttpStatusCode.Created);
        using var head = await f.App.ApiAs("city-head");
        var notice = (await head.Expect<List<NotificationAnswer>>("/api/notifications")).Single(n => n.Body.Contains("请三日内修复健身器材"));
        notice.AppealId.ShouldBe(appealId);
        notice.Read.ShouldBeFalse();
        var id = notice.Id;

        B.SignIn("city-head");
        B.Open("/inbox?unread=true");
        var item = $"#notice-{id}";
        B.TextOf(item).ShouldContain($"督办单：{number}");
        B.TextOf(item).ShouldContain("请三日内修复健身器材");
        B.AttributeOf(item, "class")!.ShouldContain("unread");
        B.AttributeOf(By.XPath($"//*[@id='notice-{id}']//a[normalize-space()='查看诉求']"), "href")!.ShouldEndWith($"/appeals/{appealId}");
        B.Screenshot("inbox");

        B.ClickIn(item, "标为已读");
        B.WaitForText("已标为已读");
        B.Path_.ShouldBe("/inbox?unread=true");
        B.Has($"#notice-{id}").ShouldBeFalse(); // the unread list no longer holds it

        B.Open("/inbox");
        B.AttributeOf($"#notice-{id}", "class").ShouldBe("read");
        B.TextOf($"#notice-{id}").ShouldContain("已读");
        (await head.Expect<List<NotificationAnswer>>("/api/notifications")).Single(n => n.Id == id).Read.ShouldBeTrue();
    }

    [Fact]
    public void A_role_without_messages_is_told_why_the_inbox_is_empty()
    {
        B.SignIn("operator");
        B.Open("/inbox");
        B.WaitForText("您的岗位没有站内消息");
    }
}
