using Minsheng.Domain.Text;

namespace Minsheng.Domain.Triage;

/// <summary>One row of a category tree (category_taxonomy.csv: level1, level2, level3; a two-level tree repeats level 2).</summary>
public sealed record TaxonomyRow(string Level1, string Level2, string Level3)
{
    /// <summary>Rows of a table with level1, level2 and level3 columns (level3 may be missing).</summary>
    public static List<TaxonomyRow> FromTable(CsvTable table)
    {
        int l1 = table.Column("level1"), l2 = table.Column("level2"), l3 = table.Column("level3");
        if (l1 < 0 || l2 < 0) throw new FormatException("分类体系 CSV 需要 level1、level2 列（可有 level3 列）。");
        return table.Rows.Where(r => r.Length > Math.Max(l1, l2) && r[l1].Trim().Length > 0)
            .Select(r => new TaxonomyRow(r[l1].Trim(), r[l2].Trim(), l3 >= 0 && l3 < r.Length ? r[l3].Trim() : r[l2].Trim())).ToList();
    }
}

/// <summary>
/// Learns a model's <see cref="WordLexicon"/>: with <see cref="TriageOptions.TextWords"/> the words jieba finds in the
/// training texts (in at least <see cref="TriageOptions.WordMinCount"/> of them), and when a taxonomy is given its level-2 and level-3 terms
/// and their words, grouped by the level-1 category they sit under (a word under several level-1 categories gets
/// no group). jieba runs once per text at training time only.
/// </summary>
public static class LexiconBuilder
{
    /// <summary>The distinct words of each text (title and the content the featurizer reads), in parallel.</summary>
    public static string[][] Cut(IReadOnlyList<TriageDocument> docs, FeatureSettings settings)
    {
        var cuts = new string[docs.Count][];
        Parallel.For(0, docs.Count, i =>
        {
            var d = docs[i];
            var text = d.Title[..Math.Min(d.Title.Length, FeatureSettings.MaxTitleChars)] + "\n"
                + d.Content[..Math.Min(d.Content.Length, settings.MaxContentChars)];
            cuts[i] = ChineseWords.Cut(text).Select(WordLexicon.Normalised)
                .Where(w => w.Length is >= 2 and <= WordLexicon.MaxWordLength).Distinct(StringComparer.Ordinal).ToArray();
        });
        return cuts;
    }

    /// <summary>The lexicon for these options, or null when it would be empty (the model then uses n-grams only).</summary>
    public static WordLexicon? Build(IEnumerable<string[]> cuts, TriageOptions o)
    {
        var count = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var words in o.TextWords ? cuts : [])
            foreach (var w in words)
                if (w.Length >= o.WordMinLength && !IsNumberLike(w))
                    count[w] = count.GetValueOrDefault(w) + 1;
        var entries = count.Where(p => p.Value >= o.WordMinCount).Select(p => p.Key).Order(StringComparer.Ordinal)
            .Select(w => (w, (byte)0)).ToList();
        if (o.Taxonomy is { Count: > 0 } taxonomy) entries.AddRange(TaxonomyEntries(taxonomy, o.TaxonomyGroups));
        // Taxonomy entries come last: the lexicon keeps the first occurrence, so give grouped ones priority.
        var grouped = entries.Where(e => e.Item2 > 0).ToList();
        var lexicon = new WordLexicon(grouped.Concat(entries.Where(e => e.Item2 == 0)));
        return lexicon.Count == 0 ? null : lexicon;
    }

    /// <summary>Level-2 and level-3 terms and their jieba words; group = 1 + index of the level-1 name (ordinal order).</summary>
    public static IEnumerable<(string, byte)> TaxonomyEntries(IReadOnlyList<TaxonomyRow> taxonomy, bool groups)
    {
        var level1 = taxonomy.Select(t => t.Level1).Distinct().Order(StringComparer.Ordinal).ToList();
        var owners = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var row in taxonomy)
            foreach (var term in new[] { row.Level2, row.Level3 })
                foreach (var w in ChineseWords.Cut(term).Append(term).Select(WordLexicon.Normalised))
                    if (w.Length is >= 2 and <= WordLexicon.MaxWordLength)
                    {
                        if (!owners.TryGetValue(w, out var set)) owners[w] = set = [];
                        set.Add(row.Level1);
                    }
        return owners.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
            (p.Key, groups && p.Value.Count == 1 ? (byte)(1 + level1.IndexOf(p.Value.First())) : (byte)0));
    }

    /// <summary>Digits are all 0 after normalisation; "0000" or "00年" says nothing about the topic.</summary>
    private static bool IsNumberLike(string w) => w.Count(c => c == '0') * 2 >= w.Length;
}
