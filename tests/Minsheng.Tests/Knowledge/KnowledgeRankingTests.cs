using System.Diagnostics;
using Minsheng.Features.Knowledge;

namespace Minsheng.Tests.Knowledge;

/// <summary>The pure ranking: bigrams, key terms over content, rarity, thresholds and speed.</summary>
public sealed class KnowledgeRankingTests
{
    private static readonly KnowledgeDocument[] Docs =
    [
        new(1, "城乡居民医保怎么缴费", "医保 缴费 居民医保", "个人缴费标准为每人每年 400 元，可在安徽税务小程序缴纳。"),
        new(2, "住院费用医保报销比例", "医保 报销 住院", "出院时在医院一站式结算窗口直接报销。"),
        new(3, "低保申请条件和办理流程", "低保 救助", "向乡镇人民政府提出申请，经入户调查和公示后审批。"),
        new(4, "身份证丢失补办", "身份证 补办 挂失", "携带户口簿到派出所申请补领，可同时办理临时身份证。"),
        new(5, "燃气开户和报修", "燃气 漏气 报修", "闻到燃气异味请关闭阀门、开窗通风，拨打抢修电话。"),
    ];

    private static IReadOnlyList<KnowledgeScore> Rank(string query, IReadOnlyList<KnowledgeDocument>? docs = null, int max = 5) =>
        KnowledgeRanking.Rank(query, KnowledgeCorpus.Build(docs ?? Docs), max);

    [Fact]
    public void Bigrams_break_at_punctuation_and_keep_lone_characters()
    {
        KnowledgeRanking.Bigrams("医保，报销").ShouldBe(["医保", "报销"], ignoreOrder: true);
        KnowledgeRanking.Bigrams("水").ShouldBe(["水"]);
        KnowledgeRanking.Bigrams("ETC 卡").ShouldBe(["et", "tc", "卡"], ignoreOrder: true);
        KnowledgeRanking.Bigrams("  ，。 ").ShouldBeEmpty();
    }

    [Fact]
    public void Keywords_are_split_on_chinese_and_latin_separators_without_repeats()
    {
        KnowledgeRanking.SplitKeywords("医保, 报销、医保；住院  异地 ").ShouldBe(["医保", "报销", "住院", "异地"]);
        KnowledgeRanking.SplitKeywords(null).ShouldBeEmpty();
    }

    [Fact]
    public void A_callers_words_find_the_article_about_them_first()
    {
        Rank("我身份证丢了，怎么补办？")[0].Id.ShouldBe(4);
        Rank("家里闻到一股燃气味，是不是漏气了")[0].Id.ShouldBe(5);
        Rank("想申请低保，需要什么条件")[0].Id.ShouldBe(3);
        Rank("医保报销")[0].Id.ShouldBe(2);
    }

    [Fact]
    public void A_long_chatty_call_still_finds_the_article_whose_key_words_it_mentions()
    {
        var call = "喂你好，我是王庄村的，我妈妈上个月在县医院住院了十来天，花了一万多块钱，出院的时候好像没有报销，" +
                   "我想问一下这个医保报销是怎么回事，现在还能不能报，要带什么材料去哪里办，谢谢你们了。";
        Rank(call)[0].Id.ShouldBe(2);
    }

    [Fact]
    public void Key_term_matches_outrank_content_matches()
    {
        var docs = new[]
        {
            new KnowledgeDocument(1, "燃气开户", "燃气", "开户后如遇路灯不亮等其他问题请另行咨询。"),
            new KnowledgeDocument(2, "路灯不亮报修", "路灯 报修", "请拨打城管局电话。"),
        };
        var hits = Rank("路灯不亮", docs);
        hits[0].Id.ShouldBe(2);
        if (hits.Count > 1) hits[1].Score.ShouldBeLessThan(hits[0].Score / 2);
    }

    [Fact]
    public void Words_every_article_shares_count_less_than_rare_ones()
    {
        var docs = new[]
        {
            new KnowledgeDocument(1, "办理居住证", "居住证", "到派出所办理。"),
            new KnowledgeDocument(2, "办理残疾人证", "残疾人证", "到残联办理。"),
            new KnowledgeDocument(3, "办理燃气开户", "燃气", "到营业厅办理。"),
        };
        var hits = Rank("办理残疾", docs);
        hits[0].Id.ShouldBe(2);
        (hits.Count == 1 || hits[1].Score < hits[0].Score / 2).ShouldBeTrue();
    }

    [Fact]
    public void Unrelated_or_empty_queries_find_nothing()
    {
        Rank("今天天气很好，谢谢").ShouldBeEmpty();
        Rank("").ShouldBeEmpty();
        Rank("？？！").ShouldBeEmpty();
        Rank("医保", docs: []).ShouldBeEmpty();
    }

    [Fact]
    public void Results_are_capped_scored_between_zero_and_one_and_stable()
    {
        Rank("医保缴费报销住院", max: 1).Count.ShouldBe(1);
        var all = Rank("医保缴费报销住院");
        all.Count.ShouldBe(2);
        all.ShouldAllBe(h => h.Score > 0 && h.Score <= 1);
        Rank("医保缴费报销住院").ShouldBe(all);
    }

    [Fact]
    public void Five_hundred_articles_rank_well_under_fifty_milliseconds()
    {
        var random = new Random(7);
        const string pool = "医保缴费报销住院低保申请身份证补办燃气漏气停电停水入学报名居住证养老保险工资拖欠宅基地建房补贴消费投诉道路维修路灯噪声垃圾";
        string Text(int length) => new(Enumerable.Range(0, length).Select(_ => pool[random.Next(pool.Length)]).ToArray());
        var corpus = KnowledgeCorpus.Build(Enumerable.Range(1, 500).Select(i => new KnowledgeDocument(i, Text(12), Text(10), Text(300))));
        var query = "我家小区门口的路灯坏了一个多月，晚上出门很不方便，另外想问一下医保缴费到哪里交，今年交多少钱。" + Text(100);
        KnowledgeRanking.Rank(query, corpus); // warm up
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++) KnowledgeRanking.Rank(query, corpus);
        (watch.Elapsed.TotalMilliseconds / 10).ShouldBeLessThan(50);
    }
}
