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
/// Vocabulary and weighting. Title words count <see cref="TitleWeight"/> times (a title names the problem; the
/// detail tells a story), a mined place counts as one extra strong term (<see cref="PlaceBoost"/>), the district as a weak one.
/// Sublinear tf (1 + ln tf) keeps a long complaint repeating "噪音" from dominating, idf = ln(1 + N/df).
/// </summary>
internal sealed class TopicVectors
{
    public const double TitleWeight = 3;
    public const double PlaceBoost = 2.0;
    public const double DistrictBoost = 0.5;

    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly List<string> names = [];

    public string Name(int id) => names[id];
    public bool IsPlace(int id) => names[id].StartsWith('@');
    public bool IsDistrict(int id) => names[id].StartsWith('#');

    public static string PlaceTerm(string place) => "@" + place;
    public static string DistrictTerm(string district) => "#" + district;

    /// <summary>Builds one vector per document from its weighted term counts (term → raw count × field weight).</summary>
    public SparseVector[] Build(IReadOnlyList<Dictionary<string, double>> counts)
    {
        var perDoc = counts.Select(c => c.Select(kv => (Id: Intern(kv.Key), kv.Value)).ToArray()).ToArray();
        var df = new int[names.Count];
        foreach (var doc in perDoc)
            foreach (var (id, _) in doc) df[id]++;
        var n = perDoc.Length;
        var vectors = new SparseVector[n];
        for (var d = 0; d < n; d++)
        {
            var doc = perDoc[d];
            if (doc.Length == 0) { vectors[d] = SparseVector.Empty; continue; }
            Array.Sort(doc, (a, b) => a.Id.CompareTo(b.Id));
            var w = new float[doc.Length];
            double norm = 0;
            for (var i = 0; i < doc.Length; i++)
            {
                var (id, tf) = doc[i];
                var boost = IsPlace(id) ? PlaceBoost : IsDistrict(id) ? DistrictBoost : 1.0;
                var x = (1 + Math.Log(tf)) * Math.Log(1 + (double)n / df[id]) * boost;
                w[i] = (float)x;
                norm += x * x;
            }
            var inv = (float)(1 / Math.Sqrt(norm));
            for (var i = 0; i < w.Length; i++) w[i] *= inv;
            vectors[d] = new SparseVector(doc.Select(t => t.Id).ToArray(), w);
        }
        return vectors;
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
