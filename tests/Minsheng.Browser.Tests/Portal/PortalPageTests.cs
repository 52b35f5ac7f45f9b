using Minsheng.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace Minsheng.Browser.Tests.Portal;

[Collection(BrowserCollection.Name)]
public sealed class PortalPageTests(BrowserFixture f)
{
    private Infrastructure.Browser B => f.Browser;

    private void Anonymous() => B.SignOut();

    [Fact]
    public async Task A_citizen_submits_with_a_photo_tracks_the_appeal_and_rates_the_reply()
    {
        Anonymous();
        B.Open("/");
        B.Screenshot("portal-home");
        B.Click("我要反映");
        B.Arrive("/submit", "诉求性质");
        B.ClickOn("input[name=type][value=Complaint]");
        B.Select("categoryId", "道路设施");
        B.Fill("title", "王庄村村口路灯不亮");
        B.Fill("content", "王庄村村口的路灯坏了两个星期，晚上出行很不方便，请尽快维修。");
        B.Select("township", "城关镇");
        // htmx replaces the village list with the township's villages only.
        B.WaitUntil(_ => B.Count("#village optgroup") == 0 && B.TextsOf("#village option").Contains("王庄村"), "the township's villages only");
        B.Select("village", "王庄村");
        B.Fill("address", "村口公交站旁");
        B.Fill("name", "赵六");
        B.Fill("phone", "13700001234");
        var photo = PortalBrowserKit.PngFile();
        try
        {
            B.Type("#photos", photo);
            B.Screenshot("portal-submit");
            B.Click("提交");
            B.Arrive("/submitted", "提交成功");
        }
        finally { File.Delete(photo); }
        var number = B.TextOf("#receipt-number");
        var code = B.TextOf("#receipt-code");
        number.ShouldMatch(@"^\d{14}$"); // date + 6-digit sequence
        code.ShouldNotBeNullOrWhiteSpace();
        B.Text.ShouldContain("请务必记下或截图保存受理编号和查询码");
        B.Screenshot("portal-confirmation");
        (await PortalBrowserKit.PhotoCount(f.App, number)).ShouldBe(1);

        B.Click("查询进度");
        B.Arrive("/track", "请输入提交诉求时得到的受理编号和查询码");
        B.AttributeOf("#number", "value").ShouldBe(number);
        B.Fill("code", code);
        B.Click("查询");
        B.Arrive("/track", "办理过程");
        B.TextOf("#status").ShouldBe("已登记");
        B.Text.ShouldNotContain("13700001234");
        B.Screenshot("portal-track");

        await PortalBrowserKit.ReplyAsync(f.App, await PortalBrowserKit.IdOf(f.App, number), "经现场查看，路灯线路老化，已更换，恢复照明。");
        B.Open($"/track?number={number}");
        B.Fill("code", code);
        B.Click("查询");
        B.Arrive("/track", "评价答复");
        B.TextOf("#reply").ShouldContain("恢复照明");
        B.ClickOn("input[name=rating][value=Satisfied]");
        B.Fill("comment", "修得很快，谢谢！");
        B.Screenshot("portal-track-rate");
        B.Click("提交评价");
        B.Arrive("/track", "感谢您的评价");
        B.Text.ShouldContain("您的评价");
        B.Has("input[name=rating]").ShouldBeFalse("an appeal is rated once");
    }

    [Fact]
    public void Submitting_an_empty_form_shows_chinese_errors_next_to_the_fields()
    {
        Anonymous();
        B.Open("/submit");
        B.Click("提交");
        B.Arrive("/submit", "提交未成功");
        B.TextOf("#type-error").ShouldBe("请选择诉求性质。");
        B.TextOf("#title-error").ShouldBe("标题不能为空。");
        B.TextOf("#content-error").ShouldBe("诉求内容不能为空。");
        B.AttributeOf("#title", "aria-invalid").ShouldBe("true");
        B.AttributeOf("#title", "aria-describedby")!.ShouldContain("title-error");
        // Each message sits in the same field block as its input.
        B.Count("*:has(> #title-error) #title").ShouldBe(1);
        B.Screenshot("portal-submit-errors");
    }

    [Fact]
    public void A_wrong_query_code_gets_a_calm_answer_that_names_neither_part()
    {
        Anonymous();
        B.Open("/track");
        B.Fill("number", "202611160001");
        B.Fill("code", "NOPE99");
        B.Click("查询");
        B.Arrive("/track", "受理编号或查询码不正确");
        B.Has("#status").ShouldBeFalse();
    }

    [Fact]
    public void On_a_phone_the_portal_fits_the_screen_and_a_submission_goes_through()
    {
        using var phone = new Infrastructure.Browser(f.App.BaseUrl, 390, 844);
        // Headless Chromium keeps windows at least 500 px wide; emulate the phone's viewport itself.
        phone.Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride",
            new Dictionary<string, object?> { ["width"] = 390, ["height"] = 844, ["deviceScaleFactor"] = 1, ["mobile"] = true });
        phone.Open("/");
        Convert.ToInt64(phone.Run("return window.innerWidth;")).ShouldBe(390);
        PortalBrowserKit.FitsWidth(phone).ShouldBeTrue();
        phone.Screenshot("portal-phone-home");
        phone.Click("菜单");
        phone.Click("我要反映");
        phone.Arrive("/submit", "诉求性质");
        phone.ClickOn("input[name=type][value=Help]");
        phone.Fill("title", "小区停水求助");
        phone.Fill("content", "东湖社区三号楼从昨晚开始停水，家里有老人，请帮忙联系处理。");
        PortalBrowserKit.FitsWidth(phone).ShouldBeTrue();
        phone.Screenshot("portal-phone-submit");
        phone.Click("提交");
        phone.Arrive("/submitted", "提交成功");
        phone.IsShown("#receipt-code").ShouldBeTrue();
        PortalBrowserKit.FitsWidth(phone).ShouldBeTrue();
        phone.Screenshot("portal-phone-confirmation");
        phone.Open("/stats");
        PortalBrowserKit.FitsWidth(phone).ShouldBeTrue();
        phone.Screenshot("portal-phone-stats");
    }

    [Fact]
    public void Statistics_and_directory_are_public()
    {
        Anonymous();
        B.Open("/stats");
        B.WaitForText("各单位办理统计");
        B.Click("近 365 天");
        B.WaitUntil(d => d.Url.EndsWith("days=365"), "the 365-day figures");
        B.Arrive("/stats", "各单位办理统计");
        B.TextOf(".tabs a[aria-current=page]").ShouldBe("近 365 天");
        B.Screenshot("portal-stats");

        B.Open("/directory");
        B.WaitForText("县住房和城乡建设局");
        B.Fill("q", "城关");
        // Alpine filters while typing; the plain GET form does the same without script.
        B.WaitUntil(_ => !B.IsShown("tr[data-search^='县住房和城乡建设局']"), "the directory filtered");
        B.IsShown("tr[data-search^='城关镇']").ShouldBeTrue();
        B.IsShown(By.XPath("//h2[normalize-space()='县直部门']")).ShouldBeFalse("a section with no match is hidden");
        B.Screenshot("portal-directory");
    }
}
