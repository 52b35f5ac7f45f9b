using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Public;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Portal;

/// <summary>
/// The portal of a city deployment: the county picker, submissions filed with the picked county and seen only by
/// that county's desk (and the city's), per-county views named by ?county=CODE, and each jurisdiction's own name,
/// hotline and footer.
/// </summary>
public sealed partial class JurisdictionPortalTests(CityPortalApp shared) : IClassFixture<CityPortalApp>
{
    private TestApp App => shared.App;

    private static object Appeal(object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = "Complaint", ["title"] = "塔山村路灯不亮", ["content"] = "塔山村村口的路灯坏了两个星期，晚上出行不便，请尽快维修。",
        };
        if (extra is not null)
            foreach (var p in extra.GetType().GetProperties()) body[p.Name] = p.GetValue(extra);
        return body;
    }

    private async Task<long?> JurisdictionOf(string number)
    {
        using var scope = App.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MinshengDb>().Appeals.Where(a => a.Number == number).Select(a => a.JurisdictionId).SingleAsync();
    }

    [Fact]
    public async Task The_city_portal_offers_its_counties_and_a_submission_lands_in_the_picked_one()
    {
        var page = await App.Anonymous().GetStringAsync("/submit");
        page.ShouldContain("id=\"county\"");
        page.ShouldContain("<option value=\"TA\"");
        page.ShouldContain("<option value=\"TC\"");
        var choices = await App.Anonymous().Expect<PortalChoicesAnswer>("/api/public/jurisdictions");
        choices.Counties.Select(c => c.Code).ShouldBe(["TA", "TC"], ignoreOrder: true);
        choices.Portal.Name.ShouldBe("测试市");

        var receipt = await App.Anonymous().Post("/api/public/appeals", Appeal(new { jurisdictionId = shared.SecondId })).Expect<ReceiptAnswer>(HttpStatusCode.Created);
        var number = receipt.Number;
        (await JurisdictionOf(number)).ShouldBe(shared.SecondId);
        var id = await PortalKit.IdOf(App, number);

        // 测试安县's desk and the city's see it; 测试县's does not even learn that it exists.
        (await (await App.ClientFor("ta-dispatcher")).GetAsync($"/api/appeals/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await App.ClientFor("city-dispatcher")).GetAsync($"/api/appeals/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await App.ClientFor("dispatcher")).GetAsync($"/api/appeals/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await (await App.ClientFor("dispatcher")).Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?q={number}");
        list.Total.ShouldBe(0);

        // Tracking by number and query code works whatever the county.
        (await App.Anonymous().Expect<TrackingAnswer>($"/api/public/appeals/{number}?code={receipt.QueryCode}")).Title.ShouldBe("塔山村路灯不亮");
    }

    [Fact]
    public async Task The_submit_page_files_the_appeal_with_the_county_picked_on_it()
    {
        var client = App.Anonymous();
        var get = await client.GetAsync("/submit?county=TA");
        var html = await get.Content.ReadAsStringAsync();
        html.ShouldContain("<option value=\"TA\" selected=\"selected\"");
        // The township list is 测试安县's only.
        html.ShouldContain($"value=\"{shared.SecondTownId}\"");
        html.ShouldNotContain($"value=\"{App.County.Town1.Id}\"");

        var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(html).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("Complaint"), "type" }, { new StringContent("安城镇路面塌陷"), "title" },
            { new StringContent("安城镇塔山村村口的路面塌陷了一个大坑，车辆经过很危险，请尽快修复。"), "content" },
            { new StringContent("TA"), "county" }, { new StringContent(shared.SecondTownId.ToString()), "township" },
            { new StringContent(shared.SecondVillageId.ToString()), "village" },
        };
        var post = new HttpRequestMessage(HttpMethod.Post, "/submit?county=TA") { Content = form };
        post.Headers.Add("Cookie", string.Join("; ", get.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var response = await client.SendAsync(post);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldBe("/submitted?county=TA");

        using var scope = App.App.Services.CreateScope();
        var appeal = await scope.ServiceProvider.GetRequiredService<MinshengDb>().Appeals.AsNoTracking()
            .OrderByDescending(a => a.Id).FirstAsync(a => a.Title == "安城镇路面塌陷");
        appeal.JurisdictionId.ShouldBe(shared.SecondId);
        appeal.RegionUnitId.ShouldBe(shared.SecondVillageId);
    }

    [Fact]
    public async Task Picking_a_county_narrows_the_township_list_to_it()
    {
        var ta = await App.Anonymous().GetStringAsync("/submit?handler=Places&county=TA");
        ta.ShouldContain($"value=\"{shared.SecondTownId}\"");
        ta.ShouldNotContain($"value=\"{App.County.Town1.Id}\"");
        var tc = await App.Anonymous().GetStringAsync("/submit?handler=Places&county=TC");
        tc.ShouldContain($"value=\"{App.County.Town1.Id}\"");
        tc.ShouldNotContain($"value=\"{shared.SecondTownId}\"");
        // No county: every county's townships, grouped by county.
        var all = await App.Anonymous().GetStringAsync("/submit?handler=Places&county=");
        all.ShouldContain("<optgroup label=\"测试安县\">");
        all.ShouldContain($"value=\"{App.County.Town1.Id}\"");
    }

    [Fact]
    public async Task Without_a_pick_the_region_decides_the_county_and_without_a_region_the_city_desk_owns_it()
    {
        var byPlace = await App.Anonymous().Post("/api/public/appeals", Appeal(new { regionUnitId = shared.SecondVillageId })).Expect<ReceiptAnswer>(HttpStatusCode.Created);
        (await JurisdictionOf(byPlace.Number)).ShouldBe(shared.SecondId);
        var nowhere = await App.Anonymous().Post("/api/public/appeals", Appeal()).Expect<ReceiptAnswer>(HttpStatusCode.Created);
        (await JurisdictionOf(nowhere.Number)).ShouldBe(shared.CityId);
    }

    [Fact]
    public async Task An_unknown_county_or_a_place_outside_the_picked_one_is_refused_by_field()
    {
        var unknown = await App.Anonymous().Post("/api/public/appeals", Appeal(new { jurisdictionId = App.County.Housing.Id })).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        unknown.ErrorsOf("jurisdictionId").ShouldHaveSingleItem().ShouldBe("所选县（区）不存在。");
        var elsewhere = await App.Anonymous().Post("/api/public/appeals",
            Appeal(new { jurisdictionId = shared.SecondId, regionUnitId = App.County.Village1.Id })).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        elsewhere.ErrorsOf("regionUnitId").ShouldHaveSingleItem().ShouldContain("不在所选县（区）内");
        var form = await App.Anonymous().PostAsync("/api/public/appeals/form", PortalKit.Form(new { jurisdictionId = "第二县" })).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        form.ErrorsOf("jurisdictionId").ShouldHaveSingleItem();

        foreach (var path in new[] { "/api/public/cases?county=NOPE", "/api/public/stats?county=NOPE", "/api/public/units?county=NOPE" })
        {
            var problem = await App.Anonymous().GetAsync(path).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
            problem.ErrorsOf("county").ShouldHaveSingleItem().ShouldContain("NOPE");
        }
        (await App.Anonymous().GetAsync("/stats?county=NOPE")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_county_has_its_own_directory_statistics_and_published_cases()
    {
        var directory = await App.Anonymous().GetStringAsync("/directory?county=TA");
        directory.ShouldContain("安城镇");
        directory.ShouldNotContain("县城市管理局");
        var whole = await App.Anonymous().GetStringAsync("/directory");
        whole.ShouldContain("安城镇");
        whole.ShouldContain("县城市管理局");
        whole.ShouldContain("<h2>测试安县</h2>");
        var units = (await App.Anonymous().Expect<List<PublicUnitAnswer>>("/api/public/units?county=TC")).Select(u => u.Code).ToList();
        units.ShouldContain("TC-D2");
        units.ShouldNotContain("TA-T1");

        // A closed 测试县 appeal, published: listed in 测试县's and the city's cases, not in 测试安县's.
        var (number, _) = await App.Anonymous().SubmitAsync(new { regionUnitId = App.County.Village1.Id, title = "王庄村路灯坏了" });
        var id = await PortalKit.IdOf(App, number);
        await PortalKit.CloseAsync(App, id);
        await (await App.ClientFor("publicity")).Post("/api/publicity/cases", new { appealId = id }).Expect(HttpStatusCode.Created);
        async Task<int> Cases(string county) =>
            (await App.Anonymous().Expect<PageAnswer<PublicCaseSummaryAnswer>>($"/api/public/cases?q=王庄村路灯坏了{county}")).Total;
        (await Cases("&county=TC")).ShouldBe(1);
        (await Cases("")).ShouldBe(1);
        (await Cases("&county=TA")).ShouldBe(0);
        (await App.Anonymous().GetStringAsync("/cases?county=TA&q=王庄村路灯坏了")).ShouldContain("没有找到相关案例");

        // Statistics count the appeals led by the county's units.
        async Task<int> Received(string county) =>
            (await App.Anonymous().Expect<PublicStatsAnswer>($"/api/public/stats?days=30{county}")).Total.Received;
        (await Received("&county=TC")).ShouldBeGreaterThanOrEqualTo(1);
        (await Received("&county=TA")).ShouldBe(0);
        (await Received("")).ShouldBe(await Received("&county=TC"));
        (await App.Anonymous().GetStringAsync("/stats?days=30")).ShouldContain("<th scope=\"col\">县（区）</th>");
    }

    [Fact]
    public async Task A_county_shows_the_name_hotline_and_footer_its_admin_set()
    {
        var admin = await App.ClientFor("ta-admin");
        var saved = await admin.Put($"/api/portal-settings/{shared.SecondId}",
            new { displayName = "测试安县人民政府", hotline = "0550-6012345", footer = "测试安县人民政府办公室主办" }).Expect<PortalSettingsAnswer>(HttpStatusCode.OK);
        saved.Shown.Hotline.ShouldBe("0550-6012345");

        var home = await App.Anonymous().GetStringAsync("/?county=TA");
        home.ShouldContain("测试安县人民政府群众诉求服务");
        home.ShouldContain("<a href=\"tel:0550-6012345\">0550-6012345</a>");
        home.ShouldContain("<footer class=\"portal-footer\">测试安县人民政府办公室主办</footer>");
        home.ShouldContain("href=\"/submit?county=TA\"");
        // The city-wide directory gives each county's own hotline.
        WebUtility.HtmlDecode(await App.Anonymous().GetStringAsync("/directory")).ShouldContain("测试安县</strong> 0550-6000000 · 政务服务便民热线 0550-6012345");
        // The city's own face is untouched: its name and the default hotline and footer.
        var city = WebUtility.HtmlDecode(await App.Anonymous().GetStringAsync("/"));
        city.ShouldContain("测试市群众诉求服务");
        city.ShouldContain($"<footer class=\"portal-footer\">{PortalJurisdictions.DefaultFooter("12345")}</footer>");

        // A county's admin sets only their own county; the city's admin any of its counties; a bad hotline names the field.
        (await admin.Put($"/api/portal-settings/{App.County.County.Id}", new { footer = "越权" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.Put($"/api/portal-settings/{shared.CityId}", new { footer = "越权" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var bad = await admin.Put($"/api/portal-settings/{shared.SecondId}", new { hotline = "拨打12345" }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        bad.ErrorsOf("hotline").ShouldHaveSingleItem();
        var cityAdmin = await App.ClientFor("city-admin");
        (await cityAdmin.Expect<List<PortalSettingsAnswer>>("/api/portal-settings")).Count.ShouldBe(3);
        await cityAdmin.Put($"/api/portal-settings/{App.County.County.Id}", new { hotline = "12345" }).Expect(HttpStatusCode.OK);
        (await (await App.ClientFor("dispatcher")).GetAsync("/api/portal-settings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
