using System.Net;
using Minsheng.Features.Analysis.Reports;
using Minsheng.Features.Notifications;
using Minsheng.Tests.Jurisdictions;

namespace Minsheng.Tests.Analysis.Reports;

/// <summary>
/// Reports in <see cref="JurisdictionWorld"/>: each county's report counts only its own appeal; a city's counts its
/// county's too and its analysts may write the county's report; nobody reads or writes another jurisdiction's.
/// </summary>
public sealed class ReportJurisdictionTests(JurisdictionWorld w) : IClassFixture<JurisdictionWorld>
{
    private const string Week = "2026-W47"; // the world's appeals were registered on Monday 16 November

    private async Task<ReportView> Weekly(string analyst, object? extra = null, HttpStatusCode status = HttpStatusCode.Created)
    {
        using var client = await w.App.ClientFor(analyst);
        var body = new Dictionary<string, object?> { ["period"] = Week };
        if (extra is not null) foreach (var p in extra.GetType().GetProperties()) body[p.Name] = p.GetValue(extra);
        return await client.Post("/api/reports", body).Expect<ReportView>(status);
    }

    [Fact]
    public async Task Each_county_counts_only_its_own_appeals()
    {
        var tc = await Weekly("analyst");
        var yi = await Weekly("yi-analyst");
        tc.Figures.Received.Current.ShouldBe(1);
        yi.Figures.Received.Current.ShouldBe(1);
        yi.Report.JurisdictionName.ShouldBe("乙县");

        using var tcAnalyst = await w.App.ClientFor("analyst");
        (await tcAnalyst.GetAsync($"/api/reports/{yi.Report.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tcAnalyst.Expect<List<ReportListItem>>("/api/reports")).ShouldNotContain(r => r.Id == yi.Report.Id);
        (await tcAnalyst.Post($"/api/reports/{yi.Report.Id}/issue")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_city_counts_its_counties_and_writes_their_reports()
    {
        var city = await Weekly("bing-analyst");
        city.Figures.Received.Current.ShouldBe(2);                   // 丁县's appeal and the city desk's own
        var ding = await Weekly("bing-analyst", new { jurisdictionId = w.Ding.Id });
        ding.Figures.Received.Current.ShouldBe(1);
        ding.Report.JurisdictionName.ShouldBe("丁县");

        // A county's analyst cannot write for the city above it or for another county.
        using var yiAnalyst = await w.App.ClientFor("yi-analyst");
        (await yiAnalyst.Post("/api/reports", new { period = Week, jurisdictionId = w.Ding.Id })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var dingAnalyst = await w.App.ClientFor("ding-analyst");
        (await dingAnalyst.Post("/api/reports", new { period = Week, jurisdictionId = w.City.Id })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Issuing_a_county_report_reaches_its_leaders_and_the_city_not_the_neighbours()
    {
        var ding = await Weekly("bing-analyst", new { jurisdictionId = w.Ding.Id, title = "丁县第46周周报", period = "2026-W46" });
        using var bing = await w.App.ClientFor("bing-analyst");
        await bing.Post($"/api/reports/{ding.Report.Id}/issue").Expect(HttpStatusCode.OK);

        foreach (var (leader, sees) in new[] { ("ding-leader", true), ("bing-leader", true), ("yi-leader", false), ("leader", false) })
        {
            using var client = await w.App.ClientFor(leader);
            (await client.Expect<List<ReportListItem>>("/api/reports")).Any(r => r.Id == ding.Report.Id).ShouldBe(sees, leader);
            (await client.Expect<List<NotificationView>>("/api/notifications")).Any(n => n.Title.Contains("丁县第46周周报")).ShouldBe(sees, leader);
            (await client.GetAsync($"/api/reports/{ding.Report.Id}")).StatusCode.ShouldBe(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, leader);
        }
    }
}
