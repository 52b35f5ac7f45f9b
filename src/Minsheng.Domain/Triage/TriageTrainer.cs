namespace Minsheng.Domain.Triage;

/// <summary>
/// Trains a <see cref="TriageModel"/>: hashed n-grams → TF-IDF → linear model, optional self-training on
/// unlabelled texts, then temperature and threshold fitted on out-of-fold scores. Deterministic for a
/// given seed and input order.
/// </summary>
public static class TriageTrainer
{
    /// <param name="weak">
    /// Texts whose label comes from a weaker source (the department that replied, say); they join every
    /// training set at <see cref="TriageOptions.WeakLabelWeight"/> but never the calibration folds' test rows.
    /// Labels outside the labelled set's classes are ignored.
    /// </param>
    public static TriageModel Train(IReadOnlyList<TriageDocument> labelled, TriageOptions? options = null,
        IReadOnlyList<TriageDocument>? unlabelled = null, IReadOnlyList<TriageDocument>? weak = null)
    {
        var o = options ?? new TriageOptions();
        var labels = labelled.Select(d => d.Label ?? throw new ArgumentException("训练样本缺少类别标签。"))
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        if (labels.Length < 2) throw new ArgumentException("训练样本至少需要两个类别。");
        var y = labelled.Select(d => Array.BinarySearch(labels, d.Label, StringComparer.Ordinal)).ToArray();
        var useU = unlabelled is { Count: > 0 } && o.SelfTrainingRounds > 0;
        var weakKept = (weak ?? []).Where(d => d.Label is not null && Array.BinarySearch(labels, d.Label, StringComparer.Ordinal) >= 0).ToList();
        WordLexicon? lexicon = null;
        if (o.UsesWords)
        {
            // The lexicon is unsupervised: unlabelled and weakly labelled texts may add words too.
            IReadOnlyList<TriageDocument> all = o.TextWords ? [.. labelled, .. useU ? unlabelled! : [], .. weakKept] : [];
            lexicon = LexiconBuilder.Build(LexiconBuilder.Cut(all, o.Features), o);
        }
        var counter = new Featurizer(o.Features with { WordFeatures = lexicon is not null }, null, lexicon);
        var raw = SparseRows.CountAll(counter, labelled);
        var rawU = useU ? SparseRows.CountAll(counter, unlabelled!) : null;
        var extra = new TrainingExtras(rawU, weakKept.Count > 0 ? SparseRows.CountAll(counter, weakKept) : null,
            weakKept.Select(d => Array.BinarySearch(labels, d.Label, StringComparer.Ordinal)).ToArray());
        return Train(counter, raw, y, labels, extra, o);
    }

    /// <summary>Unlabelled rows for IDF and self-training; weakly labelled rows and their labels.</summary>
    internal sealed record TrainingExtras(SparseRows? Unlabelled, SparseRows? Weak, int[] WeakY)
    {
        public static readonly TrainingExtras None = new(null, null, []);
    }

    /// <summary>Training from raw n-gram counts, so cross-validation featurises each text only once.</summary>
    internal static TriageModel Train(Featurizer counter, SparseRows raw, int[] y, string[] labels, TrainingExtras extra, TriageOptions o)
    {
        // Self-training picks pseudo-labels by the supervised model's calibrated confidence, so the
        // supervised temperature comes first; the final temperature is refitted on self-trained scores.
        float supervisedTemperature = 1f, temperature = 1f, threshold = o.FixedThreshold ?? 0f;
        var folds = Math.Min(o.CalibrationFolds, MinClassCount(y, labels.Length));
        if (folds >= 2)
        {
            var supervised = extra with { Unlabelled = null };
            var (scores, gold) = OutOfFold(counter, raw, y, labels, supervised, o, folds, 1f);
            temperature = supervisedTemperature = Calibration.FitTemperature(scores, gold);
            if (extra.Unlabelled is not null)
            {
                (scores, gold) = OutOfFold(counter, raw, y, labels, extra, o, folds, supervisedTemperature);
                temperature = Calibration.FitTemperature(scores, gold);
            }
            threshold = o.FixedThreshold ?? FitThreshold(scores, gold, temperature, o.TargetPrecision);
        }
        var (featurizer, w, b) = Fit(counter, raw, y, labels.Length, extra, o, supervisedTemperature);
        return TriageModel.FromTraining(featurizer, labels, w, b, temperature, threshold);
    }

    /// <summary>Held-out rows scored by a model that did not see them, for calibration.</summary>
    public const int MaxCalibrationRows = 20_000;

    /// <summary>
    /// Raw scores of labelled texts from models that did not see them. Stops after the fold that brings
    /// the count past <see cref="MaxCalibrationRows"/>: one scalar and one threshold need no more, and
    /// on a large corpus that halves training time.
    /// </summary>
    private static (List<float[]> Scores, List<int> Gold) OutOfFold(Featurizer counter, SparseRows raw, int[] y, string[] labels,
        TrainingExtras extra, TriageOptions o, int folds, float temperature)
    {
        var fold = Folds.Stratified(y, labels.Length, folds, o.Seed);
        var scores = new List<float[]>();
        var gold = new List<int>();
        for (var f = 0; f < folds && scores.Count < MaxCalibrationRows; f++)
        {
            var train = Enumerable.Range(0, y.Length).Where(i => fold[i] != f).ToArray();
            var test = Enumerable.Range(0, y.Length).Where(i => fold[i] == f).ToArray();
            var (featurizer, w, b) = Fit(counter, raw.Select(train), train.Select(i => y[i]).ToArray(), labels.Length, extra, o, temperature);
            var x = raw.Select(test);
            x.Transform(featurizer);
            var rows = ScoreRows(x, w, b, labels.Length);
            scores.AddRange(rows);
            gold.AddRange(test.Select(i => y[i]));
        }
        return (scores, gold);
    }

    /// <summary>Supervised fit, then self-training rounds that add confidently predicted unlabelled texts.</summary>
    private static (Featurizer, float[], float[]) Fit(Featurizer counter, SparseRows raw, int[] y, int classes, TrainingExtras extra,
        TriageOptions o, float temperature)
    {
        var rawU = extra.Unlabelled;
        var weight = ClassWeights(y, classes, o.BalanceClasses);
        if (extra.Weak is not null)
        {
            raw = SparseRows.Concat(raw, extra.Weak);
            weight = [.. weight, .. ClassWeights(extra.WeakY, classes, o.BalanceClasses).Select(v => v * o.WeakLabelWeight)];
            y = [.. y, .. extra.WeakY];
        }
        var x = raw.CloneValues();
        // IDF is unsupervised, so unlabelled texts may inform it too.
        var idf = o.Features.UseIdf ? Featurizer.FitIdf(o.Features, rawU is null ? x : SparseRows.Concat(x, rawU)) : null;
        var featurizer = counter.WithIdf(idf);
        x.Transform(featurizer);
        var (w, b) = LinearTrainer.Train(x, y, weight, classes, o.Features.Dimension, o);
        if (rawU is null) return (featurizer, w, b);
        var u = rawU.CloneValues();
        u.Transform(featurizer);
        for (var round = 0; round < o.SelfTrainingRounds; round++)
        {
            var (picked, pseudo) = PickPseudoLabels(ScoreRows(u, w, b, classes), y, classes, temperature, o);
            if (picked.Count == 0) break;
            var all = SparseRows.Concat(x, u.Select(picked));
            var allWeight = weight.Concat(Enumerable.Repeat(o.PseudoLabelWeight, picked.Count)).ToArray();
            (w, b) = LinearTrainer.Train(all, [.. y, .. pseudo], allWeight, classes, o.Features.Dimension, o);
        }
        return (featurizer, w, b);
    }

    /// <summary>
    /// Confident predictions, at most PseudoLabelsPerExample × (labelled count) per class, surest first:
    /// unlabelled streams hold other topics too, and without the cap the largest class swallows them.
    /// </summary>
    private static (List<int> Picked, List<int> Pseudo) PickPseudoLabels(float[][] scores, int[] y, int classes,
        float temperature, TriageOptions o)
    {
        var candidates = new List<(int Row, int Label, float Confidence)>();
        for (var i = 0; i < scores.Length; i++)
        {
            LinearTrainer.Softmax(scores[i], temperature);
            var best = TriageModel.ArgMax(scores[i]);
            if (scores[i][best] >= o.PseudoLabelConfidence) candidates.Add((i, best, scores[i][best]));
        }
        var picked = new List<int>();
        var pseudo = new List<int>();
        foreach (var c in Enumerable.Range(0, classes))
        {
            var cap = (int)Math.Ceiling(o.PseudoLabelsPerExample * y.Count(l => l == c));
            foreach (var (row, label, _) in candidates.Where(t => t.Label == c).OrderByDescending(t => t.Confidence).ThenBy(t => t.Row).Take(cap))
            {
                picked.Add(row);
                pseudo.Add(label);
            }
        }
        return (picked, pseudo);
    }

    internal static float[][] ScoreRows(SparseRows x, float[] w, float[] b, int classes)
    {
        var stride = LinearTrainer.Stride(classes);
        var scores = new float[x.Count][];
        Parallel.For(0, x.Count, r =>
        {
            var s = new float[stride];
            LinearScorer.Score(w, b, stride, x.Indices(r), x.Values(r), s);
            scores[r] = s[..classes];
        });
        return scores;
    }

    private static float FitThreshold(List<float[]> scores, List<int> y, float temperature, float target)
    {
        var confidence = new float[y.Count];
        var correct = new bool[y.Count];
        for (var i = 0; i < y.Count; i++)
        {
            var p = (float[])scores[i].Clone();
            LinearTrainer.Softmax(p, temperature);
            var best = TriageModel.ArgMax(p);
            (confidence[i], correct[i]) = (p[best], best == y[i]);
        }
        return Calibration.FitThreshold(confidence, correct, target);
    }

    /// <summary>1 per example, or n / (classes · n_c) so every class weighs the same in the loss (macro-F1 counts classes equally).</summary>
    private static float[] ClassWeights(int[] y, int classes, bool balance)
    {
        var count = new int[classes];
        foreach (var c in y) count[c]++;
        return y.Select(c => balance ? (float)y.Length / (classes * count[c]) : 1f).ToArray();
    }

    private static int MinClassCount(int[] y, int classes)
    {
        var count = new int[classes];
        foreach (var c in y) count[c]++;
        return count.Min();
    }
}
