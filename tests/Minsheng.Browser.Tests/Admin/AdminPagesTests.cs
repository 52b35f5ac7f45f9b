using System.Net.Http.Json;
using Minsheng.Browser.Tests.Infrastructure;
using OpenQA.Selenium;

namespace Minsheng.Browser.Tests.Admin;

/// <summary>The admin pages: an account and a knowledge article made through them, and every page renders.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminPagesTests(BrowserFixture f)
{
    [Fact]
    public async Task Admin_creates_a_user_who_can_sign_in_with_the_password_shown_once()
    {
        var b = f.Browser;
        b.SignIn("admin");
        b.Open("/admin/users");
        b.Fill("newUsername", "a-op-7");
        b.Fill("newDisplayName", "话务员小周");
        b.Select("newRole", "话务员");
        b.Select("newUnitId", "测试县");
        b.Submit("创建", "已创建“a-op-7”");
        var password = b.TextOf("#new-password");
        password.Length.ShouldBeGreaterThanOrEqualTo(8);
        b.Screenshot("admin-users-created");
        using var http = new HttpClient { BaseAddress = new Uri(f.App.BaseUrl) };
        (await http.PostAsJsonAsync("/api/auth/token", new { username = "a-op-7", password })).IsSuccessStatusCode.ShouldBeTrue();
        // The password is not carried anywhere: the next view no longer shows it.
        b.Open("/admin/users");
        b.Has("#new-password").ShouldBeFalse();
    }

    [Fact]
    public void Admin_writes_a_knowledge_article_and_a_bad_one_is_refused_field_by_field()
    {
        var b = f.Browser;
        b.SignIn("admin");
        b.Open("/admin/knowledge?new=true");
        b.Fill("keywords", "仅关键词");
        b.Submit("添加", "标题不能为空");
        b.AttributeOf("#title", "aria-invalid").ShouldBe("true");
        b.TextOf("#content-error").ShouldContain("答复内容不能为空");
        b.AttributeOf("#keywords", "value").ShouldBe("仅关键词"); // what was typed stays
        b.Fill("title", "户外广告牌设置审批");
        b.Select("categoryId", "道路设施");
        b.Fill("keywords", "广告牌 招牌 户外广告");
        b.Fill("content", "设置户外广告牌须向县城市管理局申请审批，材料为营业执照、设计效果图和安全承诺书，5 个工作日内办结。");
        b.Submit("添加", "已添加“户外广告牌设置审批”");
        b.TextOf("tr[aria-current='true']").ShouldContain("户外广告牌设置审批");
        b.Screenshot("admin-knowledge");
    }

    [Theory]
    [InlineData("/admin/units", "单位管理", "admin-units")]
    [InlineData("/admin/categories", "诉求分类", "admin-categories")]
    [InlineData("/admin/calendar?year=2026&date=2026-12-01", "工作日历", "admin-calendar")]
    [InlineData("/admin/policies", "现行办理时限", "admin-policies")]
    [InlineData("/admin/routing", "地名库", "admin-routing")]
    public void Every_admin_page_renders(string path, string text, string shot)
    {
        f.Browser.SignIn("admin");
        f.Browser.Open(path);
        f.Browser.WaitForText(text);
        f.Browser.Has(".banner").ShouldBeFalse();
        f.Browser.Screenshot(shot);
    }

    [Fact]
    public void Admin_adds_a_village_under_a_township_and_a_duplicate_code_is_named()
    {
        var b = f.Browser;
        b.SignIn("admin");
        b.Open($"/admin/units?id={f.App.County.Town2.Id}");
        b.Fill("childCode", "TC-T2-V9");
        b.Fill("childName", "柳湾村");
        b.Submit("添加", "已添加“柳湾村”");
        b.Open($"/admin/units?id={f.App.County.Town2.Id}");
        b.Fill("childCode", "TC-T2-V9");
        b.Fill("childName", "柳湾村");
        b.Submit("添加", "单位编码已存在");
        b.AttributeOf("#childCode", "aria-invalid").ShouldBe("true");
        b.Has("#name-error").ShouldBeFalse(); // the edit form above keeps no error of this one
    }

    [Fact]
    public void Admin_overrides_a_calendar_day_and_takes_it_back()
    {
        var b = f.Browser;
        b.SignIn("admin");
        // A day far past every deadline the other tests compute, and removed again at the end.
        b.Open("/admin/calendar?year=2026&date=2026-12-31");
        b.Check("input[name=isWorkingDay][value=false]");
        b.Fill("name", "");
        b.Submit("保存", "名称不能为空");
        b.AttributeOf("#name", "aria-invalid").ShouldBe("true");
        b.Fill("name", "县城防汛停工");
        b.Submit("保存", "已将 2026-12-31 设为休息日");
        b.AttributeOf("a.day.overridden[aria-label^='2026-12-31']", "aria-label")!.ShouldContain("休息");
        b.Submit("取消", "已取消 2026-12-31 的自定义设置", confirm: true);
        b.Has("a.day.overridden").ShouldBeFalse();
    }

    [Fact]
    public void Admin_rule_settings_out_of_range_are_named_and_a_place_name_is_added_and_removed()
    {
        var b = f.Browser;
        b.SignIn("admin");
        b.Open("/admin/policies");
        b.Fill("maxExtensionDays", "99");
        b.Submit("保存规则", "最长延期天数应在 1 到 30 之间");
        b.AttributeOf("#maxExtensionDays", "value").ShouldBe("99");

        b.Open("/admin/routing");
        b.Fill("placeAlias", "老粮站测试点");
        b.Select("placeUnitId", "王庄村");
        b.Submit("添加地名", "已将“老粮站测试点”加入地名库");
        b.TextOf("#places").ShouldContain("老粮站测试点");
        b.ClickOn(By.XPath("//tr[td[normalize-space()='老粮站测试点']]//button"));
        b.AcceptConfirm();
        b.WaitForText("已从地名库删除");
        b.TextOf("#places").ShouldNotContain("老粮站测试点");
    }
}
