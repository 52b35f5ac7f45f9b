namespace Minsheng.Domain.Triage;

/// <summary>
/// How text becomes a hashed feature vector. Stored inside every model, because a model is only valid
/// with the exact featurisation it was trained on.
/// </summary>
public sealed record FeatureSettings
{
    /// <summary>Shortest character n-gram. Single characters carry much of the signal in Chinese.</summary>
    public int MinN { get; init; } = 1;

    /// <summary>Longest character n-gram. Bigrams cover most Chinese words; adding trigrams lowered CV macro-F1 here.</summary>
    public int MaxN { get; init; } = 2;

    /// <summary>
    /// The feature space has 2^HashBits slots. 17 bits scored as well as 18 or 20 in CV, and keeps the
    /// weights (the random reads of every prediction) at 4 MB for up to 7 classes, inside the CPU cache:
    /// with 18 bits single-thread speed roughly halved on a shared host.
    /// </summary>
    public int HashBits { get; init; } = 17;

    /// <summary>Title n-grams count this many times: the title is a citizen's own one-line summary.</summary>
    public float TitleWeight { get; init; } = 5f;

    /// <summary>1 + ln(tf) instead of tf, for title and content counts separately, before the title weight.</summary>
    public bool Sublinear { get; init; } = true;

    /// <summary>Multiply by inverse document frequency learned from the training texts.</summary>
    public bool UseIdf { get; init; } = true;

    /// <summary>Only the start of very long content is read: it bounds time per message and rarely changes the topic.</summary>
    public int MaxContentChars { get; init; } = 1500;

    /// <summary>
    /// Words beside the n-grams: the model carries a <see cref="WordLexicon"/> (taxonomy terms, and optionally the
    /// words jieba found in the training texts) and every text is cut by forward maximum matching over it. Set by
    /// the trainer when it built a non-empty lexicon (see <see cref="TriageOptions.Taxonomy"/>), not by hand.
    /// </summary>
    public bool WordFeatures { get; init; }

    public const int MaxTitleChars = 200;

    public int Dimension => 1 << HashBits;

    public void Validate()
    {
        if (MinN < 1 || MaxN < MinN || MaxN > 6)
            throw new ArgumentException("n 元语法长度应满足 1 ≤ MinN ≤ MaxN ≤ 6。");
        if (HashBits is < 10 or > 22) throw new ArgumentException("HashBits 应在 10 到 22 之间。");
        if (!(TitleWeight > 0)) throw new ArgumentException("标题权重须为正数。");
        if (MaxContentChars is < 1 or >= (int)Featurizer.TitleUnit) throw new ArgumentException("正文截取长度应在 1 到 4095 之间。");
    }

    /// <summary>Upper bound of distinct features of one text, for sizing buffers.</summary>
    /// <remarks>A matched word has at least two characters and adds at most two slots (word and group).</remarks>
    public int MaxFeatures(int titleLength, int contentLength) =>
        (Math.Min(titleLength, MaxTitleChars) + Math.Min(contentLength, MaxContentChars)) * (MaxN - MinN + (WordFeatures ? 2 : 1));
}
