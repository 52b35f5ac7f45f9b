using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Public;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Portal;

/// <summary>A deployment of one county keeps the portal it always had: no county picker, the default hotline and footer.</summary>
public sealed class SingleCountyPortalTests(PortalApp shared) : IClassFixture<PortalApp>
{
    private TestApp App => shared.App;

    [Fact]
    public async Task A_single_county_portal_has_no_picker_and_its_own_name_with_the_default_hotline_and_footer()
    {
        var submit = await App.Anonymous().GetStringAsync("/submit");
        submit.ShouldNotContain("id=\"county\"");
        submit.ShouldNotContain("<optgroup label=\"测试县\">");
        submit.ShouldContain($"value=\"{App.County.Town1.Id}\"");
        // Decoded: the encoder writes the footer's ideographic space as an entity.
        var home = WebUtility.HtmlDecode(await App.Anonymous().GetStringAsync("/"));
        home.ShouldNotContain("选择县（区）");
        home.ShouldContain("测试县群众诉求服务");
        home.ShouldContain("<a href=\"tel:12345\">12345</a>");
        home.ShouldContain("<footer class=\"portal-footer\">民声 · 群众诉求服务平台　政务服务便民热线 12345</footer>");
        home.ShouldContain("href=\"/submit\"");
        var directory = await App.Anonymous().GetStringAsync("/directory");
        directory.ShouldContain("<h2>县直部门</h2>");
        directory.ShouldNotContain("<h2>测试县</h2>");
        (await App.Anonymous().GetStringAsync("/stats?days=365")).ShouldNotContain("<th scope=\"col\">县（区）</th>");

        var choices = await App.Anonymous().Expect<PortalChoicesAnswer>("/api/public/jurisdictions");
        choices.Counties.ShouldBeEmpty();
        choices.Portal.Name.ShouldBe("测试县");
    }

    [Fact]
    public async Task A_submission_belongs_to_the_county_and_its_own_code_is_the_whole_view()
    {
        var (number, _) = await App.Anonymous().SubmitAsync();
        using (var scope = App.App.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<MinshengDb>().Appeals.Where(a => a.Number == number).Select(a => a.JurisdictionId).SingleAsync())
                .ShouldBe(App.County.County.Id);
        (await App.Anonymous().GetAsync("/cases?county=TC")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await App.Anonymous().GetAsync("/cases?county=XX")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var problem = await App.Anonymous().GetAsync("/api/public/stats?county=XX").Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        problem.ErrorsOf(PortalJurisdictions.Field).ShouldHaveSingleItem();
    }
}
