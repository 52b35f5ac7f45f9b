namespace Minsheng.Domain.Triage;

public static class Folds
{
    /// <summary>
    /// Stratified assignment of rows to folds: each class is shuffled with the seed and dealt round-robin,
    /// continuing where the previous class stopped so fold sizes differ by at most one.
    /// </summary>
    public static int[] Stratified(IReadOnlyList<int> y, int classes, int folds, int seed)
    {
        var rng = new Random(seed);
        var fold = new int[y.Count];
        var next = 0;
        for (var c = 0; c < classes; c++)
        {
            var rows = Enumerable.Range(0, y.Count).Where(i => y[i] == c).ToArray();
            rng.Shuffle(rows);
            foreach (var r in rows) fold[r] = next++ % folds;
        }
        return fold;
    }
}

/// <summary>
/// Result of (repeated) k-fold cross-validation: macro-F1 of every fold of every repetition, and the
/// out-of-fold report of the first repetition (each text predicted exactly once).
/// </summary>
public sealed record CrossValidationResult(IReadOnlyList<double> FoldMacroF1, ClassificationReport Pooled)
{
    public double MeanMacroF1 => FoldMacroF1.Average();

    /// <summary>Sample standard deviation over folds.</summary>
    public double StdMacroF1 => FoldMacroF1.Count < 2 ? 0
        : Math.Sqrt(FoldMacroF1.Sum(f => (f - MeanMacroF1) * (f - MeanMacroF1)) / (FoldMacroF1.Count - 1));
}

public static class CrossValidation
{
    /// <summary>
    /// Stratified k-fold CV of the whole training procedure (calibration and self-training included, with
    /// the unlabelled texts as given), repeated with fold seeds seed, seed + 1, …: on a thousand texts
    /// one split moves macro-F1 by about a point. Texts are featurised once; IDF and the rest are refitted per fold.
    /// </summary>
    public static CrossValidationResult Run(IReadOnlyList<TriageDocument> labelled, TriageOptions options, int folds = 5,
        IReadOnlyList<TriageDocument>? unlabelled = null, int? seed = null, int repeats = 1, IReadOnlyList<TriageDocument>? weak = null)
    {
        var labels = labelled.Select(d => d.Label!).Distinct().Order(StringComparer.Ordinal).ToArray();
        var y = labelled.Select(d => Array.BinarySearch(labels, d.Label, StringComparer.Ordinal)).ToArray();
        var useU = unlabelled is { Count: > 0 } && options.SelfTrainingRounds > 0;
        var weakKept = (weak ?? []).Where(d => d.Label is not null && Array.BinarySearch(labels, d.Label, StringComparer.Ordinal) >= 0).ToList();
        var weakY = weakKept.Select(d => Array.BinarySearch(labels, d.Label, StringComparer.Ordinal)).ToArray();
        // Without word features texts are counted once; with them each fold learns its lexicon from its own
        // training texts (jieba runs once per text, matching per fold is cheap).
        string[][]? cuts = null, extraCuts = null;
        if (options.TextWords)
        {
            cuts = LexiconBuilder.Cut(labelled, options.Features);
            extraCuts = LexiconBuilder.Cut([.. useU ? unlabelled! : [], .. weakKept], options.Features);
        }
        (Featurizer, SparseRows, TriageTrainer.TrainingExtras) Count(IEnumerable<int> trainRows)
        {
            var lexicon = !options.UsesWords ? null : LexiconBuilder.Build(cuts is null ? [] : trainRows.Select(i => cuts[i]).Concat(extraCuts!), options);
            var counter = new Featurizer(options.Features with { WordFeatures = lexicon is not null }, null, lexicon);
            var extra = new TriageTrainer.TrainingExtras(useU ? SparseRows.CountAll(counter, unlabelled!) : null,
                weakKept.Count > 0 ? SparseRows.CountAll(counter, weakKept) : null, weakY);
            return (counter, SparseRows.CountAll(counter, labelled), extra);
        }
        var shared = cuts is null ? Count([]) : default;
        var perFold = new List<double>();
        ClassificationReport? first = null;
        for (var r = 0; r < repeats; r++)
        {
            var fold = Folds.Stratified(y, labels.Length, folds, (seed ?? options.Seed) + r);
            var predicted = new int[y.Length];
            for (var f = 0; f < folds; f++)
            {
                var train = Enumerable.Range(0, y.Length).Where(i => fold[i] != f).ToArray();
                var test = Enumerable.Range(0, y.Length).Where(i => fold[i] == f).ToArray();
                var (counter, raw, extra) = cuts is null ? shared : Count(train);
                var model = TriageTrainer.Train(counter, raw.Select(train), train.Select(i => y[i]).ToArray(), labels, extra, options);
                var scores = new float[labels.Length];
                foreach (var i in test)
                {
                    model.ScoreCounts(raw.Indices(i), raw.Values(i), scores);
                    predicted[i] = TriageModel.ArgMax(scores);
                }
                perFold.Add(ClassificationReport.Create(labels, test.Select(i => y[i]).ToArray(), test.Select(i => predicted[i]).ToArray()).MacroF1);
            }
            first ??= ClassificationReport.Create(labels, y, predicted);
        }
        return new CrossValidationResult(perFold, first!);
    }
}
