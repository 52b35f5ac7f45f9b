namespace Minsheng.Domain.Triage;

public sealed record DuplicateOptions
{
    /// <summary>Character shingle length; 4 keeps common two- and three-character words from matching alone.</summary>
    public int ShingleSize { get; init; } = 4;

    /// <summary>MinHash signature length = Bands × RowsPerBand.</summary>
    public int Bands { get; init; } = 32;

    public int RowsPerBand { get; init; } = 4;

    /// <summary>Candidates are kept only if the exact Jaccard similarity of their shingle sets reaches this.</summary>
    public double MinJaccard { get; init; } = 0.6;

    public int Seed { get; init; } = 17;
}

/// <summary>
/// Near-duplicate groups (reposts, copy-paste campaigns) by MinHash over character shingles with
/// locality-sensitive hashing: texts agreeing on all rows of any band become candidates, candidates
/// are checked by exact Jaccard, and accepted pairs are merged transitively (union-find).
/// </summary>
public static class NearDuplicates
{
    public static IReadOnlyList<IReadOnlyList<int>> FindGroups(IReadOnlyList<string> texts, DuplicateOptions? options = null)
    {
        var o = options ?? new DuplicateOptions();
        var hashes = o.Bands * o.RowsPerBand;
        var shingles = new ulong[texts.Count][];
        var signatures = new ulong[texts.Count][];
        Parallel.For(0, texts.Count, i =>
        {
            shingles[i] = Shingles(texts[i], o.ShingleSize);
            signatures[i] = Signature(shingles[i], hashes, o.Seed);
        });
        var parent = Enumerable.Range(0, texts.Count).ToArray();
        var buckets = new Dictionary<(int, ulong), List<int>>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (shingles[i].Length == 0) continue;
            for (var band = 0; band < o.Bands; band++)
            {
                var key = (band, BandHash(signatures[i].AsSpan(band * o.RowsPerBand, o.RowsPerBand)));
                if (!buckets.TryGetValue(key, out var members)) buckets[key] = members = [];
                foreach (var j in members)
                    if (Find(parent, i) != Find(parent, j) && Jaccard(shingles[i], shingles[j]) >= o.MinJaccard)
                        parent[Find(parent, i)] = Find(parent, j);
                members.Add(i);
            }
        }
        return Enumerable.Range(0, texts.Count).GroupBy(i => Find(parent, i)).Where(g => g.Count() > 1)
            .Select(g => (IReadOnlyList<int>)g.Order().ToArray())
            .OrderByDescending(g => g.Count).ThenBy(g => g[0]).ToList();
    }

    /// <summary>Distinct hashes of normalised character shingles, sorted; a short text is one shingle.</summary>
    public static ulong[] Shingles(string text, int size)
    {
        var chars = new List<char>(text.Length);
        foreach (var c in text)
            if (Featurizer.Normalise(c) is var n && n != '\0') chars.Add(n);
        var set = new HashSet<ulong>();
        for (var i = 0; i == 0 || i + size <= chars.Count; i++)
        {
            var h = 14695981039346656037UL;
            for (var k = i; k < Math.Min(i + size, chars.Count); k++) h = (h ^ chars[k]) * 1099511628211UL;
            if (chars.Count > 0) set.Add(h);
        }
        var result = set.ToArray();
        Array.Sort(result);
        return result;
    }

    public static double Jaccard(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0, both = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { both++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        var union = a.Length + b.Length - both;
        return union == 0 ? 0 : (double)both / union;
    }

    private static ulong[] Signature(ulong[] shingles, int hashes, int seed)
    {
        var sig = new ulong[hashes];
        Array.Fill(sig, ulong.MaxValue);
        for (var k = 0; k < hashes; k++)
        {
            var salt = Mix64((ulong)(seed * 1_000_003L + k));
            var min = ulong.MaxValue;
            foreach (var s in shingles) min = Math.Min(min, Mix64(s ^ salt));
            sig[k] = min;
        }
        return sig;
    }

    private static ulong BandHash(ReadOnlySpan<ulong> rows)
    {
        var h = 0x9E3779B97F4A7C15UL;
        foreach (var r in rows) h = Mix64(h ^ r);
        return h;
    }

    /// <summary>SplitMix64 finaliser: a cheap, well-mixed stand-in for a random permutation.</summary>
    private static ulong Mix64(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }
}
