namespace Minsheng.Domain.Analysis;

/// <summary>
/// Learns the place names of a corpus without a gazetteer: a place is a run of characters ending in a place suffix
/// (小区, 花园, 路, 学院, 公司…) whose left edge is where the corpus stops agreeing. Starting from two characters before
/// the suffix, an occurrence grows one character to the left while at least 60 % of the documents holding the shorter
/// name also hold the longer one ("新城小区" grows to "丽发新城小区" when most of its documents say 丽发), and stops
/// where writers diverge or at a function character (在, 的, 我…). Names found in fewer than two documents are dropped:
/// they cannot join appeals, and a one-off name is as likely a phrase as a place.
/// </summary>
internal static class PlaceNames
{
    private static readonly string[] Suffixes =
    [
        "小区", "花园", "家园", "公寓", "新城", "广场", "大厦", "学院", "大学", "学校", "小学", "中学", "幼儿园", "公司",
        "医院", "街道", "大道", "公园", "市场", "号线", "高速", "社区", "园区", "楼盘", "项目", "商城", "新村",
        "苑", "城", "村", "镇", "路", "街", "湾", "站", "桥", "湖", "园", "滩",
    ];

    private const int MinPrefix = 2;
    private const int MaxPrefix = 8;

    /// <summary>A name grows left only while this share of its documents agree on the next character.</summary>
    private const double GrowShare = 0.6;

    /// <summary>A name is generic when no district holds this share of the documents that use it with one district.</summary>
    private const double GenericShare = 0.6;

    /// <summary>Characters that end a name on its left: particles, pronouns, prepositions, verbs of living/going.</summary>
    private static readonly HashSet<char> Boundary = [.. "在的是了于到与及对从我你他她们这该本此那住近个把被向给让等说去来也都就还又或而但且其每各某有无不没请建距离靠位往跟做搞叫称旁"];

    /// <summary>Per document, the places it mentions (longest form per occurrence, corpus-confirmed).</summary>
    public static IReadOnlyList<string>[] Mine(IReadOnlyList<string> texts)
    {
        var cleaned = texts.Select(Clean).ToArray();
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in cleaned)
        {
            seen.Clear();
            foreach (var (start, end) in Occurrences(text))
                for (var k = MinPrefix; k <= MaxPrefix && start - k >= 0 && IsNameChar(text[start - k]); k++)
                    seen.Add(text.Substring(start - k, end - start + k));
            foreach (var s in seen) df[s] = df.GetValueOrDefault(s) + 1;
        }

        var found = new List<string>[cleaned.Length];
        var placeDf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < cleaned.Length; i++)
        {
            var text = cleaned[i];
            var mine = new List<string>();
            foreach (var (start, end) in Occurrences(text))
            {
                if (start - MinPrefix < 0 || !IsNameChar(text[start - 1]) || !IsNameChar(text[start - 2])) continue;
                var k = MinPrefix;
                var name = text.Substring(start - k, end - start + k);
                var count = df.GetValueOrDefault(name);
                if (count < 2) continue;
                while (k < MaxPrefix && start - k - 1 >= 0 && IsNameChar(text[start - k - 1]))
                {
                    var longer = text.Substring(start - k - 1, end - start + k + 1);
                    var longerCount = df.GetValueOrDefault(longer);
                    if (longerCount < 2 || longerCount < GrowShare * count) break;
                    (name, count, k) = (longer, longerCount, k + 1);
                }
                if (!mine.Contains(name)) mine.Add(name);
            }
            found[i] = mine;
            foreach (var p in mine) placeDf[p] = placeDf.GetValueOrDefault(p) + 1;
        }
        var generic = GenericNames(found, texts);
        foreach (var p in placeDf.Keys)
            if (IsCommonNoun(p)) generic.Add(p);
        for (var i = 0; i < found.Length; i++) found[i].RemoveAll(p => placeDf[p] < 2 || generic.Contains(p));
        return found;
    }

    /// <summary>
    /// "搅拌站", "幼儿园", "地铁站" are things, not places: jieba's dictionary knows them as one word. Proper names are
    /// not in it and come out in pieces ("丽发/新城", "伊/景园") — except short road names that its HMM joins
    /// ("凉塘路"), which is why roads are kept.
    /// </summary>
    private static bool IsCommonNoun(string place) =>
        !RoadSuffixes.Any(s => place.EndsWith(s, StringComparison.Ordinal)) && Text.ChineseWords.Cut(place).Count == 1;

    private static readonly string[] RoadSuffixes = ["路", "街", "大道", "村", "镇"];

    /// <summary>
    /// Names that are kinds rather than places ("配套幼儿园", "职业技术学院"): the documents using them name different
    /// districts, none with a clear majority. A real place lies in one district, so most of its documents agree.
    /// </summary>
    private static HashSet<string> GenericNames(List<string>[] found, IReadOnlyList<string> texts)
    {
        var districts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        for (var i = 0; i < found.Length; i++)
        {
            if (found[i].Count == 0) continue;
            var named = TopicText.District().Matches(texts[i]).Select(m => m.Value).Distinct().ToList();
            if (named.Count != 1) continue; // several districts in one text say nothing about where the place is
            foreach (var p in found[i])
            {
                if (!districts.TryGetValue(p, out var counts)) districts[p] = counts = new(StringComparer.Ordinal);
                counts[named[0]] = counts.GetValueOrDefault(named[0]) + 1;
            }
        }
        var generic = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (p, counts) in districts)
        {
            var total = counts.Values.Sum();
            if (counts.Count >= 2 && counts.Values.Max() < GenericShare * total) generic.Add(p);
        }
        return generic;
    }

    /// <summary>Districts ("A2区") and the city are separators here: they are reported on their own.</summary>
    private static string Clean(string text) => TopicText.District().Replace(text.Replace("A市", "|"), "|");

    private static IEnumerable<(int Start, int End)> Occurrences(string text)
    {
        for (var i = 0; i < text.Length; i++)
            foreach (var s in Suffixes)
                if (string.CompareOrdinal(text, i, s, 0, s.Length) == 0)
                    yield return (i, i + s.Length);
    }

    private static bool IsNameChar(char c) =>
        !Boundary.Contains(c) && (TopicText.IsChinese(c) || char.IsAsciiLetterOrDigit(c));
}
