using System.Net;

namespace Minsheng.Tests.Analysis.HotTopics;

/// <summary>Who sees which topics, who may change them, and bad input named by field — with the real detector.</summary>
public sealed class HotTopicAccessTests(HotTopicWorld w) : IClassFixture<HotTopicWorld>
{
    private Task<HttpClient> As(string user) => w.App.ClientFor(user);

    [Fact]
    public async Task The_detector_groups_each_countys_same_place_reports_into_a_topic()
    {
        using var a = await As("ha-analyst");
        (await HotTopicWorld.TopicsOf(a)).Values.ShouldContain(m => w.AppealsA.All(m.Contains), "甲县's three traffic-light reports form one topic");
        using var b = await As("hb-analyst");
        (await HotTopicWorld.TopicsOf(b)).Values.ShouldContain(m => w.AppealsB.All(m.Contains));
    }

    [Fact]
    public async Task A_county_analyst_sees_only_the_countys_topics_and_is_refused_the_neighbours()
    {
        using var a = await As("ha-analyst");
        using var b = await As("hb-analyst");
        var mine = await HotTopicWorld.TopicsOf(a);
        mine.ShouldNotBeEmpty();
        mine.Values.SelectMany(m => m).ShouldAllBe(id => w.AppealsA.Contains(id));
        var theirs = (await HotTopicWorld.TopicsOf(b)).Keys.First();

        (await a.GetAsync($"/api/analysis/topics/{theirs}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await a.GetAsync($"/api/analysis/topics?unitId={w.CountyB.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await a.GetAsync($"/api/analysis/topics?unitId={w.City.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the city above is not the county's");
        (await a.Post($"/api/analysis/topics/{theirs}/edits", new { kind = "pin" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await a.GetAsync($"/analysis/topics/{theirs}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_city_analyst_sees_both_counties_and_may_open_either_countys_topics()
    {
        using var city = await As("hc-analyst");
        var all = (await HotTopicWorld.TopicsOf(city)).Values.SelectMany(m => m).ToHashSet();
        all.ShouldContain(w.AppealsA[0]);
        all.ShouldContain(w.AppealsB[0]);

        using var a = await As("ha-analyst");
        var countyTopic = (await HotTopicWorld.TopicsOf(a)).Keys.First();
        (await city.Expect<TopicDetailAnswer>($"/api/analysis/topics/{countyTopic}")).JurisdictionId.ShouldBe(w.CountyA.Id);
        (await city.Expect<TopicListAnswer>($"/api/analysis/topics?days=30&unitId={w.CountyA.Id}")).Jurisdiction.ShouldBe("甲县");
    }

    [Fact]
    public async Task A_leader_reads_but_may_not_recompute_or_edit_and_a_dispatcher_is_refused()
    {
        using var leader = await As("ha-leader");
        var list = await leader.Expect<TopicListAnswer>("/api/analysis/topics?days=30");
        list.MayEdit.ShouldBeFalse();
        var id = list.Topics.First().Id;
        await leader.Expect<TopicDetailAnswer>($"/api/analysis/topics/{id}");
        (await leader.Post("/api/analysis/topics/recompute", new { days = 30 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await leader.Post($"/api/analysis/topics/{id}/edits", new { kind = "rename", title = "领导改名" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var desk = await As("ha-dispatcher");
        (await desk.GetAsync("/api/analysis/topics")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await desk.GetAsync($"/api/analysis/topics/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await w.App.Anonymous().GetAsync("/api/analysis/topics")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_input_is_answered_400_naming_the_field()
    {
        using var a = await As("ha-analyst");
        var topics = await HotTopicWorld.TopicsOf(a);
        var id = topics.Keys.First();
        using var b = await As("hb-analyst");
        var other = (await HotTopicWorld.TopicsOf(b)).Keys.First();

        async Task Named(Task<HttpResponseMessage> call, string field) =>
            (await call.Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).ErrorsOf(field).ShouldNotBeEmpty();

        await Named(a.GetAsync("/api/analysis/topics?days=5"), "days");
        await Named(a.GetAsync($"/api/analysis/topics?unitId={w.DeptA.Id}"), "unitId");
        await Named(a.Post("/api/analysis/topics/recompute", new { days = 14 }), "days");
        await Named(a.Post($"/api/analysis/topics/{id}/edits", new { kind = "explode" }), "kind");
        await Named(a.Post($"/api/analysis/topics/{id}/edits", new { kind = "rename", title = " " }), "title");
        await Named(a.Post($"/api/analysis/topics/{id}/edits", new { kind = "rename", title = new string('长', 61) }), "title");
        await Named(a.Post($"/api/analysis/topics/{id}/edits", new { kind = "merge", otherTopicId = other }), "otherTopicId");
        await Named(a.Post($"/api/analysis/topics/{id}/edits", new { kind = "merge", otherTopicId = id }), "otherTopicId");
        await Named(a.Post($"/api/analysis/topics/{id}/edits", new { kind = "split", appealIds = new[] { w.AppealsB[0] } }), "appealIds");
        await Named(a.Post($"/api/analysis/topics/{id}/edits", new { kind = "split", appealIds = topics[id] }), "appealIds");
        await a.Expect($"/api/analysis/topics/987654321", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Appeals_in_a_topic_are_masked_and_the_list_exports_to_excel()
    {
        using var a = await As("ha-analyst");
        var id = (await HotTopicWorld.TopicsOf(a)).First(t => t.Value.Contains(w.AppealsA[0])).Key;
        var text = await a.GetAsync($"/analysis/topics/{id}").ExpectText(HttpStatusCode.OK);
        text.ShouldContain($"/appeals/{w.AppealsA[0]}");
        text.ShouldNotContain("13800001000");
        text.ShouldNotContain("13912345670");

        using var response = await a.GetAsync("/api/analysis/topics/export.xlsx?days=30");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Minsheng.Infrastructure.Export.XlsxWriter.ContentType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        (bytes[0], bytes[1]).ShouldBe(((byte)'P', (byte)'K'));

        using var leader = await As("ha-leader");
        var page = await leader.GetAsync($"/analysis/topics/{id}").ExpectText(HttpStatusCode.OK);
        page.ShouldNotContain("id=\"rename\"");
    }
}
