using Minsheng.Domain.Triage;

namespace Minsheng.Domain.Tests.Triage;

public class FeaturizerTests
{
    private static (int[] Indices, float[] Values) Featurize(Featurizer f, string title, string content)
    {
        var idx = new int[f.Settings.MaxFeatures(title.Length, content.Length)];
        var val = new float[idx.Length];
        var n = f.Featurize(title, content, idx, val);
        return (idx[..n], val[..n]);
    }

    private static Dictionary<int, float> AsMap((int[] Indices, float[] Values) v) =>
        v.Indices.Zip(v.Values).ToDictionary(p => p.First, p => p.Second);

    [Fact]
    public void Same_text_gives_the_same_vector_from_any_instance()
    {
        var a = Featurize(new Featurizer(new FeatureSettings { WordFeatures = false }), "小区停车难", "小区里停车位太少，晚上找不到车位。");
        var b = Featurize(new Featurizer(new FeatureSettings { WordFeatures = false }), "小区停车难", "小区里停车位太少，晚上找不到车位。");
        a.Indices.ShouldBe(b.Indices);
        a.Values.ShouldBe(b.Values);
    }

    [Fact]
    public void Vector_is_unit_length_and_slots_are_distinct()
    {
        var (idx, val) = Featurize(new Featurizer(new FeatureSettings { WordFeatures = false }), "噪音扰民", "工地夜间施工噪音很大，噪音影响休息。");
        idx.Distinct().Count().ShouldBe(idx.Length);
        idx.ShouldAllBe(i => i >= 0 && i < new FeatureSettings { WordFeatures = false }.Dimension);
        Math.Sqrt(val.Sum(v => (double)v * v)).ShouldBe(1.0, 1e-5);
    }

    [Fact]
    public void Width_case_whitespace_and_digits_are_normalised()
    {
        var f = new Featurizer(new FeatureSettings { WordFeatures = false });
        var a = AsMap(Featurize(f, "ＡＢＣ 小区", "电话 13800001234"));
        var b = AsMap(Featurize(f, "abc小区", "电话\u300013955559999"));
        a.Keys.Order().ShouldBe(b.Keys.Order());
        foreach (var (k, v) in a) b[k].ShouldBe(v, 1e-6f);
    }

    [Fact]
    public void Title_ngrams_weigh_more_than_the_same_ngrams_in_the_content()
    {
        var f = new Featurizer(new FeatureSettings { WordFeatures = false, UseIdf = false, TitleWeight = 5 });
        var v = AsMap(Featurize(f, "甲", "乙"));
        v.Values.Max().ShouldBeGreaterThan(v.Values.Min() * 4.9f);
    }

    [Fact]
    public void Long_content_is_cut_at_the_configured_length()
    {
        var f = new Featurizer(new FeatureSettings { WordFeatures = false, MaxContentChars = 10 });
        var shortText = Featurize(f, "", "一二三四五六七八九十");
        var longText = Featurize(f, "", "一二三四五六七八九十后面还有很多很多字");
        longText.Indices.ShouldBe(shortText.Indices);
    }

    [Fact]
    public void Empty_text_gives_an_empty_vector()
    {
        Featurize(new Featurizer(new FeatureSettings { WordFeatures = false }), "", "   ").Indices.ShouldBeEmpty();
    }
}
