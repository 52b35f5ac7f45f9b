using JiebaNet.Segmenter;

namespace Minsheng.Domain.Text;

/// <summary>
/// Chinese word segmentation shared by hot-topic detection and triage. jieba loads its 350k-word dictionary once per
/// process (about a second); the segmenter keeps per-call state in locals, but its user-dictionary methods mutate
/// shared tables, so words are added only through <see cref="AddWords"/> before the first parallel use.
/// </summary>
public static class ChineseWords
{
    private static readonly Lazy<JiebaSegmenter> Segmenter = new(() => new JiebaSegmenter(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock UserWordsLock = new();

    /// <summary>Words of the text in reading order (precise mode, HMM for unknown words); whitespace dropped.</summary>
    public static IReadOnlyList<string> Cut(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var words = new List<string>();
        foreach (var w in Segmenter.Value.Cut(text, cutAll: false, hmm: true))
            if (!string.IsNullOrWhiteSpace(w)) words.Add(w);
        return words;
    }

    /// <summary>Teaches the dictionary domain words (place names, 搅拌站…) so they are not split.</summary>
    public static void AddWords(IEnumerable<string> words)
    {
        lock (UserWordsLock)
            foreach (var w in words)
                if (!string.IsNullOrWhiteSpace(w)) Segmenter.Value.AddWord(w.Trim());
    }
}
