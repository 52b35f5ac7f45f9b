using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Portal;

/// <summary>The portal pages answer anonymously; the publicity page is staff-only.</summary>
public sealed class PortalPageTests(PortalApp shared) : IClassFixture<PortalApp>
{
    [Theory]
    [InlineData("/", "我要反映")]
    [InlineData("/submit", "诉求性质")]
    [InlineData("/submitted", "没有可显示的受理回执")]
    [InlineData("/track", "查询码")]
    [InlineData("/cases", "办理公开")]
    [InlineData("/stats?days=365", "近 365 天")]
    [InlineData("/stats?days=12", "近 90 天")]
    [InlineData("/directory?q=城关", "城关镇")]
    public async Task Portal_pages_open_without_login(string path, string text)
    {
        var response = await shared.App.Anonymous().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain(text);
    }

    [Fact]
    public async Task A_search_with_a_NUL_character_is_refused_naming_the_field()
    {
        // PostgreSQL cannot hold a NUL in text: before the check the fuzz test found this answering 500 there.
        var problem = await shared.App.Anonymous().GetAsync("/api/public/cases?q=%E5%99%AA%00%E9%9F%B3").Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        problem.ErrorsOf("q").ShouldHaveSingleItem().ShouldContain("无效字符");
    }

    [Fact]
    public async Task The_village_list_follows_the_township()
    {
        var c = shared.App.County;
        var html = await shared.App.Anonymous().GetStringAsync($"/submit?handler=Villages&township={c.Town1.Id}");
        html.ShouldContain($"value=\"{c.Village1.Id}\"");
        html.ShouldNotContain("<optgroup");
        (await shared.App.Anonymous().GetStringAsync($"/submit?handler=Villages&township={c.Town2.Id}")).ShouldNotContain($"value=\"{c.Village1.Id}\"");
    }

    [Fact]
    public async Task The_directory_filters_by_name()
    {
        var html = await shared.App.Anonymous().GetStringAsync("/directory?q=住房");
        html.ShouldContain("县住房和城乡建设局");
        html.ShouldNotContain("县城市管理局");
    }

    [Fact]
    public async Task An_unknown_case_is_a_404_page()
    {
        (await shared.App.Anonymous().GetAsync("/cases/999999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/publicity")]
    [InlineData("/publicity/1")]
    public async Task The_publicity_pages_send_anonymous_visitors_to_the_login_page(string path)
    {
        var response = await shared.App.Anonymous().GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("http://localhost/login?ReturnUrl=");
    }
}
