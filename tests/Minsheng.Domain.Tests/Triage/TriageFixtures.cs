using Minsheng.Domain.Triage;

namespace Minsheng.Domain.Tests.Triage;

/// <summary>
/// A tiny, separable corpus written for these tests: three topics, each with its own vocabulary,
/// padded with the same neutral phrases so only the topic words tell the classes apart.
/// </summary>
public static class TriageFixtures
{
    public static readonly string[] Labels = ["交通运输", "教育文体", "卫生计生"];

    private static readonly string[][] Topics =
    [
        ["公交车", "红绿灯", "道路拥堵", "停车位", "出租车", "高速路口", "驾驶证", "客运站"],
        ["学校", "老师", "学生", "学费", "幼儿园", "课外辅导", "中考招生", "体育馆"],
        ["医院", "医生", "看病", "药品", "疫苗接种", "住院报销", "卫生院", "计划生育"],
    ];

    private static readonly string[] Filler =
    [
        "尊敬的领导您好，", "我是本地居民，", "这个问题已经反映多次，", "希望有关部门尽快处理，", "谢谢！", "情况属实，请核查。",
    ];

    public static List<TriageDocument> Corpus(int perClass = 12, int seed = 5)
    {
        var rng = new Random(seed);
        var docs = new List<TriageDocument>();
        for (var i = 0; i < perClass; i++)
            for (var c = 0; c < Labels.Length; c++)
                docs.Add(Make(c, rng));
        return docs;
    }

    public static TriageDocument Make(int topic, Random rng)
    {
        string Word() => Topics[topic][rng.Next(Topics[topic].Length)];
        string Pad() => Filler[rng.Next(Filler.Length)];
        return new TriageDocument($"关于{Word()}的问题", $"{Pad()}{Word()}和{Word()}的情况{Pad()}{Word()}{Pad()}", Labels[topic]);
    }

    /// <summary>Fast training for tests: the corpus is tiny, so two calibration folds are plenty.</summary>
    public static TriageOptions Options => new() { CalibrationFolds = 2 };
}
