namespace Minsheng.Domain.Triage;

public enum TriageAlgorithm
{
    /// <summary>One-vs-rest L2-regularised squared-hinge SVM, dual coordinate descent (liblinear's default).</summary>
    LinearSvm,

    /// <summary>Multinomial logistic regression trained with AdaGrad.</summary>
    Softmax,
}

/// <summary>
/// Everything that steers training. Defaults are the best variant found by cross-validation on the
/// contest data (bench/triage.sh variants prints the table).
/// </summary>
public sealed record TriageOptions
{
    public FeatureSettings Features { get; init; } = new();

    public TriageAlgorithm Algorithm { get; init; } = TriageAlgorithm.LinearSvm;

    /// <summary>
    /// SVM cost, or for softmax 1 / (n λ). Hashed n-grams make a thousand appeals linearly separable, so
    /// a large C (close to a hard margin) did best; CV was flat from 30 upwards and lower at 1–10.
    /// </summary>
    public float C { get; init; } = 100f;

    /// <summary>Passes over the data; dual coordinate descent usually converges well before this.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Weight examples inversely to their class's frequency.</summary>
    public bool BalanceClasses { get; init; }

    /// <summary>
    /// NB-SVM: scale each class's features by a smoothed log-count ratio (Wang &amp; Manning 2012). The
    /// ratio folds into the weights after training, so prediction cost is unchanged.
    /// </summary>
    public bool NaiveBayesScaling { get; init; }

    /// <summary>Out-of-fold runs used to fit the softmax temperature and the manual threshold; 0 skips.</summary>
    public int CalibrationFolds { get; init; } = 3;

    /// <summary>Below this calibrated confidence the prediction asks for manual classification.</summary>
    public float? FixedThreshold { get; init; }

    /// <summary>
    /// When no fixed threshold is set: the lowest confidence at which out-of-fold predictions above it
    /// are still right at least this often.
    /// </summary>
    public float TargetPrecision { get; init; } = 0.9f;

    /// <summary>
    /// Self-training rounds over unlabelled texts, when some are given (0 = supervised only). It needs
    /// CalibrationFolds ≥ 2, because pseudo-labels are chosen by calibrated confidence. On the contest
    /// data it neither helped nor hurt once capped per class (uncapped it hurt: that stream holds other topics).
    /// </summary>
    public int SelfTrainingRounds { get; init; } = 1;

    /// <summary>Only unlabelled texts predicted at least this confidently become pseudo-labelled examples.</summary>
    public float PseudoLabelConfidence { get; init; } = 0.8f;

    /// <summary>Weight of a pseudo-labelled example relative to a labelled one.</summary>
    public float PseudoLabelWeight { get; init; } = 0.5f;

    /// <summary>Cap on pseudo-labelled texts per class, relative to that class's labelled count.</summary>
    public float PseudoLabelsPerExample { get; init; } = 0.3f;

    /// <summary>
    /// A category tree whose level-2/3 terms (and their jieba words) become a lexicon matched in every text; a
    /// matched term also fires a feature for its level-1 category. On the contest data with its 517-row taxonomy
    /// this raised CV macro-F1 by 0.014 (paired, 25 folds) for about 15 % of single-thread speed. Null: n-grams only.
    /// </summary>
    public IReadOnlyList<TaxonomyRow>? Taxonomy { get; init; }

    /// <summary>Taxonomy words also fire a feature for their level-1 category (when they sit under only one).</summary>
    public bool TaxonomyGroups { get; init; } = true;

    /// <summary>
    /// Also put the words jieba finds in the training texts into the lexicon. A further +0.004 CV macro-F1 over the
    /// taxonomy alone, but matching some 8,000 words costs about 35 % of single-thread speed, below the 50,000/s
    /// target; off by default.
    /// </summary>
    public bool TextWords { get; init; }

    /// <summary>With text words: a jieba word enters the lexicon if at least this many training texts hold it.</summary>
    public int WordMinCount { get; init; } = 2;

    /// <summary>With text words: shorter words are left to the character n-grams.</summary>
    public int WordMinLength { get; init; } = 2;

    /// <summary>Whether training builds a lexicon at all.</summary>
    internal bool UsesWords => TextWords || Taxonomy is { Count: > 0 };

    /// <summary>Weight of a weakly labelled example (for instance labelled by the department that replied).</summary>
    public float WeakLabelWeight { get; init; } = 0.3f;

    public int Seed { get; init; } = 20200101;
}
