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
    /// <summary>Per article, the summed weight of its title and keyword bigrams: what a query can cover of its key terms.</summary>
    private readonly double[] _keyMass;

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
        _keyMass = new double[documents.Count];
        foreach (var (code, postings) in _postings)
        {
            var w = Weight(code);
            foreach (var p in postings)
                if ((p.Fields & (InTitle | InKeywords)) != 0) _keyMass[p.Document] += w;
        }
    }

    public static KnowledgeCorpus Build(IEnumerable<KnowledgeDocument> documents) => new(documents.ToList());

    /// <summary>How telling a bigram is: one every article has (办理) weighs little, a rare one (低保) much.</summary>
    internal double Weight(int code)
    {
        var df = _postings.TryGetValue(code, out var p) ? p.Length : 0;
        return Math.Log(1 + (Documents.Count + 1.0) / (df + 1.0));
    }

    internal bool TryGetPostings(int code, out Posting[] postings) => _postings.TryGetValue(code, out postings!);

    internal double KeyMass(int document) => _keyMass[document];
}

/// <summary>
/// Ranks articles for what a caller says, in Chinese and without a word segmenter: both sides become character
/// bigrams (a lone character stands for itself), weighted by rarity among the articles. An article scores by
/// how much of its key terms (title and keywords) the query covers, and a little by how much of the query
/// its whole text explains — so a long, chatty call still finds the article whose key words it mentions.
/// Scores run 0..1. Pure: the caller loads the articles and keeps the corpus.
/// </summary>
public static class KnowledgeRanking
{
    public const double KeyShare = 0.7, QueryShare = 0.3;

    /// <summary>Below this a hit shares little more than filler words with the query; operators should not see it.</summary>
    public const double MinScore = 0.12;

    private static readonly char[] KeywordSeparators = [' ', ',', '，', '、', ';', '；', '\t', '\n', '\r', '/', '|'];

    /// <summary>Keywords as typed ("医保, 报销 医保") become distinct, trimmed words in their first order.</summary>
    public static IReadOnlyList<string> SplitKeywords(string? keywords) =>
        (keywords ?? "").Split(KeywordSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The bigrams of a text as strings (what <see cref="Codes"/> packs into integers).</summary>
    public static HashSet<string> Bigrams(string? text) =>
        Codes(text).Select(c => (uint)c <= char.MaxValue ? ((char)c).ToString() : string.Concat((char)(c >> 16), (char)(c & 0xFFFF))).ToHashSet();

    /// <summary>
    /// The bigrams of every run of letters, digits and ideographs, each packed in an int (first char high);
    /// punctuation and spaces break runs, so no bigram spans two keywords or two sentences. Latin is lower-cased.
    /// A run of one character yields the character alone (high half zero: no word character is NUL).
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
            if (runLength > 0) result.Add((previous << 16) | c);
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
        var q = Codes(query);
        var n = corpus.Documents.Count;
        if (q.Count == 0 || n == 0 || max <= 0) return [];
        var key = new double[n];
        var any = new double[n];
        double queryMass = 0;
        foreach (var code in q)
        {
            var w = corpus.Weight(code);
            queryMass += w;
            if (!corpus.TryGetPostings(code, out var postings)) continue;
            foreach (var p in postings)
            {
                any[p.Document] += w;
                if ((p.Fields & (KnowledgeCorpus.InTitle | KnowledgeCorpus.InKeywords)) != 0) key[p.Document] += w;
            }
        }
        var scored = new List<KnowledgeScore>();
        for (var i = 0; i < n; i++)
        {
            if (any[i] == 0) continue;
            var keyMass = corpus.KeyMass(i);
            var score = (keyMass > 0 ? KeyShare * key[i] / keyMass : 0) + QueryShare * any[i] / queryMass;
            if (score >= MinScore) scored.Add(new KnowledgeScore(corpus.Documents[i].Id, Math.Round(score, 4)));
        }
        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Id).Take(max).ToList();
    }
}
