namespace Minsheng.Domain.Analysis;

/// <summary>
/// Clustering in two steps, both driven by inverted indexes so that each document (then each cluster) is compared
/// with a bounded number of candidates rather than with everything (quadratic pairs would not scale to 100,000):
/// 1. single pass in time order: a document joins the most similar centroid when the cosine of their words (plus
///    <see cref="SharedPlaceBonus"/> when both name the same place) reaches <see cref="JoinThreshold"/> and its places
///    do not contradict the cluster's, else it starts a cluster;
/// 2. merging: clusters whose centroids reach <see cref="MergeThreshold"/> (<see cref="MergeThresholdNoPlace"/> when
///    they share no named place) and whose places agree are united, most similar pairs first — this gathers a topic
///    that the single pass split by the order of arrival.
/// "Places agree" keeps the same problem at different places apart: two places agree when one contains the other.
/// Similarity is on words only, so one street's many different problems are not one topic.
/// </summary>
internal static class TopicClustering
{
    public const double JoinThreshold = 0.30;
    public const double SharedPlaceBonus = 0.10;
    public const double MergeThreshold = 0.15;
    public const double MergeThresholdNoPlace = 0.40;
    private const int KeyTerms = 6;
    private const int MergeKeyTerms = 10;
    private const int MaxCandidates = 48;

    /// <summary>How many entries of one posting list (newest first) are looked at; bounds the work per document.</summary>
    private const int PostingScan = 64;

    /// <summary>A shared place ranks a candidate like this many shared key words.</summary>
    private const int PlaceMatchScore = 3;

    /// <summary>A document's or cluster's places (named places and districts, as titles state them), with counts.</summary>
    internal sealed class PlaceProfile
    {
        public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);
        public int Size { get; private set; }

        public void Add(IReadOnlyList<string> places, int size = 1)
        {
            Size += size;
            foreach (var p in places) Counts[p] = Counts.GetValueOrDefault(p) + 1;
        }

        public void Add(PlaceProfile other)
        {
            Size += other.Size;
            foreach (var (p, c) in other.Counts) Counts[p] = Counts.GetValueOrDefault(p) + c;
        }

        /// <summary>Named places (not districts or street offices) held by at least a third of the members.</summary>
        public IEnumerable<string> DominantNamed() => Dominant().Where(IsNamed);

        public static bool IsNamed(string place) => KindOf(place) == PlaceKind.Named;

        /// <summary>Places held by at least a third of the members (one member: all of its places).</summary>
        public IEnumerable<string> Dominant() => Counts.Where(kv => kv.Value * 3 >= Size).Select(kv => kv.Key);

        /// <summary>
        /// False when both sides name places of the same kind and none of them agree. Kinds are checked separately
        /// (districts "A2区", areas "泉塘街道", named places "丽发新城小区"): "A2区" does not contradict "丽发新城".
        /// </summary>
        public static bool Agree(PlaceProfile a, PlaceProfile b) =>
            AgreeKind(a, b, PlaceKind.District) != false && AgreeKind(a, b, PlaceKind.Area) != false && AgreeKind(a, b, PlaceKind.Named) != false;

        /// <summary>Both name the same specific place (not merely the same district or street office).</summary>
        public static bool ShareNamed(PlaceProfile a, PlaceProfile b) => AgreeKind(a, b, PlaceKind.Named) == true;

        /// <summary>Null when either side names no place of the kind.</summary>
        private static bool? AgreeKind(PlaceProfile a, PlaceProfile b, PlaceKind kind)
        {
            var da = a.Dominant().Where(p => KindOf(p) == kind).ToList();
            if (da.Count == 0) return null;
            var db = b.Dominant().Where(p => KindOf(p) == kind).ToList();
            if (db.Count == 0) return null;
            foreach (var x in da)
                foreach (var y in db)
                    if (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal)) return true;
            return false;
        }

        private enum PlaceKind { District, Area, Named }

        private static PlaceKind KindOf(string p) =>
            TopicText.District().IsMatch(p) ? PlaceKind.District
            : p.EndsWith("街道", StringComparison.Ordinal) || p.EndsWith('镇') || p.EndsWith('乡') || p.EndsWith("社区", StringComparison.Ordinal) ? PlaceKind.Area
            : PlaceKind.Named;
    }

    internal sealed class Cluster(int id)
    {
        public int Id { get; set; } = id;
        public List<int> Members { get; } = [];
        public Dictionary<int, double> Sum { get; } = [];
        public double Norm2 { get; set; }
        public PlaceProfile Places { get; } = new();
        public HashSet<int> Keys { get; } = [];
        public HashSet<string> PlaceKeys { get; } = new(StringComparer.Ordinal);

        public double Dot(SparseVector v)
        {
            double s = 0;
            for (var i = 0; i < v.Terms.Length; i++)
                if (Sum.TryGetValue(v.Terms[i], out var x)) s += x * v.Weights[i];
            return s;
        }

        public void Add(int doc, SparseVector v, double dot, IReadOnlyList<string> places)
        {
            Members.Add(doc);
            Places.Add(places);
            Norm2 += 2 * dot + 1; // |s + v|² = |s|² + 2 s·v + |v|², with |v| = 1
            for (var i = 0; i < v.Terms.Length; i++)
                Sum[v.Terms[i]] = Sum.GetValueOrDefault(v.Terms[i]) + v.Weights[i];
        }

        public void Absorb(Cluster other)
        {
            Members.AddRange(other.Members);
            Places.Add(other.Places);
            foreach (var (t, w) in other.Sum) Sum[t] = Sum.GetValueOrDefault(t) + w;
            Norm2 = Sum.Values.Sum(w => w * w);
        }

        public double Cosine(SparseVector v) => Norm2 <= 0 ? 0 : Dot(v) / Math.Sqrt(Norm2);

        /// <summary>The centroid as a unit vector, terms ascending.</summary>
        public SparseVector Centroid()
        {
            var norm = Math.Sqrt(Norm2);
            var terms = Sum.Keys.Order().ToArray();
            return new SparseVector(terms, terms.Select(t => (float)(Sum[t] / norm)).ToArray());
        }
    }

    /// <summary>Clusters documents visited in <paramref name="order"/>; <paramref name="places"/> are each document's title places.</summary>
    public static List<Cluster> Run(IReadOnlyList<SparseVector> vectors, IReadOnlyList<IReadOnlyList<string>> places, IReadOnlyList<int> order)
    {
        var clusters = SinglePass(vectors, places, order);
        return Merge(clusters);
    }

    private static List<Cluster> SinglePass(IReadOnlyList<SparseVector> vectors, IReadOnlyList<IReadOnlyList<string>> places, IReadOnlyList<int> order)
    {
        var clusters = new List<Cluster>();
        var postings = new Dictionary<int, List<int>>();
        var placePostings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var shared = new Dictionary<int, int>();
        var ranked = new List<(int Cluster, int Score)>();
        foreach (var d in order)
        {
            var v = vectors[d];
            if (v.Terms.Length == 0) continue;
            var mine = new PlaceProfile();
            mine.Add(places[d]);
            var keys = v.Top(KeyTerms);
            shared.Clear();
            // Candidates: clusters sharing a key word (the most recent PostingScan of each list: a topic that is
            // alive was touched lately) and every recent cluster naming one of the document's places, ranked first.
            foreach (var t in keys)
                if (postings.TryGetValue(t, out var list))
                    for (var k = list.Count - 1; k >= Math.Max(0, list.Count - PostingScan); k--)
                        shared[list[k]] = shared.GetValueOrDefault(list[k]) + 1;
            foreach (var p in places[d])
                if (PlaceProfile.IsNamed(p) && placePostings.TryGetValue(p, out var list))
                    for (var k = list.Count - 1; k >= Math.Max(0, list.Count - PostingScan); k--)
                        shared[list[k]] = shared.GetValueOrDefault(list[k]) + PlaceMatchScore;
            ranked.Clear();
            foreach (var (c, score) in shared) ranked.Add((c, score));
            ranked.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Cluster.CompareTo(b.Cluster));
            Cluster? best = null;
            double bestCos = JoinThreshold, bestDot = 0;
            for (var r = 0; r < Math.Min(MaxCandidates, ranked.Count); r++)
            {
                var cid = ranked[r].Cluster;
                var c = clusters[cid];
                var dot = c.Dot(v);
                var cos = dot / Math.Sqrt(c.Norm2) + (PlaceProfile.ShareNamed(mine, c.Places) ? SharedPlaceBonus : 0);
                if (cos < bestCos || (cos == bestCos && best is not null && cid > best.Id)) continue;
                if (!PlaceProfile.Agree(mine, c.Places)) continue;
                (best, bestCos, bestDot) = (c, cos, dot);
            }
            if (best is null)
            {
                best = new Cluster(clusters.Count);
                clusters.Add(best);
                bestDot = 0;
            }
            best.Add(d, v, bestDot, places[d]);
            foreach (var t in keys)
                if (best.Keys.Add(t)) Append(postings, t, best.Id);
            foreach (var p in places[d])
                if (PlaceProfile.IsNamed(p) && best.PlaceKeys.Add(p)) Append(placePostings, p, best.Id);
        }
        return clusters;
    }

    private static void Append<TKey>(Dictionary<TKey, List<int>> postings, TKey key, int cluster) where TKey : notnull
    {
        if (!postings.TryGetValue(key, out var list)) postings[key] = list = [];
        list.Add(cluster);
    }

    private static List<Cluster> Merge(List<Cluster> clusters)
    {
        var centroids = clusters.Select(c => c.Centroid()).ToArray();
        var postings = new Dictionary<int, List<int>>();
        var placePostings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var keys = centroids.Select(c => c.Top(MergeKeyTerms)).ToArray();
        var placeKeys = clusters.Select(c => c.Places.DominantNamed().ToArray()).ToArray();
        for (var i = 0; i < clusters.Count; i++)
        {
            foreach (var t in keys[i]) Append(postings, t, i);
            foreach (var p in placeKeys[i]) Append(placePostings, p, i);
        }
        var pairs = new List<(int A, int B, double Cos)>();
        var shared = new Dictionary<int, int>();
        var ranked = new List<(int Cluster, int Score)>();
        for (var i = 0; i < clusters.Count; i++)
        {
            shared.Clear();
            // Lists hold cluster indexes ascending; only later clusters (j > i) are paired, the first PostingScan of them.
            foreach (var t in keys[i]) CountAfter(postings[t], i, 1, shared);
            foreach (var p in placeKeys[i]) CountAfter(placePostings[p], i, PlaceMatchScore, shared);
            ranked.Clear();
            foreach (var (c, score) in shared) ranked.Add((c, score));
            ranked.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Cluster.CompareTo(b.Cluster));
            for (var r = 0; r < Math.Min(MaxCandidates, ranked.Count); r++)
            {
                var j = ranked[r].Cluster;
                var cos = Dot(centroids[i], centroids[j]);
                // Pairs sharing no named place need MergeThresholdNoPlace; checked when merging, as places change.
                if (cos >= MergeThreshold) pairs.Add((i, j, cos));
            }
        }
        // Most similar pairs first; a merged group keeps its places, so a chain cannot gather contradicting places.
        var parent = Enumerable.Range(0, clusters.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        foreach (var (a, b, cos) in pairs.OrderByDescending(p => p.Cos).ThenBy(p => p.A).ThenBy(p => p.B))
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra == rb || !PlaceProfile.Agree(clusters[ra].Places, clusters[rb].Places)) continue;
            if (cos < MergeThresholdNoPlace && !PlaceProfile.ShareNamed(clusters[ra].Places, clusters[rb].Places)) continue;
            var (keep, gone) = ra < rb ? (ra, rb) : (rb, ra);
            clusters[keep].Absorb(clusters[gone]);
            parent[gone] = keep;
        }
        return clusters.Where((_, i) => Find(i) == i).ToList();
    }

    private static void CountAfter(List<int> list, int i, int score, Dictionary<int, int> shared)
    {
        var start = list.BinarySearch(i);
        start = start < 0 ? ~start : start + 1;
        for (var k = start; k < Math.Min(list.Count, start + PostingScan); k++)
            shared[list[k]] = shared.GetValueOrDefault(list[k]) + score;
    }

    private static double Dot(SparseVector a, SparseVector b)
    {
        double s = 0;
        for (int i = 0, j = 0; i < a.Terms.Length && j < b.Terms.Length;)
        {
            var c = a.Terms[i].CompareTo(b.Terms[j]);
            if (c == 0) s += a.Weights[i++] * b.Weights[j++];
            else if (c < 0) i++;
            else j++;
        }
        return s;
    }
}
