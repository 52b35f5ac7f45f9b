using Minsheng.Browser.Tests.Infrastructure;

namespace Minsheng.Browser.Tests.Portal;

[Collection(BrowserCollection.Name)]
public sealed class PublicityPageTests(BrowserFixture f)
{
    private Infrastructure.Browser B => f.Browser;

    [Fact]
    public async Task The_publicity_officer_publishes_a_redacted_case_that_the_public_then_reads_and_withdraws_it()
    {
        var (id, number) = await PortalBrowserKit.ClosedAppealAsync(f.App, "学校门口乱停车",
            "我是孙七，电话13611112222。学校门口每天上下学乱停车，孩子过马路很危险。", "孙七", "13611112222");
        B.SignIn("publicity");
        B.Open("/publicity");
        B.Fill("q", number);
        B.Click("搜索");
        B.Arrive("/publicity", "预览并公开");
        B.Text.ShouldContain(number);
        B.Click("预览并公开");
        B.Arrive($"/publicity/{id}", "公开发布");
        var content = B.AttributeOf("#content", "value")!;
        content.ShouldBe("我是某某，电话【已隐去】。学校门口每天上下学乱停车，孩子过马路很危险。");
        B.Fill("title", "学校门口上下学乱停车");
        B.Screenshot("publicity-preview");
        B.Click("公开发布");
        B.Arrive("/publicity", "已公开：学校门口上下学乱停车");

        B.SignOut();
        B.Open("/cases");
        B.Click("学校门口上下学乱停车");
        B.WaitUntil(d => new Uri(d.Url).AbsolutePath.StartsWith("/cases/"), "a published case");
        B.WaitForText("办理答复");
        B.TextOf("#case-content").ShouldNotContain("13611112222");
        B.TextOf("#case-content").ShouldNotContain("孙七");
        B.Screenshot("portal-cases-detail");
        B.Open("/cases");
        B.Screenshot("portal-cases");

        B.SignIn("publicity");
        B.Open($"/publicity?tab=published&q={number}");
        B.WaitForText("学校门口上下学乱停车");
        B.Run("window.confirm = () => true;");
        B.Click("撤回公开");
        B.Arrive("/publicity", "已撤回公开");
        B.Text.ShouldNotContain("学校门口上下学乱停车");
    }

    [Fact]
    public void Other_roles_cannot_open_the_publicity_page()
    {
        B.SignIn("dispatcher");
        B.Open("/publicity");
        B.WaitForText("无权访问");
    }
}
