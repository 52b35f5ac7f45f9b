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
        var password = b.Find("#new-password").Text;
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
        b.Find("#title").GetAttribute("aria-invalid").ShouldBe("true");
        b.Find("#content-error").Text.ShouldContain("答复内容不能为空");
        b.Find("#keywords").GetAttribute("value").ShouldBe("仅关键词"); // what was typed stays
        b.Fill("title", "户外广告牌设置审批");
        b.Select("categoryId", "道路设施");
        b.Fill("keywords", "广告牌 招牌 户外广告");
        b.Fill("content", "设置户外广告牌须向县城市管理局申请审批，材料为营业执照、设计效果图和安全承诺书，5 个工作日内办结。");
        b.Submit("添加", "已添加“户外广告牌设置审批”");
        b.Find("tr[aria-current='true']").Text.ShouldContain("户外广告牌设置审批");
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
        b.Find("#childCode").GetAttribute("aria-invalid").ShouldBe("true");
        b.Has("#name-error").ShouldBeFalse(); // the edit form above keeps no error of this one
    }
}
