using Minsheng.Browser.Tests.Infrastructure;

namespace Minsheng.Browser.Tests.Security;

/// <summary>
/// The pages under the real Content-Security-Policy (no inline script, no eval, no style attributes): Chromium
/// reports nothing refused on any main page, and the behaviours moved into wwwroot/js still work.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture f)
{
    private static readonly (string User, string[] Pages)[] Staff =
    [
        ("operator", ["/console", "/visits", "/callbacks", "/appeals", "/inbox"]),
        ("dispatcher", ["/dispatch"]),
        ("housing-head", ["/unit", "/unit/approvals", "/unit/ledger"]),
        ("supervisor", ["/supervise", "/dashboard"]),
        ("publicity", ["/publicity"]),
        ("admin", ["/admin/units", "/admin/categories", "/admin/users", "/admin/knowledge", "/admin/calendar", "/admin/policies", "/admin/routing", "/inbox"]),
    ];

    [Fact]
    public void No_page_has_anything_refused_by_the_policy()
    {
        var b = f.Browser;
        b.SignOut();
        b.CspRefusals(); // start from an empty log
        var refused = new List<string>();
        foreach (var path in new[] { "/", "/submit", "/track", "/cases", "/stats", "/directory", "/login" })
        {
            b.Open(path);
            b.Find("main");
            refused.AddRange(b.CspRefusals().Select(m => $"{path}: {m}"));
        }
        foreach (var (user, pages) in Staff)
        {
            b.SignIn(user);
            foreach (var path in pages)
            {
                b.Open(path);
                b.Find("main");
                refused.AddRange(b.CspRefusals().Select(m => $"{user} {path}: {m}"));
            }
        }
        refused.ShouldBeEmpty();
    }

    [Fact]
    public void Scripted_behaviours_work_under_the_policy()
    {
        using var phone = new Infrastructure.Browser(f.App.BaseUrl, 390, 844);
        // The menu button (Alpine, CSP build) opens the menu on a narrow screen.
        phone.Open("/");
        phone.AttributeOf(".menu-toggle", "aria-expanded").ShouldBe("false");
        phone.ClickOn(".menu-toggle");
        phone.WaitUntil(_ => phone.AttributeOf(".menu-toggle", "aria-expanded") == "true", "the menu opened");
        phone.AttributeOf("#main-menu", "class")!.ShouldContain("open");

        // The dashboard period switches to 自定义 when a date is typed (x-model in the CSP build).
        phone.SignIn("leader");
        phone.Open("/dashboard");
        phone.ClickOn("input[name=range][value='7']");
        phone.RunOn("#from", "arguments[0].value = '2026-01-01'; arguments[0].dispatchEvent(new Event('input', { bubbles: true }))");
        phone.WaitUntil(_ => phone.IsSelected("input[name=range][value=custom]"), "自定义 chosen");
        phone.CspRefusals().ShouldBeEmpty();
    }
}
