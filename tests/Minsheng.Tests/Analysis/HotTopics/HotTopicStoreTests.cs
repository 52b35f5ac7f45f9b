using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Analysis.HotTopics;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Analysis.HotTopics;

/// <summary>
/// Stored topics on the real database (SQLite or PostgreSQL): figures, analysts' edits that survive recomputation with
/// new appeals, and the incremental background pass driven by the fake clock. Clusters come from <see cref="MarkerEngine"/>.
/// </summary>
public sealed class HotTopicStoreTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private HttpClient _desk = null!;
    private HttpClient _analyst = null!;
    private int _phone;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(services: s => s.AddSingleton(MarkerEngine.Create()));
        _desk = await _app.ClientFor("dispatcher");
        _analyst = await _app.ClientFor("analyst");
    }

    public async Task DisposeAsync()
    {
        _desk.Dispose();
        _analyst.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>An appeal with the marker in its title, registered by the desk; each from its own phone unless given one.</summary>
    private Task<long> Appeal(string marker, string? phone = null) =>
        _desk.NewAppeal(_app.County, new { title = $"【{marker}】王庄村反映的问题", citizenPhone = phone ?? $"1390000{Interlocked.Increment(ref _phone):D4}" });

    private async Task<TopicListAnswer> Recompute(int days = 30)
    {
        await _analyst.Post("/api/analysis/topics/recompute", new { days }).Expect(HttpStatusCode.OK);
        return await _analyst.Expect<TopicListAnswer>($"/api/analysis/topics?days={days}");
    }

    private Task<TopicDetailAnswer> Detail(long id) => _analyst.Expect<TopicDetailAnswer>($"/api/analysis/topics/{id}");

    private Task<TopicDetailAnswer> EditAsync(long id, object body) => _analyst.Post($"/api/analysis/topics/{id}/edits", body).Expect<TopicDetailAnswer>(HttpStatusCode.OK);

    private static TopicAnswer Holding(TopicListAnswer list, long appealId, Dictionary<long, long[]> members) =>
        list.Topics.Concat(list.Dismissed).Single(t => members[t.Id].Contains(appealId));

    private async Task<Dictionary<long, long[]>> Members(TopicListAnswer list)
    {
        var result = new Dictionary<long, long[]>();
        foreach (var t in list.Topics.Concat(list.Dismissed)) result[t.Id] = (await Detail(t.Id)).Appeals.Select(a => a.Id).ToArray();
        return result;
    }

    [Fact]
    public async Task Recomputation_stores_topics_with_figures_from_their_appeals()
    {
        var a = new[] { await Appeal("甲", "13800001111"), await Appeal("甲", "13800001111"), await Appeal("甲") };
        await Appeal("乙");
        await Appeal("乙");
        await Appeal("孤"); // alone: no topic

        var list = await Recompute();
        list.Topics.Length.ShouldBe(2);
        list.Documents.ShouldBe(6);
        list.MayEdit.ShouldBeTrue();
        list.HeatFormula.ShouldStartWith("热度 =");
        var jia = list.Topics.Single(t => t.Title == "标记甲");
        jia.Appeals.ShouldBe(3);
        jia.People.ShouldBe(2, "the same phone twice is one person");
        jia.Daily.Length.ShouldBe(30);
        jia.Daily.Sum().ShouldBe(3);
        jia.Daily[^1].ShouldBe(3, "all registered today, the period's last day");
        jia.Trend.ShouldBe("新出现");
        jia.Rank.ShouldBe(1, "three appeals are hotter than two");
        (await Detail(jia.Id)).Appeals.Select(x => x.Id).Order().ShouldBe(a.Order());
    }

    [Fact]
    public async Task Analysts_edits_survive_recomputation_with_new_appeals()
    {
        var jia = new List<long> { await Appeal("甲"), await Appeal("甲"), await Appeal("甲"), await Appeal("甲") };
        var yi = new List<long> { await Appeal("乙"), await Appeal("乙") };
        var bing = new List<long> { await Appeal("丙"), await Appeal("丙") };
        var ding = new List<long> { await Appeal("丁"), await Appeal("丁") };
        var list = await Recompute();
        var members = await Members(list);
        long Id(long appeal) => Holding(list, appeal, members).Id;
        var (jiaId, yiId, bingId, dingId) = (Id(jia[0]), Id(yi[0]), Id(bing[0]), Id(ding[0]));

        (await EditAsync(jiaId, new { kind = "rename", title = "王庄村路灯长期不亮" })).Topic.Title.ShouldBe("王庄村路灯长期不亮");
        var split = await EditAsync(jiaId, new { kind = "split", appealIds = new[] { jia[3] }, title = "王庄村另一处路灯" });
        split.Appeals.Length.ShouldBe(3);
        var merged = await EditAsync(yiId, new { kind = "merge", otherTopicId = bingId });
        merged.Topic.Appeals.ShouldBe(4);
        merged.Topic.Reshaped.ShouldBeTrue();
        await EditAsync(yiId, new { kind = "pin" });
        await EditAsync(dingId, new { kind = "dismiss" });
        await _analyst.Expect($"/api/analysis/topics/{bingId}", HttpStatusCode.NotFound); // merged away

        // New appeals arrive for every topic, then the topics are computed afresh.
        jia.Add(await Appeal("甲"));
        jia.Add(await Appeal("甲"));
        yi.Add(await Appeal("乙"));
        bing.Add(await Appeal("丙"));
        ding.Add(await Appeal("丁"));
        _app.Clock.Advance(TimeSpan.FromHours(2));
        list = await Recompute();
        members = await Members(list);

        var jiaTopic = Holding(list, jia[0], members);
        jiaTopic.Id.ShouldBe(jiaId, "the topic keeps its id, so links and edits stay");
        jiaTopic.Title.ShouldBe("王庄村路灯长期不亮");
        jiaTopic.GeneratedTitle.ShouldBe("标记甲");
        members[jiaId].ShouldBe(new[] { jia[0], jia[1], jia[2], jia[4], jia[5] }, ignoreOrder: true);
        var splitOut = Holding(list, jia[3], members);
        splitOut.Title.ShouldBe("王庄村另一处路灯");
        members[splitOut.Id].ShouldBe(new[] { jia[3] });

        var yiTopic = Holding(list, yi[0], members);
        yiTopic.Id.ShouldBe(yiId);
        members[yiId].ShouldBe(yi.Concat(bing).ToArray(), ignoreOrder: true);
        yiTopic.Pinned.ShouldBeTrue();
        yiTopic.Rank.ShouldBe(1, "pinned comes first");
        list.Topics[0].Id.ShouldBe(yiId);

        list.Dismissed.Select(t => t.Id).ToArray().ShouldBe(new[] { dingId });
        list.Topics.ShouldNotContain(t => t.Id == dingId);
        list.UnattachedEdits.ShouldBe(0);
        (await Detail(jiaId)).Edits.Select(e => e.Kind).ToArray().ShouldBe(new[] { "Rename", "Split" });

        using var scope = _app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        (await db.AuditLog.CountAsync(e => e.Action == "topic.edit" && e.Actor == "analyst")).ShouldBe(5);
        (await db.AuditLog.CountAsync(e => e.Action == "topics.recompute")).ShouldBe(2);
    }

    [Fact]
    public async Task An_edit_whose_topic_is_gone_is_kept_unattached()
    {
        var wu = new[] { await Appeal("戊"), await Appeal("戊") };
        var list = await Recompute(7);
        await EditAsync(list.Topics.Single().Id, new { kind = "rename", title = "戊的名字" });
        // Eight days later both appeals have left the 7-day period: the edit waits, unattached.
        _app.Clock.Advance(TimeSpan.FromDays(8));
        _analyst = await _app.ClientFor("analyst"); // the token expires on the app's clock
        list = await Recompute(7);
        list.Topics.ShouldBeEmpty();
        list.UnattachedEdits.ShouldBe(1);
        wu.Length.ShouldBe(2);
    }

    [Fact]
    public async Task The_background_pass_recomputes_only_what_changed_or_a_new_day_and_long_periods_at_most_every_LongPeriodMinutes()
    {
        await Appeal("己");
        await Appeal("己");
        using var scope = _app.App.Services.CreateScope();
        HotTopicRefresh Refresh() => _app.App.Services.CreateScope().ServiceProvider.GetRequiredService<HotTopicRefresh>();

        (await Refresh().RunAsync(default)).ShouldBe(new HotTopicRefresh.PassResult(3, 0), "one jurisdiction × 7, 30 and 90 days");
        (await Refresh().RunAsync(default)).ShouldBe(new HotTopicRefresh.PassResult(0, 3), "nothing changed");

        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        await Appeal("己");
        (await Refresh().RunAsync(default)).ShouldBe(new HotTopicRefresh.PassResult(1, 2), "a new appeal: the week at once, 30 and 90 days wait");
        (await _analyst.Expect<TopicListAnswer>("/api/analysis/topics?days=7")).Topics.Single().Appeals.ShouldBe(3);
        (await _analyst.Expect<TopicListAnswer>("/api/analysis/topics?days=90")).Topics.Single().Appeals.ShouldBe(2);

        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        (await Refresh().RunAsync(default)).ShouldBe(new HotTopicRefresh.PassResult(0, 3), "nothing new for the week; the long periods still wait");
        _app.Clock.Advance(TimeSpan.FromMinutes(new HotTopicSettings().LongPeriodMinutes));
        (await Refresh().RunAsync(default)).ShouldBe(new HotTopicRefresh.PassResult(2, 1), "the long periods' wait is over");
        (await _analyst.Expect<TopicListAnswer>("/api/analysis/topics?days=90")).Topics.Single().Appeals.ShouldBe(3);
        _app.Clock.Advance(TimeSpan.FromDays(1));
        (await Refresh().RunAsync(default)).Recomputed.ShouldBe(3, "the period moved on by a day");

        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        (await db.AuditLog.CountAsync(e => e.Action == "topics.recompute" && e.Actor == "system")).ShouldBe(9);
    }
}
