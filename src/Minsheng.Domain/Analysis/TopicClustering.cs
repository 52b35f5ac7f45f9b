namespace Minsheng.Domain.Analysis;

/// <summary>
/// Single-pass clustering against cluster centroids, in time order, with an inverted index from a cluster's key terms
/// to the cluster, so each document is compared with a bounded number of candidate clusters rather than with every
/// document (quadratic pairs would not scale to 100,000 appeals). A document joins the most similar centroid when the
/// cosine reaches <see cref="JoinThreshold"/>, else it starts a cluster.
/// </summary>
internal static class TopicClustering
{
    public const double JoinThreshold = 0.30;
    private const int KeyTerms = 6;
    private const int MaxCandidates = 64;

    internal sealed class Cluster(int id)
    {
        public int Id { get; } = id;
        public List<int> Members { get; } = [];
        public Dictionary<int, double> Sum { get; } = [];
        public double Norm2 { get; set; }
        public HashSet<int> Keys { get; } = [];

        public double Dot(SparseVector v)
        {
            double s = 0;
            for (var i = 0; i < v.Terms.Length; i++)
                if (Sum.TryGetValue(v.Terms[i], out var x)) s += x * v.Weights[i];
            return s;
        }

        public void Add(int doc, SparseVector v, double dot)
        {
            Members.Add(doc);
            Norm2 += 2 * dot + 1; // |s + v|² = |s|² + 2 s·v + |v|², with |v| = 1
            for (var i = 0; i < v.Terms.Length; i++)
                Sum[v.Terms[i]] = Sum.GetValueOrDefault(v.Terms[i]) + v.Weights[i];
        }

        public double Cosine(SparseVector v) => Norm2 <= 0 ? 0 : Dot(v) / Math.Sqrt(Norm2);
    }

    /// <summary>Clusters documents visited in <paramref name="order"/>; returns the clusters (members in visit order).</summary>
    public static List<Cluster> Run(IReadOnlyList<SparseVector> vectors, IReadOnlyList<int> order, double threshold = JoinThreshold)
    {
        var clusters = new List<Cluster>();
        var postings = new Dictionary<int, List<int>>();
        var shared = new Dictionary<int, int>();
        foreach (var d in order)
        {
            var v = vectors[d];
            if (v.Terms.Length == 0) continue;
            var keys = v.Top(KeyTerms);
            shared.Clear();
            foreach (var t in keys)
                if (postings.TryGetValue(t, out var list))
                    foreach (var c in list) shared[c] = shared.GetValueOrDefault(c) + 1;
            Cluster? best = null;
            double bestCos = threshold, bestDot = 0;
            foreach (var (cid, _) in shared.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(MaxCandidates))
            {
                var c = clusters[cid];
                var dot = c.Dot(v);
                var cos = dot / Math.Sqrt(c.Norm2);
                if (cos > bestCos || (cos == bestCos && best is not null && cid < best.Id))
                    (best, bestCos, bestDot) = (c, cos, dot);
            }
            if (best is null)
            {
                best = new Cluster(clusters.Count);
                clusters.Add(best);
                bestDot = 0;
            }
            best.Add(d, v, bestDot);
            foreach (var t in keys)
                if (best.Keys.Add(t))
                {
                    if (!postings.TryGetValue(t, out var list)) postings[t] = list = [];
                    list.Add(best.Id);
                }
        }
        return clusters;
    }
}
