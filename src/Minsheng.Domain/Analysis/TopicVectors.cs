namespace Minsheng.Domain.Analysis;

/// <summary>A sparse, L2-normalised TF-IDF vector; term ids ascending.</summary>
internal sealed record SparseVector(int[] Terms, float[] Weights)
{
    public static readonly SparseVector Empty = new([], []);

    /// <summary>Term ids of the heaviest weights, heaviest first (ties by id, so the result is deterministic).</summary>
    public int[] Top(int count) => Enumerable.Range(0, Terms.Length)
        .OrderByDescending(i => Weights[i]).ThenBy(i => Terms[i]).Take(count).Select(i => Terms[i]).ToArray();
}

/// <summary>
/// Vocabulary and weighting of words: the title (which names the problem) and the detail (which tells a story) are
/// weighed apart and mixed (<see cref="TitleShare"/>). Sublinear tf (1 + ln tf) keeps a long complaint repeating "噪音" from dominating,
/// idf = ln(1 + N/df). Places are not terms here: they act as constraints in <see cref="TopicClustering"/>, because as
/// heavy terms they made every appeal about one street look alike whatever its problem.
/// </summary>
internal sealed class TopicVectors
{
    /// <summary>
    /// Share of the title in a document's unit vector; the title and the detail are normalised apart and then mixed,
    /// so a long story cannot drown the title that states the problem (nor a bare title the story).
    /// </summary>
    public const double TitleShare = 0.5;

    /// <summary>Title character pairs back the words up, at this weight against a title word's 1.</summary>
    public const double BigramWeight = 0.5;

    /// <summary>Share of its weight a word keeps when it is part of one of the document's places.</summary>
    public const double PlaceWordFactor = 0.1;

    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<string> names = [];

    public string Name(int id) => names[id];

    /// <summary>One unit vector per document from its weighted title and detail term counts.</summary>
    public SparseVector[] Build(IReadOnlyList<(Dictionary<string, double> Title, Dictionary<string, double> Detail)> counts)
    {
        var titles = counts.Select(c => Interned(c.Title)).ToArray();
        var details = counts.Select(c => Interned(c.Detail)).ToArray();
        var df = new int[names.Count];
        for (var d = 0; d < counts.Count; d++)
            foreach (var id in titles[d].Keys.Union(details[d].Keys)) df[id]++;
        var n = counts.Count;
        var vectors = new SparseVector[n];
        var mixed = new Dictionary<int, double>();
        for (var d = 0; d < n; d++)
        {
            mixed.Clear();
            var t = Weigh(titles[d], df, n);
            var x = Weigh(details[d], df, n);
            var (tw, xw) = t.Count == 0 ? (0, 1.0) : x.Count == 0 ? (1.0, 0) : (TitleShare, 1 - TitleShare);
            foreach (var (id, w) in t) mixed[id] = mixed.GetValueOrDefault(id) + tw * w;
            foreach (var (id, w) in x) mixed[id] = mixed.GetValueOrDefault(id) + xw * w;
            if (mixed.Count == 0) { vectors[d] = SparseVector.Empty; continue; }
            var terms = mixed.Keys.Order().ToArray();
            var norm = Math.Sqrt(mixed.Values.Sum(v => v * v));
            vectors[d] = new SparseVector(terms, terms.Select(id => (float)(mixed[id] / norm)).ToArray());
        }
        return vectors;
    }

    /// <summary>Sublinear tf (1 + ln tf; weights below one stay as they are) times idf, normalised to unit length.</summary>
    private static Dictionary<int, double> Weigh(Dictionary<int, double> tf, int[] df, int n)
    {
        var w = new Dictionary<int, double>(tf.Count);
        double norm = 0;
        foreach (var (id, f) in tf)
        {
            var x = (f >= 1 ? 1 + Math.Log(f) : f) * Math.Log(1 + (double)n / df[id]);
            w[id] = x;
            norm += x * x;
        }
        if (norm > 0)
        {
            var inv = 1 / Math.Sqrt(norm);
            foreach (var id in w.Keys.ToList()) w[id] *= inv;
        }
        return w;
    }

    private Dictionary<int, double> Interned(Dictionary<string, double> counts)
    {
        var result = new Dictionary<int, double>(counts.Count);
        foreach (var (term, c) in counts) result[Intern(term)] = c;
        return result;
    }

    private int Intern(string term)
    {
        if (ids.TryGetValue(term, out var id)) return id;
        id = names.Count;
        ids[term] = id;
        names.Add(term);
        return id;
    }
}
