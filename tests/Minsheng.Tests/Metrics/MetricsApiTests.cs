using System.Net;
using System.Text.Json.Nodes;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Metrics;

/// <summary>/api/statistics/metrics, its drill-down and export, and the page: roles, jurisdictions, n and ranking.</summary>
public sealed class MetricsApiTests(MetricsFixture f) : IClassFixture<MetricsFixture>
{
    private const string Period = "from=2026-11-01&to=2026-12-31";

    private static JsonObject Row(JsonNode report, string label) =>
        report["rows"]!.AsArray().Single(r => r!["label"]!.GetValue<string>() == label)!.AsObject();

    private static (int N, int Hits) Cell(JsonObject row, string measure) =>
        (row["cells"]![measure]!["n"]!.GetValue<int>(), row["cells"]![measure]!["hits"]!.GetValue<int>());

    [Theory]
    [InlineData("leader")]
    [InlineData("analyst")]
    [InlineData("supervisor")]
    public async Task Leaders_analysts_and_supervisors_read_the_units_of_their_county_with_n(string user)
    {
        var report = await (await f.ClientFor(user)).Expect($"/api/statistics/metrics?dimension=unit&{Period}");
        var housing = Row(report, "县住房和城乡建设局");
        Cell(housing, "Response").ShouldBe((7, 4));
        Cell(housing, "Satisfaction").ShouldBe((2, 1));
        Cell(housing, "Resolution").ShouldBe((2, 1));
        Cell(housing, "Overdue").ShouldBe((4, 4));
        report["rows"]!.AsArray().Select(r => r!["label"]!.GetValue<string>()).ShouldNotContain("乙县水务局");
        report["columns"]!.AsArray().Count.ShouldBe(14);
        report["columns"]!.AsArray().ShouldAllBe(c => c!["definition"]!.GetValue<string>().Length > 10);
    }

    [Theory]
    [InlineData("housing-handler")]
    [InlineData("dispatcher")]
    [InlineData("admin")]
    public async Task Other_roles_get_403(string user)
    {
        foreach (var path in new[] { "/api/statistics/metrics", "/api/statistics/metrics/items?measure=Response&key=1", "/api/statistics/metrics.xlsx" })
            (await (await f.ClientFor(user)).GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, path);
    }

    [Fact]
    public async Task A_county_never_sees_another_county()
    {
        var yi = await (await f.ClientFor("yi-leader")).Expect($"/api/statistics/metrics?{Period}");
        yi["rows"]!.AsArray().Select(r => r!["label"]!.GetValue<string>()).ShouldBe(["乙县水务局"]);
        Cell(Row(yi, "乙县水务局"), "Response").ShouldBe((1, 1));
        var leader = await f.ClientFor("leader");
        (await leader.GetAsync($"/api/statistics/metrics?jurisdiction={f.Yi.Id}&{Period}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leader.GetAsync($"/api/statistics/metrics/items?jurisdiction={f.Yi.Id}&measure=Response&key={f.YiDept.Id}&{Period}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var items = await leader.Expect<ProblemAnswer>($"/api/statistics/metrics/items?measure=Response&key={f.YiDept.Id}&{Period}", HttpStatusCode.BadRequest);
        items.Fields.ShouldBe(["key"]);
        (await (await f.ClientFor("yi-leader")).GetAsync($"/api/statistics/metrics?jurisdiction={f.App.County.County.Id}&{Period}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("unit")]
    [InlineData("township")]
    [InlineData("category")]
    [InlineData("channel")]
    public async Task Every_figure_of_every_dimension_drills_down_to_as_many_appeals(string dimension)
    {
        var client = await f.ClientFor("analyst");
        var report = await client.Expect($"/api/statistics/metrics?dimension={dimension}&{Period}");
        var rows = report["rows"]!.AsArray();
        rows.Count.ShouldBeGreaterThan(0);
        var checkedFigures = 0;
        foreach (var row in rows)
            foreach (var (measure, cell) in row!["cells"]!.AsObject())
            {
                var items = await client.Expect($"/api/statistics/metrics/items?dimension={dimension}&key={row["key"]}&measure={measure}&{Period}");
                var list = items["items"]!.AsArray();
                list.Count.ShouldBe(cell!["n"]!.GetValue<int>(), $"{row["label"]} {measure}");
                list.Count(i => i!["inNumerator"]!.GetValue<bool>()).ShouldBe(cell["hits"]!.GetValue<int>(), $"{row["label"]} {measure}");
                items["count"]!.GetValue<int>().ShouldBe(list.Count);
                checkedFigures += list.Count;
            }
        checkedFigures.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Channels_add_up_to_the_units()
    {
        var client = await f.ClientFor("leader");
        var units = await client.Expect($"/api/statistics/metrics?dimension=unit&{Period}");
        var channels = await client.Expect($"/api/statistics/metrics?dimension=channel&{Period}");
        foreach (var measure in new[] { "Response", "Satisfaction", "ReturnRate", "CoUnitOnTime", "Overdue" })
            channels["rows"]!.AsArray().Sum(r => Cell(r!.AsObject(), measure).N)
                .ShouldBe(units["rows"]!.AsArray().Sum(r => Cell(r!.AsObject(), measure).N), measure);
        Row(channels, "12345热线")["key"]!.GetValue<string>().ShouldBe("Hotline12345");
    }

    [Fact]
    public async Task Units_below_the_minimum_n_are_shown_but_not_ranked()
    {
        var client = await f.ClientFor("leader");
        var report = await client.Expect($"/api/statistics/metrics?sort=Response&minN=5&{Period}");
        report["minimumN"]!.GetValue<int>().ShouldBe(5);
        Row(report, "县住房和城乡建设局")["rank"]!.GetValue<int>().ShouldBe(1);   // n = 7
        var small = await client.Expect($"/api/statistics/metrics?sort=CoUnitOnTime&minN=2&{Period}");
        Row(small, "城关镇")["rank"].ShouldBeNull();                               // 1 of 1, n = 1 < 2
        Row(small, "城关镇")["cells"]!["CoUnitOnTime"]!["sufficient"]!.GetValue<bool>().ShouldBeFalse();
        var ranked = await client.Expect($"/api/statistics/metrics?sort=CoUnitOnTime&minN=1&{Period}");
        Row(ranked, "城关镇")["rank"]!.GetValue<int>().ShouldBe(1);                 // 100 %
        Row(ranked, "县城市管理局")["rank"]!.GetValue<int>().ShouldBe(2);           // 0 %
    }

    [Theory]
    [InlineData("/api/statistics/metrics?dimension=street", "dimension")]
    [InlineData("/api/statistics/metrics?minN=0", "minN")]
    [InlineData("/api/statistics/metrics?sort=Happiness", "sort")]
    [InlineData("/api/statistics/metrics?from=2026-13-01", "from")]
    [InlineData("/api/statistics/metrics/items?key=1", "measure")]
    [InlineData("/api/statistics/metrics/items?measure=Response", "key")]
    [InlineData("/api/statistics/metrics/items?measure=Response&dimension=channel&key=Pigeon", "key")]
    [InlineData("/api/statistics/metrics/items?measure=Response&dimension=township&key=abc", "key")]
    public async Task Bad_input_answers_400_naming_the_field(string path, string field)
    {
        var problem = await (await f.ClientFor("leader")).Expect<ProblemAnswer>(path, HttpStatusCode.BadRequest);
        problem.Fields.ShouldContain(field);
    }

    [Fact]
    public async Task The_table_exports_as_xlsx()
    {
        var response = await (await f.ClientFor("leader")).GetAsync($"/api/statistics/metrics.xlsx?{Period}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("考核指标_单位_20261101-20261231.xlsx");
        (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task The_page_shows_n_the_small_sample_mark_the_drill_down_and_the_definitions()
    {
        var client = await f.ClientFor("leader");
        var html = await client.GetStringAsync($"/dashboard/metrics?{Period}&sort=CoUnitOnTime&minN=2&key={f.App.County.Housing.Id}&measure=Response");
        html.ShouldContain("样本不足");
        html.ShouldContain("4/n=7");
        html.ShouldContain("县住房和城乡建设局 · 响应率：7 件，计入分子 4 件");
        html.ShouldContain("非承办单位责任");
        html.ShouldContain("/api/statistics/metrics.xlsx?");
        (await client.GetStringAsync("/dashboard?range=custom&from=2026-11-16&to=2026-12-11")).ShouldContain("/dashboard/metrics");
    }
}
