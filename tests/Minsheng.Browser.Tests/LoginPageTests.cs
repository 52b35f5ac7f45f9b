using Minsheng.Browser.Tests.Infrastructure;

namespace Minsheng.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class LoginPageTests(BrowserFixture f)
{
    [Fact]
    public void Empty_login_names_both_fields_in_chinese()
    {
        f.Browser.SignOut();
        f.Browser.Open("/login");
        f.Browser.ClickOn("form button[type=submit]");
        f.Browser.WaitForText("用户名不能为空");
        f.Browser.TextOf("#username-error").ShouldContain("用户名");
        f.Browser.TextOf("#password-error").ShouldContain("密码");
        f.Browser.AttributeOf("#username", "aria-invalid").ShouldBe("true");
    }

    [Fact]
    public void Wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        f.Browser.SignOut();
        f.Browser.Open("/login");
        f.Browser.Fill("username", "dispatcher");
        f.Browser.Fill("password", "not-the-password");
        f.Browser.ClickOn("form button[type=submit]");
        f.Browser.WaitForText("用户名或密码错误");
    }

    [Fact]
    public void A_staff_page_sends_an_anonymous_visitor_to_the_login_page_and_back()
    {
        f.Browser.SignOut();
        f.Browser.Open("/work");
        f.Browser.Path_.ShouldStartWith("/login?ReturnUrl=%2Fwork");
        f.Browser.Fill("username", "dispatcher");
        f.Browser.Fill("password", BrowserApp.Password);
        f.Browser.ClickOn("form button[type=submit]");
        f.Browser.WaitForPath("/dispatch");
    }

    [Fact]
    public void A_page_for_another_role_says_so_in_chinese()
    {
        f.Browser.SignIn("operator");
        f.Browser.Open("/dispatch");
        f.Browser.WaitForPath("/denied");
        f.Browser.WaitForText("您的账号无权打开此页面");
    }

    [Fact]
    public void Signing_out_ends_the_session()
    {
        f.Browser.SignIn("operator");
        f.Browser.Click("退出");
        f.Browser.WaitForPath("/login");
        f.Browser.Open("/callbacks");
        f.Browser.Path_.ShouldStartWith("/login");
    }
}
