namespace Minsheng.Domain.Triage;

/// <summary>
/// Linear scorers over L2-normalised sparse rows. Output layout is feature-major with a padded stride
/// (weights[slot * stride + class]) so prediction reads one cache line per feature.
/// </summary>
internal static class LinearTrainer
{
    public const float BiasFeature = 1f;

    /// <summary>Classes plus one spare lane (the model keeps the IDF there), rounded up to whole SIMD blocks.</summary>
    public static int Stride(int classes) => (classes + 1 + 7) & ~7;

    public static (float[] Weights, float[] Bias) Train(
        SparseRows x, int[] y, float[] sampleWeight, int classes, int dimension, TriageOptions o)
    {
        var stride = Stride(classes);
        var weights = new float[(long)dimension * stride];
        var bias = new float[stride];
        if (o.Algorithm == TriageAlgorithm.Softmax)
        {
            TrainSoftmax(x, y, sampleWeight, classes, stride, weights, bias, o);
            return (weights, bias);
        }
        Parallel.For(0, classes, k =>
        {
            var ratio = o.NaiveBayesScaling ? LogCountRatio(x, y, k, dimension) : null;
            var (w, b) = TrainBinarySvm(x, y, k, sampleWeight, dimension, ratio, o, new Random(o.Seed + 7919 * k));
            for (var j = 0; j < dimension; j++) weights[(long)j * stride + k] = ratio is null ? w[j] : w[j] * ratio[j];
            bias[k] = b;
        });
        return (weights, bias);
    }

    /// <summary>
    /// Dual coordinate descent for the L2-loss SVM (Hsieh et al. 2008), class k against the rest, with
    /// liblinear's shrinking: examples well outside the margin leave the active set until it converges.
    /// </summary>
    private static (float[] W, float B) TrainBinarySvm(SparseRows x, int[] y, int k, float[] sampleWeight,
        int dimension, float[]? ratio, TriageOptions o, Random rng)
    {
        var n = x.Count;
        var w = new float[dimension];
        var wb = 0f;
        var alpha = new float[n];
        var diag = new float[n];
        var qd = new float[n];
        for (var i = 0; i < n; i++)
        {
            diag[i] = 0.5f / (o.C * sampleWeight[i]);
            qd[i] = BiasFeature * BiasFeature + diag[i] + SquaredNorm(x.Indices(i), x.Values(i), ratio);
        }
        var order = Enumerable.Range(0, n).ToArray();
        var active = n;
        var shrinkAbove = float.PositiveInfinity;
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            rng.Shuffle(order.AsSpan(0, active));
            float maxPg = float.MinValue, minPg = float.MaxValue;
            for (var s = 0; s < active; s++)
            {
                var i = order[s];
                var yi = y[i] == k ? 1f : -1f;
                var g = yi * (wb * BiasFeature + Dot(w, x.Indices(i), x.Values(i), ratio)) - 1f + alpha[i] * diag[i];
                var pg = g;
                if (alpha[i] == 0f)
                {
                    if (g > shrinkAbove)
                    {
                        (order[s], order[active - 1]) = (order[active - 1], order[s]);
                        active--;
                        s--;
                        continue;
                    }
                    pg = Math.Min(g, 0f);
                }
                maxPg = Math.Max(maxPg, pg);
                minPg = Math.Min(minPg, pg);
                if (Math.Abs(pg) < 1e-12f) continue;
                var old = alpha[i];
                alpha[i] = Math.Max(old - g / qd[i], 0f);
                var d = (alpha[i] - old) * yi;
                AddScaled(w, x.Indices(i), x.Values(i), ratio, d);
                wb += d * BiasFeature;
            }
            if (maxPg - minPg < Tolerance)
            {
                if (active == n) break;
                // Converged on the active set: check everything once more before stopping.
                active = n;
                shrinkAbove = float.PositiveInfinity;
                continue;
            }
            shrinkAbove = maxPg <= 0f ? float.PositiveInfinity : maxPg;
        }
        return (w, wb * BiasFeature);
    }

    private const float Tolerance = 0.01f;

    private static float Dot(float[] w, ReadOnlySpan<int> idx, ReadOnlySpan<float> val, float[]? ratio)
    {
        var sum = 0f;
        if (ratio is null)
            for (var t = 0; t < idx.Length; t++) sum += w[idx[t]] * val[t];
        else
            for (var t = 0; t < idx.Length; t++) sum += w[idx[t]] * val[t] * ratio[idx[t]];
        return sum;
    }

    private static void AddScaled(float[] w, ReadOnlySpan<int> idx, ReadOnlySpan<float> val, float[]? ratio, float d)
    {
        if (ratio is null)
            for (var t = 0; t < idx.Length; t++) w[idx[t]] += d * val[t];
        else
            for (var t = 0; t < idx.Length; t++) w[idx[t]] += d * val[t] * ratio[idx[t]];
    }

    private static float SquaredNorm(ReadOnlySpan<int> idx, ReadOnlySpan<float> val, float[]? ratio)
    {
        var sum = 0f;
        for (var t = 0; t < idx.Length; t++)
        {
            var v = val[t] * (ratio is null ? 1f : ratio[idx[t]]);
            sum += v * v;
        }
        return sum;
    }

    /// <summary>Smoothed log((p / |p|) / (q / |q|)) of binarised features, class k against the rest.</summary>
    private static float[] LogCountRatio(SparseRows x, int[] y, int k, int dimension)
    {
        var p = new float[dimension];
        var q = new float[dimension];
        var seen = new bool[dimension];
        for (var i = 0; i < x.Count; i++)
            foreach (var j in x.Indices(i))
            {
                (y[i] == k ? p : q)[j] += 1f;
                seen[j] = true;
            }
        var slots = seen.Count(s => s);
        float sp = slots + p.Sum(), sq = slots + q.Sum();
        var r = new float[dimension];
        for (var j = 0; j < dimension; j++) r[j] = seen[j] ? MathF.Log((p[j] + 1f) / sp / ((q[j] + 1f) / sq)) : 0f;
        return r;
    }

    /// <summary>Multinomial logistic regression, AdaGrad with L2 applied to the touched weights only.</summary>
    private static void TrainSoftmax(SparseRows x, int[] y, float[] sampleWeight, int classes, int stride,
        float[] w, float[] b, TriageOptions o)
    {
        const float rate = 0.5f;
        var g2 = new float[w.Length];
        var gb2 = new float[stride];
        var lambda = 1f / (o.C * x.Count);
        var p = new float[stride];
        var order = Enumerable.Range(0, x.Count).ToArray();
        var rng = new Random(o.Seed);
        for (var epoch = 0; epoch < o.Epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (var i in order)
            {
                var idx = x.Indices(i);
                var val = x.Values(i);
                LinearScorer.Score(w, b, stride, idx, val, p);
                Softmax(p.AsSpan(0, classes), 1f);
                for (var c = 0; c < classes; c++) p[c] = (p[c] - (y[i] == c ? 1f : 0f)) * sampleWeight[i];
                for (var t = 0; t < idx.Length; t++)
                {
                    var row = (long)idx[t] * stride;
                    for (var c = 0; c < classes; c++)
                    {
                        var grad = p[c] * val[t] + lambda * w[row + c];
                        g2[row + c] += grad * grad;
                        w[row + c] -= rate * grad / MathF.Sqrt(g2[row + c] + 1e-8f);
                    }
                }
                for (var c = 0; c < classes; c++)
                {
                    gb2[c] += p[c] * p[c];
                    b[c] -= rate * p[c] / MathF.Sqrt(gb2[c] + 1e-8f);
                }
            }
        }
    }

    /// <summary>In-place softmax of scores divided by the temperature.</summary>
    public static void Softmax(Span<float> s, float temperature)
    {
        var max = float.MinValue;
        foreach (var v in s) max = Math.Max(max, v);
        var sum = 0f;
        for (var i = 0; i < s.Length; i++) sum += s[i] = MathF.Exp((s[i] - max) / temperature);
        for (var i = 0; i < s.Length; i++) s[i] /= sum;
    }
}
