using Minsheng.Domain.Analysis;
using static Minsheng.Domain.Tests.Analysis.HotTopicFixtures;

namespace Minsheng.Domain.Tests.Analysis;

public class HotTopicDetectorTests
{
    [Fact]
    public void Empty_input_gives_no_topics()
    {
        HotTopicDetector.Detect([], Options()).ShouldBeEmpty();
    }

    [Fact]
    public void Same_problem_at_two_places_is_two_topics()
    {
        var topics = HotTopicDetector.Detect(All(), Options());
        var lifa = TopicWith(topics, "1001");
        var jinse = TopicWith(topics, "2001");
        lifa.ShouldNotBeSameAs(jinse);
        lifa.DocumentIds.Order().ShouldBe(["1001", "1002", "1003", "1004", "1005", "1006"]);
        jinse.DocumentIds.Order().ShouldBe(["2001", "2002", "2003"]);
    }

    [Fact]
    public void A_different_problem_is_its_own_topic_and_noise_is_dropped()
    {
        var topics = HotTopicDetector.Detect(All(), Options());
        TopicWith(topics, "3001").DocumentIds.Order().ShouldBe(["3001", "3002", "3003"]);
        topics.SelectMany(t => t.DocumentIds).ShouldNotContain("9001");
        topics.SelectMany(t => t.DocumentIds).ShouldNotContain("9002");
        topics.ShouldAllBe(t => t.DocumentIds.Count >= 2);
    }

    [Fact]
    public void One_persons_repeated_post_counts_once_among_people()
    {
        var lifa = TopicWith(HotTopicDetector.Detect(All(), Options()), "1001");
        lifa.DocumentIds.Count.ShouldBe(6);
        lifa.People.ShouldBe(5);
        lifa.Supporters.ShouldBe(6);
        // The volume part folds u4's repeated post: ln(1 + 5), not ln(1 + 6).
        lifa.Parts.Volume.ShouldBe(HeatIndex.Scale * HeatIndex.VolumeWeight * Math.Log(6), 1e-9);
    }

    [Fact]
    public void Topics_are_ordered_by_heat_and_the_bigger_recent_one_leads()
    {
        var topics = HotTopicDetector.Detect(All(), Options());
        topics.Count.ShouldBe(3);
        topics.Select(t => t.Heat).ShouldBe(topics.Select(t => t.Heat).OrderDescending());
        topics[0].DocumentIds.ShouldContain("1001");
    }

    [Fact]
    public void Heat_is_the_sum_of_its_parts()
    {
        foreach (var t in HotTopicDetector.Detect(All(), Options()))
            t.Heat.ShouldBe(t.Parts.Volume + t.Parts.People + t.Parts.Support + t.Parts.Recency + t.Parts.Persistence, 0.01);
    }

    [Fact]
    public void Title_names_the_place_and_the_problem()
    {
        var topics = HotTopicDetector.Detect(All(), Options());
        var lifa = TopicWith(topics, "1001");
        lifa.Title.ShouldContain("丽发新城");
        lifa.Title.ShouldContain("搅拌站");
        lifa.Places.ShouldContain("A2区");
        TopicWith(topics, "2001").Title.ShouldContain("金色家园");
        TopicWith(topics, "3001").Title.ShouldContain("阳光花园");
        topics.ShouldAllBe(t => !t.Title.StartsWith("投诉") && !t.Title.EndsWith("？") && !t.Title.EndsWith("吗"));
    }

    [Fact]
    public void Title_gains_the_place_when_the_representative_title_lacks_it()
    {
        var docs = Enumerable.Range(1, 4).Select(i => Doc($"40{i:D2}", $"p{i}", "晚上噪音太大睡不着",
            $"A6区翠湖花园小区楼下的酒吧晚上噪音太大，居民睡不着，第{i}次反映。", i)).ToList();
        var topic = HotTopicDetector.Detect(docs, Options()).ShouldHaveSingleItem();
        topic.Title.ShouldContain("翠湖花园");
        topic.Title.ShouldStartWith("A6区");
    }

    [Fact]
    public void Dates_span_the_topic_and_ids_are_most_recent_first()
    {
        var lifa = TopicWith(HotTopicDetector.Detect(All(), Options()), "1001");
        lifa.First.ShouldBe(All().Single(d => d.Id == "1001").Time);
        lifa.Last.ShouldBe(All().Single(d => d.Id == "1006").Time);
        lifa.DocumentIds[0].ShouldBe("1006");
        lifa.DocumentIds[^1].ShouldBe("1001");
        lifa.ActiveDays.ShouldBe(5); // 1004 and 1005 share a day
    }

    [Fact]
    public void Recency_fades_and_an_older_copy_of_the_same_topic_is_cooler()
    {
        var recent = HotTopicDetector.Detect(TwoPlacesSameProblem(), Options());
        var older = HotTopicDetector.Detect(TwoPlacesSameProblem(), new HotTopicOptions(Now.AddDays(90)));
        var a = TopicWith(recent, "1001");
        var b = TopicWith(older, "1001");
        b.Parts.Recency.ShouldBeLessThan(a.Parts.Recency);
        b.Heat.ShouldBeLessThan(a.Heat);
        b.Parts.People.ShouldBe(a.Parts.People);
    }

    [Fact]
    public void Min_documents_and_max_topics_are_honoured()
    {
        HotTopicDetector.Detect(All(), Options(minDocuments: 4)).ShouldHaveSingleItem().DocumentIds.ShouldContain("1001");
        HotTopicDetector.Detect(All(), Options() with { MaxTopics = 1 }).ShouldHaveSingleItem();
    }

    [Fact]
    public void Detection_is_deterministic_and_does_not_depend_on_input_order()
    {
        static string Render(IReadOnlyList<DetectedTopic> ts) =>
            string.Join("\n", ts.Select(t => $"{t.Heat}|{t.Title}|{string.Join(",", t.DocumentIds)}|{string.Join(",", t.KeyPhrases)}|{string.Join(",", t.Places)}"));
        var docs = All();
        var first = Render(HotTopicDetector.Detect(docs, Options()));
        Render(HotTopicDetector.Detect(docs, Options())).ShouldBe(first);
        var shuffled = docs.OrderBy(d => d.Id.GetHashCode(StringComparison.Ordinal) ^ 0x5bd1e995).Reverse().ToList();
        Render(HotTopicDetector.Detect(shuffled, Options())).ShouldBe(first);
    }

    [Fact]
    public void Key_phrases_name_the_problem()
    {
        var lifa = TopicWith(HotTopicDetector.Detect(All(), Options()), "1001");
        lifa.KeyPhrases.ShouldNotBeEmpty();
        lifa.KeyPhrases.ShouldContain(p => p.Contains("噪音") || p.Contains("搅拌") || p.Contains("粉尘"));
    }

    [Fact]
    public void Anonymous_appeals_count_as_separate_people_unless_identical()
    {
        var docs = new List<TopicDocument>
        {
            Doc("5001", null, "A1区长青路路灯不亮", "A1区长青路路灯坏了三个月，晚上一片漆黑。", 3),
            Doc("5002", null, "A1区长青路路灯不亮", "A1区长青路路灯坏了三个月，晚上一片漆黑。", 2),
            Doc("5003", null, "长青路路灯坏了没人修", "A1区长青路晚上路灯全部不亮，行人摔倒。", 1),
        };
        HotTopicDetector.Detect(docs, Options()).ShouldHaveSingleItem().People.ShouldBe(2);
    }
}
