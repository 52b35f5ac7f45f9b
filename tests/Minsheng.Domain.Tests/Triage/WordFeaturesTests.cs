using Minsheng.Domain.Triage;

namespace Minsheng.Domain.Tests.Triage;

/// <summary>The word lexicon (forward maximum matching), taxonomy terms as features, and their stored form.</summary>
public class WordFeaturesTests
{
    /// <summary>A small tree written for these tests; 公共交通 sits under two level-1 names, so it has no group.</summary>
    private static readonly List<TaxonomyRow> Taxonomy =
    [
        new("交通运输", "公共交通", "出租车管理"),
        new("交通运输", "道路运输", "驾驶证办理"),
        new("教育文体", "学前教育", "幼儿园收费"),
        new("教育文体", "公共交通", "校车安全"),
        new("卫生计生", "医疗服务", "疫苗接种"),
    ];

    [Fact]
    public void Forward_maximum_matching_takes_the_longest_known_word_and_skips_the_rest()
    {
        var lexicon = new WordLexicon([("停车", 0), ("停车位", 0), ("车位", 0), ("小区", 0), ("物业公司", 0)]);
        lexicon.Segment("小区停车位太少，物业公司不管").ShouldBe(["小区", "停车位", "物业公司"]);
        // "车位" is inside the longer match "停车位" and is not reported again; unknown text is stepped over.
        lexicon.Segment("我们停车难").ShouldBe(["停车"]);
        lexicon.Segment("物业公").ShouldBeEmpty(); // a prefix of a word is not a word
    }

    [Fact]
    public void Matching_normalises_like_the_n_grams()
    {
        var lexicon = new WordLexicon([("wifi信号", 0), ("0号线", 0)]);
        // Full-width letters, upper case and spaces fold away; every digit reads as 0.
        lexicon.Segment("ＷｉＦｉ 信号差，3号线也挤").ShouldBe(["wifi信号", "0号线"]);
        lexicon.Entries.Select(e => e.Word).ShouldBe(["wifi信号", "0号线"]);
    }

    [Fact]
    public void Single_characters_and_overlong_words_stay_out_of_the_lexicon()
    {
        var lexicon = new WordLexicon([("车", 0), ("一二三四五六七八九", 0), ("公交", 3), ("公交", 5)]);
        lexicon.Entries.ShouldBe([("公交", (byte)3)]); // the first entry of a word wins
    }

    [Fact]
    public void Taxonomy_terms_carry_their_level_one_group_unless_shared()
    {
        var entries = LexiconBuilder.TaxonomyEntries(Taxonomy, groups: true).ToDictionary(e => e.Item1, e => e.Item2);
        // Groups number the level-1 names in ordinal order from 1: 交通运输 1, 卫生计生 2, 教育文体 3.
        entries["出租车管理"].ShouldBe((byte)1);
        entries["疫苗接种"].ShouldBe((byte)2);
        entries["幼儿园收费"].ShouldBe((byte)3);
        entries["公共交通"].ShouldBe((byte)0);
        LexiconBuilder.TaxonomyEntries(Taxonomy, groups: false).ShouldAllBe(e => e.Item2 == 0);
    }

    [Fact]
    public void Taxonomy_is_read_from_a_csv_with_an_optional_third_level()
    {
        var three = CsvTable.Read(new StringReader("level1,level2,level3\n交通运输,公共交通,出租车管理\n,,\n"));
        TaxonomyRow.FromTable(three).ShouldBe([new TaxonomyRow("交通运输", "公共交通", "出租车管理")]);
        var two = CsvTable.Read(new StringReader("level1,level2\n教育文体,学前教育\n"));
        TaxonomyRow.FromTable(two).ShouldBe([new TaxonomyRow("教育文体", "学前教育", "学前教育")]);
        Should.Throw<FormatException>(() => TaxonomyRow.FromTable(CsvTable.Read(new StringReader("a,b\n1,2\n")))).Message.ShouldContain("level1");
    }

    [Fact]
    public void The_level_one_feature_carries_a_class_to_terms_never_seen_in_training()
    {
        // Training texts name only some terms of each class; test texts only others of the same level-1 category,
        // sharing no character with the training terms, so only the group feature links them.
        string[][] seen = [["出租车管理"], ["幼儿园收费"], ["疫苗接种"]];
        string[][] unseen = [["驾驶证办理"], ["学前教育"], ["医疗服务"]];
        string[] labels = ["交通运输", "教育文体", "卫生计生"];
        var rng = new Random(4);
        var train = Enumerable.Range(0, 36).Select(i => Doc(seen[i % 3][0], labels[i % 3], rng)).ToList();
        var model = TriageTrainer.Train(train, new TriageOptions { Taxonomy = Taxonomy, CalibrationFolds = 0 });
        model.Settings.WordFeatures.ShouldBeTrue();
        for (var c = 0; c < 3; c++)
            model.Predict("问题反映", Doc(unseen[c][0], labels[c], rng).Content).Best.Label.ShouldBe(labels[c]);
    }

    [Fact]
    public void Without_a_taxonomy_or_text_words_the_model_is_n_grams_only()
    {
        var model = TriageTrainer.Train(TriageFixtures.Corpus(), TriageFixtures.Options);
        model.Lexicon.ShouldBeNull();
        model.Settings.WordFeatures.ShouldBeFalse();
    }

    [Fact]
    public void Text_words_come_from_jieba_at_training_time_only()
    {
        var model = TriageTrainer.Train(TriageFixtures.Corpus(), TriageFixtures.Options with { TextWords = true });
        var words = model.Lexicon!.Entries.Select(e => e.Word).ToList();
        words.ShouldContain("幼儿园");
        words.ShouldContain("红绿灯");
        model.Predict("关于红绿灯的问题", "路口的红绿灯坏了").Best.Label.ShouldBe("交通运输");
    }

    [Fact]
    public void A_model_with_a_lexicon_round_trips_bit_exactly()
    {
        var model = TriageTrainer.Train(TriageFixtures.Corpus(), TriageFixtures.Options with { Taxonomy = Taxonomy, TextWords = true });
        var bytes = model.ToBytes();
        var loaded = TriageModelFormat.FromBytes(bytes);
        loaded.Lexicon!.Entries.ShouldBe(model.Lexicon!.Entries);
        loaded.ToBytes().ShouldBe(bytes);
        var rng = new Random(8);
        float[] p = new float[3], q = new float[3];
        for (var i = 0; i < 30; i++)
        {
            var doc = TriageFixtures.Make(i % 3, rng);
            model.Classify(doc.Title, doc.Content, p);
            loaded.Classify(doc.Title, doc.Content, q);
            q.ShouldBe(p);
        }
    }

    [Fact]
    public void A_version_one_model_still_loads_and_predicts_the_same()
    {
        // Version 1 is version 2's layout without word features (no flag, no lexicon): the n-gram model's bytes
        // with the version field set back to 1 and the checksum redone are what the previous release stored.
        var model = TriageTrainer.Train(TriageFixtures.Corpus(), TriageFixtures.Options);
        var v1 = model.ToBytes();
        BitConverter.ToUInt16(v1, 8).ShouldBe(TriageModelFormat.Version);
        v1[8] = 1;
        v1[9] = 0;
        BitConverter.GetBytes(Fnv1a64(v1.AsSpan(0, v1.Length - 8))).CopyTo(v1, v1.Length - 8);
        var loaded = TriageModelFormat.FromBytes(v1);
        loaded.Lexicon.ShouldBeNull();
        float[] p = new float[3], q = new float[3];
        model.Classify("公交车晚点", "红绿灯坏了，学校门口", p);
        loaded.Classify("公交车晚点", "红绿灯坏了，学校门口", q);
        q.ShouldBe(p);

        var future = model.ToBytes();
        future[8] = 9;
        BitConverter.GetBytes(Fnv1a64(future.AsSpan(0, future.Length - 8))).CopyTo(future, future.Length - 8);
        Should.Throw<FormatException>(() => TriageModelFormat.FromBytes(future)).Message.ShouldContain("版本 9");
    }

    [Fact]
    public void Cross_validation_learns_a_lexicon_per_fold()
    {
        var cv = CrossValidation.Run(TriageFixtures.Corpus(), new TriageOptions { CalibrationFolds = 0, TextWords = true, Taxonomy = Taxonomy }, folds: 3);
        cv.FoldMacroF1.Count.ShouldBe(3);
        cv.MeanMacroF1.ShouldBeGreaterThan(0.9);
    }

    private static TriageDocument Doc(string term, string label, Random rng)
    {
        string[] filler = ["尊敬的领导您好，", "这个问题已经反映多次，", "希望有关部门尽快处理，", "谢谢！"];
        return new TriageDocument("问题反映", $"{filler[rng.Next(4)]}关于{term}的情况{filler[rng.Next(4)]}", label);
    }

    private static ulong Fnv1a64(ReadOnlySpan<byte> data)
    {
        var h = 14695981039346656037UL;
        foreach (var b in data) h = (h ^ b) * 1099511628211UL;
        return h;
    }
}
