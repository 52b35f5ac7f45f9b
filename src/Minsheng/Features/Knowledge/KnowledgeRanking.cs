using System.Globalization;

namespace Minsheng.Features.Knowledge;

/// <summary>An article as the ranking sees it.</summary>
public sealed record KnowledgeDocument(long Id, string Title, string Keywords, string Content);

public sealed record KnowledgeScore(long Id, double Score);

/// <summary>
/// Articles prepared once for ranking: an inverted index from character bigram to the articles (and fields)
/// holding it, so a query touches only the articles sharing a bigram with it.
/// </summary>
public sealed class KnowledgeCorpus
{
    internal const byte InTitle = 1, InKeywords = 2, InContent = 4;

    internal readonly record struct Posting(int Document, byte Fields);

    private readonly Dictionary<int, Posting[]> _postings;

    public IReadOnlyList<KnowledgeDocument> Documents { get; }

    private KnowledgeCorpus(IReadOnlyList<KnowledgeDocument> documents)
    {
        Documents = documents;
        var fields = new Dictionary<int, List<Posting>>();
        for (var i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var masks = new Dictionary<int, byte>();
            void Mark(string text, byte field)
            {
                foreach (var code in KnowledgeRanking.Codes(text)) masks[code] = (byte)(masks.GetValueOrDefault(code) | field);
            }
            Mark(d.Title, InTitle);
            Mark(d.Keywords, InKeywords);
            Mark(d.Content, InContent);
            foreach (var (code, mask) in masks)
            {
                if (!fields.TryGetValue(code, out var list)) fields[code] = list = [];
                list.Add(new Posting(i, mask));
            }
        }
        _postings = fields.ToDictionary(f => f.Key, f => f.Value.ToArray());
    }

    public static KnowledgeCorpus Build(IEnumerable<KnowledgeDocument> documents) => new(documents.ToList());

    /// <summary>How telling a bigram is: one most articles have weighs little, one a single article has weighs much.</summary>
    internal double Weight(int documentFrequency) => Math.Log(1 + (Documents.Count + 1.0) / (documentFrequency + 1.0));

    /// <summary>The weight of a bigram no other article shares: what one telling word is worth in this corpus.</summary>
    internal double RareWeight => Weight(1);

    internal bool TryGetPostings(int code, out Posting[] postings) => _postings.TryGetValue(code, out postings!);
}

/// <summary>
/// Ranks articles for what a caller says, in Chinese and without a word segmenter. Both sides become character
/// bigrams (a lone character stands for itself), less the bigrams of question words every call has (怎么、请问).
/// Bigrams no article contains are left out — many are only the seam between two words ("停电了" → "电了") — and
/// the rest weigh by how few articles share them. An article scores the share of that weight it matches, a match
/// in its title or keywords counting fully and one in its content at <see cref="ContentFactor"/>; so 0..1.
/// A hit also needs real evidence: matched weight of at least <see cref="MinEvidence"/> of one rare bigram, so a
/// query whose only known word is a common one (办理) finds nothing. Pure: the caller loads and keeps the corpus.
/// </summary>
public static class KnowledgeRanking
{
    public const double ContentFactor = 0.4;
    public const double MinScore = 0.2;
    public const double MinEvidence = 0.6;

    /// <summary>Bigrams of question and filler words: in almost every call, about nothing in particular.</summary>
    private static readonly HashSet<int> Stop = new[]
    {
        "怎么", "么办", "怎样", "什么", "哪里", "哪儿", "请问", "问一", "问下", "一下", "可以", "能不", "不能", "是不", "不是", "我们", "你们",
        "他们", "我家", "我的", "的是", "了吗", "需要", "一个", "这个", "那个", "现在", "已经", "还是", "没有", "有没", "尽快", "谢谢", "你好",
        "麻烦", "想问", "咨询", "反映", "情况",
    }.Select(w => (w[0] << 16) | w[1]).ToHashSet();

    private static readonly char[] KeywordSeparators = [' ', ',', '，', '、', ';', '；', '\t', '\n', '\r', '/', '|'];

    /// <summary>Keywords as typed ("医保, 报销 医保") become distinct, trimmed words in their first order.</summary>
    public static IReadOnlyList<string> SplitKeywords(string? keywords) =>
        (keywords ?? "").Split(KeywordSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The bigrams of a text as strings (what <see cref="Codes"/> packs into integers).</summary>
    public static HashSet<string> Bigrams(string? text) =>
        Codes(text).Select(c => (uint)c <= char.MaxValue ? ((char)c).ToString() : string.Concat((char)(c >> 16), (char)(c & 0xFFFF))).ToHashSet();

    /// <summary>
    /// The bigrams of every run of letters, digits and ideographs, each packed in an int (first char high),
    /// without the filler ones; punctuation and spaces break runs, so no bigram spans two keywords or two
    /// sentences. Latin is lower-cased. A run of one character yields the character alone (high half zero).
    /// </summary>
    public static HashSet<int> Codes(string? text)
    {
        var result = new HashSet<int>();
        if (string.IsNullOrEmpty(text)) return result;
        var previous = '\0';
        var runLength = 0;
        foreach (var raw in text)
        {
            if (!IsWordChar(raw))
            {
                if (runLength == 1) result.Add(previous);
                runLength = 0;
                continue;
            }
            var c = char.ToLowerInvariant(raw);
            if (runLength > 0 && ((previous << 16) | c) is var code && !Stop.Contains(code)) result.Add(code);
            previous = c;
            runLength++;
        }
        if (runLength == 1) result.Add(previous);
        return result;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter;

    /// <summary>The best <paramref name="max"/> articles scoring at least <see cref="MinScore"/>, best first (ties: lower id).</summary>
    public static IReadOnlyList<KnowledgeScore> Rank(string? query, KnowledgeCorpus corpus, int max = 5)
    {
        var n = corpus.Documents.Count;
        if (n == 0 || max <= 0) return [];
        var matched = new double[n];
        var evidence = new double[n];
        double knownMass = 0;
        foreach (var code in Codes(query))
        {
            if (!corpus.TryGetPostings(code, out var postings)) continue;
            var w = corpus.Weight(postings.Length);
            knownMass += w;
            foreach (var p in postings)
            {
                evidence[p.Document] += w;
                matched[p.Document] += (p.Fields & (KnowledgeCorpus.InTitle | KnowledgeCorpus.InKeywords)) != 0 ? w : w * ContentFactor;
            }
        }
        if (knownMass == 0) return [];
        var floor = MinEvidence * corpus.RareWeight;
        var scored = new List<KnowledgeScore>();
        for (var i = 0; i < n; i++)
        {
            var score = matched[i] / knownMass;
            if (score >= MinScore && evidence[i] >= floor) scored.Add(new KnowledgeScore(corpus.Documents[i].Id, Math.Round(score, 4)));
        }
        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Id).Take(max).ToList();
    }
}
