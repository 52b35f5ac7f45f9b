using System.Net;
using System.Text.Json;
using Minsheng.Features.Analysis.Reports;

namespace Minsheng.Tests.Analysis.Reports;

/// <summary>The figures of a weekly report on a known dataset, and the text written from them.</summary>
public sealed class ReportFiguresTests(ReportWorld w) : IClassFixture<ReportWorld>
{
    private static string[] Slices(IEnumerable<Measure> m) => m.Select(x => $"{x.Label}:{x.Current}/{x.Previous}").ToArray();

    [Fact]
    public async Task Week_47_has_the_known_volumes_and_rates()
    {
        var f = (await w.WeeklyAsync("2026-W47")).Figures;
        (f.From, f.To, f.PreviousFrom, f.PreviousTo).ShouldBe((new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15)));
        f.JurisdictionName.ShouldBe("测试县");
        (f.Received.Current, f.Received.Previous, f.Received.Change).ShouldBe((7, 0, null));
        f.Closed.Current.ShouldBe(2);
        (f.Response.Current.Numerator, f.Response.Current.Denominator).ShouldBe((3, 5));
        (f.Resolution.Current.Numerator, f.Resolution.Current.Denominator).ShouldBe((1, 2));
        (f.Satisfaction.Current.Numerator, f.Satisfaction.Current.Denominator).ShouldBe((1, 2));
        (f.OnTime.Current.Numerator, f.OnTime.Current.Denominator).ShouldBe((2, 2));
        f.Satisfaction.Delta.ShouldBeNull(); // nothing to compare with in W46
        Slices(f.ByChannel).ShouldBe(["12345热线:5/0", "县长信箱:1/0", "网上诉求:1/0"], ignoreOrder: true);
        Slices(f.ByCategory).ShouldBe(["城乡建设:6/0", "未分类:1/0"]);
        Slices(f.ByTownship).ShouldContain("城关镇:4/0");
        // 住建局 has two reached callbacks, under the minimum of three: no unit is ranked on so little.
        f.MinUnitSample.ShouldBe(3);
        f.BestUnits.ShouldBeEmpty();
        f.WorstUnits.ShouldBeEmpty();
    }

    [Fact]
    public async Task Week_48_compares_with_week_47()
    {
        var view = await w.WeeklyAsync("2026-W48");
        var f = view.Figures;
        (f.Received.Current, f.Received.Previous, f.Received.Change).ShouldBe((3, 7, -57.1));
        (f.Closed.Current, f.Closed.Previous).ShouldBe((0, 2));
        (f.Response.Previous.Numerator, f.Response.Previous.Denominator).ShouldBe((3, 5));
        Slices(f.ByChannel).ShouldBe(["12345热线:2/5", "县长信箱:1/1", "网上诉求:0/1"]);
        Slices(f.ByCategory).ShouldBe(["城乡建设:3/6", "未分类:0/1"]);
        view.Text.Summary.ShouldStartWith("本周（2026年11月23日至11月29日）测试县共受理群众诉求 3 件，环比下降 57.1%（上周 7 件）");
        view.Report.IsoWeek.ShouldBe("2026-W48");
        view.Report.Title.ShouldBe("测试县群众诉求办理周报");
    }

    [Fact]
    public async Task Typical_cases_carry_their_replies_without_personal_data()
    {
        var f = (await w.WeeklyAsync("2026-W47")).Figures;
        f.TypicalCases.Count.ShouldBe(2);                       // A1 (满意) and the direct answer A5: the closed ones with a reply
        f.TypicalCases[0].Id.ShouldBe(w.W47.Ids[0]);
        f.TypicalCases[0].Reply.ShouldBe("已处理完毕。");
        f.TypicalCases[0].Outcome.ShouldBe("满意");
        var json = JsonSerializer.Serialize(f);
        json.ShouldNotContain("13812345678");
        json.ShouldNotContain("张三丰");
    }

    [Fact]
    public async Task Hot_topics_come_from_the_detector_new_or_rising_only()
    {
        var w47 = (await w.WeeklyAsync("2026-W47")).Figures.Topics;
        w47.Available.ShouldBeTrue();
        // The seven W47 appeals share one text (王庄村路灯不亮); nothing came before them, so the topic is new.
        var topic = w47.Topics.ShouldHaveSingleItem();
        topic.Title.ShouldContain("路灯");
        (topic.New, topic.Rising, topic.PreviousCount).ShouldBe((true, false, 0));
        topic.Count.ShouldBeGreaterThanOrEqualTo(2);
        topic.AppealIds.ShouldAllBe(id => w.W47.Ids.Contains(id));
        topic.Count.ShouldBe(topic.AppealIds.Count);

        // In W48 the same problem came once against seven the week before: neither new nor rising, so not listed.
        var w48 = (await w.WeeklyAsync("2026-W48")).Figures.Topics;
        w48.Available.ShouldBeTrue();
        w48.Topics.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_same_iso_week_is_one_report()
    {
        var analyst = await w.ClientFor("analyst");
        var first = await analyst.Post("/api/reports", new { period = "2026-W45" }).Expect<ReportView>(HttpStatusCode.Created);
        var again = await analyst.Post("/api/reports", new { period = "2026-W45" }).Expect<ReportView>(HttpStatusCode.OK);
        again.Report.Id.ShouldBe(first.Report.Id);
    }

    [Fact]
    public async Task A_custom_period_is_compared_with_as_many_days_before()
    {
        var analyst = await w.ClientFor("analyst");
        var view = await analyst.Post("/api/reports", new { kind = "weekly", from = "2026-11-16", to = "2026-11-29" }).Expect<ReportView>(HttpStatusCode.Created);
        (view.Figures.PreviousFrom, view.Figures.PreviousTo).ShouldBe((new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 15)));
        view.Figures.Received.Current.ShouldBe(10);
        view.Report.IsoWeek.ShouldBeNull();
        view.Text.Summary.ShouldStartWith("本期（2026年11月16日至11月29日）");
    }

    [Theory]
    [InlineData("{\"period\":\"2026-W99\"}", "period")]
    [InlineData("{\"period\":\"47\"}", "period")]
    [InlineData("{\"kind\":\"monthly\"}", "kind")]
    [InlineData("{\"kind\":\"special\"}", "title")]
    [InlineData("{\"from\":\"2026-11-30\",\"to\":\"2026-11-01\"}", "from")]
    [InlineData("{\"kind\":\"special\",\"title\":\"专报\",\"appealNumbers\":[\"000\"]}", "appealNumbers")]
    [InlineData("{\"jurisdictionId\":999999}", "jurisdictionId")]
    public async Task Bad_requests_answer_400_naming_the_field(string body, string field)
    {
        var analyst = await w.ClientFor("analyst");
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var problem = await analyst.PostAsync("/api/reports", content).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        problem.Fields.ShouldContain(field);
    }

    [Fact]
    public async Task A_special_report_lists_its_related_appeals()
    {
        var analyst = await w.ClientFor("analyst");
        var number = (await analyst.Expect<AppealAnswer>($"/api/appeals/{w.W47.Ids[1]}")).Summary.Number;
        var view = await analyst.Post("/api/reports", new { kind = "special", title = "噪音问题专报", focus = "城关镇噪音投诉集中", period = "2026-W47", appealNumbers = new[] { number } })
            .Expect<ReportView>(HttpStatusCode.Created);
        view.Report.Kind.ShouldBe(ReportKind.Special);
        view.Focus.ShouldBe("城关镇噪音投诉集中");
        view.Figures.RelatedCases.Select(c => c.Id).ShouldBe([w.W47.Ids[1]]);
        view.Text.Analysis.ShouldContain("关注事项：城关镇噪音投诉集中");
    }
}
