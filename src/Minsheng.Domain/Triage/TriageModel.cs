using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Minsheng.Domain.Triage;

/// <summary>
/// A trained classifier: featurisation settings, one table of per-slot rows, softmax temperature and the
/// confidence below which a person classifies. Immutable and thread-safe; serialise with
/// <see cref="TriageModelFormat"/>.
/// </summary>
/// <remarks>
/// Row layout, stride = <see cref="LinearTrainer.Stride"/>: lanes 0..K-1 hold weight × IDF, lane K holds the
/// IDF itself. Since score = Σ w·tf·idf / ‖tf·idf‖, one random read per n-gram gives both the numerator
/// term and the norm term; the separate IDF array (another random read per n-gram) is not needed.
/// </remarks>
public sealed class TriageModel
{
    public const int TopCount = 3;
    private readonly string[] _labels;
    private readonly float[] _rows;
    private readonly float[] _bias;
    private readonly int _stride;

    /// <summary>Takes rows already in the fused layout (see remarks).</summary>
    internal TriageModel(FeatureSettings settings, string[] labels, float[] rows, float[] bias, float temperature, float threshold,
        WordLexicon? lexicon = null)
    {
        _stride = LinearTrainer.Stride(labels.Length);
        if (rows.LongLength != (long)settings.Dimension * _stride || bias.Length != _stride)
            throw new ArgumentException("权重尺寸与特征空间或类别数不符。");
        if (!(temperature > 0)) throw new ArgumentException("温度须为正数。");
        Counter = new Featurizer(settings, null, lexicon);
        _labels = labels;
        _rows = rows;
        _bias = bias;
        Temperature = temperature;
        Threshold = threshold;
    }

    /// <summary>From trainer output (weights in the same layout, lane K unused); fuses the IDF into the weights in place.</summary>
    internal static TriageModel FromTraining(Featurizer featurizer, string[] labels, float[] weights, float[] bias,
        float temperature, float threshold)
    {
        var (k, stride) = (labels.Length, LinearTrainer.Stride(labels.Length));
        var idf = featurizer.Idf;
        for (long row = 0, at = 0; row < featurizer.Settings.Dimension; row++, at += stride)
        {
            var f = idf?[row] ?? 1f;
            for (var c = 0; c < k; c++) weights[at + c] *= f;
            weights[at + k] = f;
        }
        return new TriageModel(featurizer.Settings, labels, weights, bias, temperature, threshold, featurizer.Lexicon);
    }

    public IReadOnlyList<string> Labels => _labels;

    public FeatureSettings Settings => Counter.Settings;

    /// <summary>Softmax temperature fitted on out-of-fold scores (1 = uncalibrated).</summary>
    public float Temperature { get; }

    /// <summary>Below this top confidence the caller shows 需人工分类.</summary>
    public float Threshold { get; }

    /// <summary>Counts n-grams only; IDF lives in the rows.</summary>
    internal Featurizer Counter { get; }
    internal float[] Rows => _rows;
    internal float[] Bias => _bias;

    /// <summary>Resident size: the row table, bias and label strings.</summary>
    public long EstimatedMemoryBytes => (_rows.LongLength + _bias.Length) * sizeof(float) + _labels.Sum(l => 24L + 2 * l.Length)
        + (Lexicon is null ? 0 : Lexicon.Entries.Sum(e => 40L + 2 * e.Word.Length) + Lexicon.TableBytes);

    /// <summary>A copy with another manual-classification threshold (for example one chosen by an admin).</summary>
    public TriageModel WithThreshold(float threshold) => new(Settings, _labels, _rows, _bias, Temperature, threshold, Lexicon);

    /// <summary>The words the model segments texts into (null without word features).</summary>
    public WordLexicon? Lexicon => Counter.Lexicon;

    public TriagePrediction Predict(string title, string content)
    {
        Span<float> p = stackalloc float[_labels.Length];
        Classify(title, content, p);
        Span<int> order = stackalloc int[Math.Min(TopCount, p.Length)];
        TopIndices(p, order);
        var top = new LabelScore[order.Length];
        for (var i = 0; i < order.Length; i++) top[i] = new LabelScore(_labels[order[i]], p[order[i]]);
        return new TriagePrediction(top, top[0].Confidence < Threshold);
    }

    /// <summary>Calibrated probabilities for every label into <paramref name="probabilities"/>; returns the best index. No allocation.</summary>
    public int Classify(ReadOnlySpan<char> title, ReadOnlySpan<char> content, Span<float> probabilities)
    {
        Scores(title, content, probabilities);
        LinearTrainer.Softmax(probabilities[.._labels.Length], Temperature);
        return ArgMax(probabilities[.._labels.Length]);
    }

    /// <summary>Raw linear scores (before temperature and softmax).</summary>
    public void Scores(ReadOnlySpan<char> title, ReadOnlySpan<char> content, Span<float> scores)
    {
        if (scores.Length < _labels.Length) throw new ArgumentException("输出缓冲区小于类别数。");
        var need = Settings.MaxFeatures(title.Length, content.Length);
        var idx = ArrayPool<int>.Shared.Rent(need);
        var raw = ArrayPool<float>.Shared.Rent(need);
        try
        {
            var n = Counter.Count(title, content, idx, raw);
            ScoreCounts(idx.AsSpan(0, n), raw.AsSpan(0, n), scores);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(idx);
            ArrayPool<float>.Shared.Return(raw);
        }
    }

    /// <summary>Scores from raw n-gram counts (as <see cref="Featurizer.Count"/> gives them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void ScoreCounts(ReadOnlySpan<int> indices, ReadOnlySpan<float> counts, Span<float> scores)
    {
        ref var rows = ref MemoryMarshal.GetArrayDataReference(_rows);
        var k = _labels.Length;
        if (_stride == 8)
        {
            ScoreCountsNarrow(ref rows, indices, counts, scores);
            return;
        }
        var blocks = _stride / 8;
        Span<Vector256<float>> sum = stackalloc Vector256<float>[blocks];
        sum.Clear();
        var norm = 0f;
        for (var t = 0; t < indices.Length; t++)
        {
            ref var row = ref Unsafe.Add(ref rows, (nint)indices[t] * _stride);
            var tf = Counter.TermWeight(counts[t]);
            var v = tf * Unsafe.Add(ref row, k);
            norm += v * v;
            var scale = Vector256.Create(tf);
            for (var b = 0; b < blocks; b++)
                sum[b] = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref row, b * 8)), scale, sum[b]);
        }
        var inverse = norm > 0f ? 1f / MathF.Sqrt(norm) : 0f;
        for (var c = 0; c < k; c++) scores[c] = sum[c / 8][c % 8] * inverse + _bias[c];
    }

    /// <summary>Up to seven classes: one SIMD block per row, two sums so row loads overlap.</summary>
    private void ScoreCountsNarrow(ref float rows, ReadOnlySpan<int> indices, ReadOnlySpan<float> counts, Span<float> scores)
    {
        var k = _labels.Length;
        Vector256<float> even = Vector256<float>.Zero, odd = Vector256<float>.Zero;
        float normEven = 0f, normOdd = 0f;
        var t = 0;
        for (; t + 1 < indices.Length; t += 2)
        {
            ref var a = ref Unsafe.Add(ref rows, (nint)indices[t] * 8);
            ref var b = ref Unsafe.Add(ref rows, (nint)indices[t + 1] * 8);
            float ta = Counter.TermWeight(counts[t]), tb = Counter.TermWeight(counts[t + 1]);
            var va = Vector256.LoadUnsafe(ref a);
            var vb = Vector256.LoadUnsafe(ref b);
            even = Vector256.FusedMultiplyAdd(va, Vector256.Create(ta), even);
            odd = Vector256.FusedMultiplyAdd(vb, Vector256.Create(tb), odd);
            normEven += Sq(ta * Unsafe.Add(ref a, k));
            normOdd += Sq(tb * Unsafe.Add(ref b, k));
        }
        if (t < indices.Length)
        {
            ref var a = ref Unsafe.Add(ref rows, (nint)indices[t] * 8);
            var ta = Counter.TermWeight(counts[t]);
            var va = Vector256.LoadUnsafe(ref a);
            even = Vector256.FusedMultiplyAdd(va, Vector256.Create(ta), even);
            normEven += Sq(ta * Unsafe.Add(ref a, k));
        }
        var sum = even + odd;
        var norm = normEven + normOdd;
        var inverse = norm > 0f ? 1f / MathF.Sqrt(norm) : 0f;
        for (var c = 0; c < k; c++) scores[c] = sum.GetElement(c) * inverse + _bias[c];
    }

    private static float Sq(float v) => v * v;

    internal static int ArgMax(ReadOnlySpan<float> v)
    {
        var best = 0;
        for (var i = 1; i < v.Length; i++)
            if (v[i] > v[best]) best = i;
        return best;
    }

    /// <summary>Indices of the largest values, largest first; ties keep label order so output is deterministic.</summary>
    internal static void TopIndices(ReadOnlySpan<float> v, Span<int> order)
    {
        var filled = 0;
        for (var i = 0; i < v.Length; i++)
        {
            var pos = filled < order.Length ? filled++ : order.Length;
            while (pos > 0 && v[i] > v[order[pos - 1]])
            {
                if (pos < order.Length) order[pos] = order[pos - 1];
                pos--;
            }
            if (pos < order.Length) order[pos] = i;
        }
    }
}
