using System.Runtime.CompilerServices;

namespace Minsheng.Domain.Triage;

/// <summary>
/// Turns title + content into a sparse vector of hashed character n-grams (FNV-1a over normalised chars,
/// finished with murmur's fmix32). No per-call allocation: counts go into a thread-local dense buffer
/// and only the touched slots are read back and cleared. Thread-safe; an instance is immutable.
/// </summary>
public sealed class Featurizer
{
    private const uint FnvBasis = 2166136261, FnvPrime = 16777619;
    private readonly float[]? _idf;
    private readonly int _mask;
    private readonly float _titleWeight;
    private readonly bool _sublinear;
    private readonly WordLexicon? _lexicon;

    public Featurizer(FeatureSettings settings, float[]? idf = null, WordLexicon? lexicon = null)
    {
        settings.Validate();
        if (idf is not null && idf.Length != settings.Dimension) throw new ArgumentException("IDF 长度与特征空间不符。");
        if (settings.WordFeatures != lexicon is not null) throw new ArgumentException("词特征设置与词表不符。");
        Settings = settings;
        _lexicon = lexicon;
        _idf = settings.UseIdf ? idf : null;
        _mask = settings.Dimension - 1;
        (_titleWeight, _sublinear) = (settings.TitleWeight, settings.Sublinear);
    }

    public FeatureSettings Settings { get; }

    internal float[]? Idf => _idf;

    /// <summary>The words matched beside the n-grams (null when word features are off).</summary>
    public WordLexicon? Lexicon => _lexicon;

    /// <summary>The same featurisation with another IDF (the lexicon is kept).</summary>
    public Featurizer WithIdf(float[]? idf) => new(Settings, idf, _lexicon);

    /// <summary>Final vector: counts, sublinear tf, title weight, IDF, L2 normalisation. Returns its length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Featurize(ReadOnlySpan<char> title, ReadOnlySpan<char> content, Span<int> indices, Span<float> values)
    {
        var acc = Accumulate(title, content, indices, out var n);
        var sum = 0f;
        for (var i = 0; i < n; i++)
        {
            var v = Weigh(indices[i], acc[indices[i]]);
            acc[indices[i]] = 0f;
            values[i] = v;
            sum += v * v;
        }
        Scale(values[..n], sum);
        return n;
    }

    /// <summary>Raw n-gram counts (title and content packed, see <see cref="TitleUnit"/>). Spans need <see cref="FeatureSettings.MaxFeatures"/> room.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Count(ReadOnlySpan<char> title, ReadOnlySpan<char> content, Span<int> indices, Span<float> values)
    {
        var acc = Accumulate(title, content, indices, out var n);
        for (var i = 0; i < n; i++)
        {
            values[i] = acc[indices[i]];
            acc[indices[i]] = 0f;
        }
        return n;
    }

    /// <summary>What <see cref="Featurize"/> does after counting, for stored training counts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Transform(ReadOnlySpan<int> indices, Span<float> values)
    {
        var sum = 0f;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i] = Weigh(indices[i], values[i]);
            sum += v * v;
        }
        Scale(values, sum);
    }

    /// <summary>
    /// One accumulator holds both counts: a title occurrence adds <see cref="TitleUnit"/>, a content
    /// occurrence 1 (exact in float32: at most 200 × 4096 + 4095 &lt; 2^24). So tf damping applies to title and
    /// content separately and the title weight is applied after it, not squashed by it.
    /// </summary>
    internal const float TitleUnit = 4096f;

    private float Weigh(int slot, float raw) => _idf is null ? TermWeight(raw) : TermWeight(raw) * _idf[slot];

    /// <summary>Damped title and content counts combined with the title weight; IDF not applied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal float TermWeight(float raw)
    {
        if (raw == 1f) return 1f; // most n-grams: once, in the content only
        if (raw < TitleUnit) return Damp(raw);
        var inTitle = MathF.Floor(raw * (1f / TitleUnit));
        return _titleWeight * Damp(inTitle) + Damp(raw - inTitle * TitleUnit);
    }

    private float Damp(float count) => !_sublinear || count <= 1f ? count
        : count < LogTable.Length ? LogTable[(int)count] : 1f + MathF.Log(count);

    /// <summary>1 + ln(n) for the small whole counts almost every n-gram has; a table lookup is cheaper than a log.</summary>
    private static readonly float[] LogTable = Enumerable.Range(0, 256).Select(n => n <= 1 ? n : 1f + MathF.Log(n)).ToArray();

    private static void Scale(Span<float> values, float sumOfSquares)
    {
        if (sumOfSquares <= 0f) return;
        var scale = 1f / MathF.Sqrt(sumOfSquares);
        for (var i = 0; i < values.Length; i++) values[i] *= scale;
    }

    /// <summary>Counts into the thread's dense buffer; the caller reads and clears the touched slots.</summary>
    private float[] Accumulate(ReadOnlySpan<char> title, ReadOnlySpan<char> content, Span<int> indices, out int count)
    {
        var acc = Scratch.Get(Settings.Dimension);
        // The n-gram pass leaves the normalised text here (dropped characters removed) for the word pass.
        var text = Scratch.Text(FeatureSettings.MaxTitleChars + Settings.MaxContentChars);
        count = 0;
        var inTitle = Add(title[..Math.Min(title.Length, FeatureSettings.MaxTitleChars)], TitleUnit, acc, indices, ref count, text);
        var inContent = Add(content[..Math.Min(content.Length, Settings.MaxContentChars)], 1f, acc, indices, ref count, text.AsSpan(inTitle));
        if (_lexicon is not null)
        {
            var sink = new WordSink(acc, indices, count, _mask, TitleUnit);
            _lexicon.Match(text.AsSpan(0, inTitle), ref sink);
            sink.Weight = 1f;
            _lexicon.Match(text.AsSpan(inTitle, inContent), ref sink);
            count = sink.Count;
        }
        return acc;
    }

    /// <summary>Adds a matched word, and its group when it has one, to the accumulator; salts keep them apart from n-grams.</summary>
    private ref struct WordSink(float[] acc, Span<int> indices, int count, int mask, float weight) : IWordSink
    {
        private const uint WordSalt = 0x5BD1E995, GroupSalt = 0x27D4EB2F;
        private readonly Span<int> _indices = indices;
        public int Count = count;
        public float Weight = weight;

        public void Word(ulong hash, int group)
        {
            Bump((int)(Mix((uint)hash ^ (uint)(hash >> 32) ^ WordSalt) & (uint)mask));
            if (group > 0) Bump((int)(Mix((uint)group * 0x9E3779B9u ^ GroupSalt) & (uint)mask));
        }

        private void Bump(int slot)
        {
            if (acc[slot] == 0f) _indices[Count++] = slot;
            acc[slot] += Weight;
        }
    }

    /// <summary>
    /// One pass over the text: running[n - 1] holds the FNV hash of the n-gram ending at the current
    /// character, extended from the (n - 1)-gram that ended at the previous one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Add(ReadOnlySpan<char> text, float weight, float[] acc, Span<int> indices, ref int count, Span<char> normalised)
    {
        var kept = 0;
        int minN = Settings.MinN, maxN = Settings.MaxN;
        Span<uint> running = stackalloc uint[maxN];
        var seen = 0;
        foreach (var raw in text)
        {
            var c = Normalise(raw);
            if (c == '\0') continue;
            normalised[kept++] = c;
            seen = Math.Min(seen + 1, maxN);
            for (var n = seen; n > 1; n--) running[n - 1] = (running[n - 2] ^ c) * FnvPrime;
            running[0] = (FnvBasis ^ c) * FnvPrime;
            for (var n = minN; n <= seen; n++)
            {
                var slot = (int)(Mix(running[n - 1] + (uint)n) & (uint)_mask);
                if (acc[slot] == 0f) indices[count++] = slot;
                acc[slot] += weight;
            }
        }
        return kept;
    }

    /// <summary>
    /// Full-width forms to ASCII, ASCII to lower case, every digit to 0 (phone numbers and dates are noise
    /// for the topic), whitespace dropped ('\0').
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char Normalise(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E') c = (char)(c - 0xFEE0);
        if (c < 128)
        {
            if (c <= ' ') return '\0';
            if (c is >= 'A' and <= 'Z') return (char)(c + 32);
            return c is >= '0' and <= '9' ? '0' : c;
        }
        return c is '\u3000' or '\u00A0' ? '\0' : c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >> 16);
    }

    /// <summary>IDF as scikit-learn's smooth variant: ln((1 + n) / (1 + df)) + 1.</summary>
    public static float[] FitIdf(FeatureSettings settings, SparseRows rows)
    {
        var df = new int[settings.Dimension];
        for (var r = 0; r < rows.Count; r++)
            foreach (var i in rows.Indices(r)) df[i]++;
        var idf = new float[df.Length];
        for (var i = 0; i < df.Length; i++) idf[i] = MathF.Log((1f + rows.Count) / (1f + df[i])) + 1f;
        return idf;
    }

    /// <summary>Per-thread dense accumulator, grown on demand and always left zeroed.</summary>
    private static class Scratch
    {
        [ThreadStatic] private static float[]? _accumulator;
        [ThreadStatic] private static char[]? _text;

        public static char[] Text(int length)
        {
            if (_text is null || _text.Length < length) _text = new char[length];
            return _text;
        }

        public static float[] Get(int dimension)
        {
            if (_accumulator is null || _accumulator.Length < dimension) _accumulator = new float[dimension];
            return _accumulator;
        }
    }
}
