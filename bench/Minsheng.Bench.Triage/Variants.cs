using System.Diagnostics;
using Minsheng.Domain.Triage;

namespace Minsheng.Bench.Triage;

/// <summary>
/// The CV table behind the defaults: every configuration tried, each scored by 5-fold stratified CV
/// repeated with fold seeds 1–5 (25 folds), on the labelled CSV. Calibration is skipped where it cannot
/// change the top label (no self-training), which keeps the table fast. Δ is the paired difference to the
/// default on the same 25 folds (mean ± sd of the per-fold differences): the folds share most of their noise, so
/// Δ is far tighter than either score's own spread. A variant whose Δ is under about one sd is noise.
/// </summary>
/// <remarks>
/// Issue 11 §5 rows as measured on 2026-11-29 (bench/triage.sh variants; macro-F1 mean ± fold sd, paired Δ ± sd):
/// n-grams only 0.8777 ± 0.0229; + taxonomy terms → level-1 feature 0.8921 ± 0.0221 (Δ +0.0144 ± 0.0123; adopted,
/// ~0.85× the n-gram speed in the same run); the same terms without the level-1 feature +0.0058 ± 0.0116; with C=10
/// or 18 bits no better (+0.0143, +0.0152); + self-training 0.8881 (below the taxonomy alone). jieba text words alone
/// +0.0056 ± 0.0106 (df≥3 +0.0070; length ≥ 3 only +0.0011; lexicon also from unlabelled +0.0031); jieba words +
/// taxonomy 0.8957 (Δ +0.0180 ± 0.0147) but ~0.65× speed, under 50,000/s, so opt-in (TriageOptions.TextWords).
/// Weak labels from replying departments hurt at every weight (×0.01 −0.017, ×0.1…×1 −0.029…−0.031; with the
/// taxonomy ×0.03 −0.017): the departments' remits disagree with the labelled set's borders (`weak-check`: only 25 %
/// of the 273 交通运输 weak labels agree with the supervised model, most go to 城乡建设).
/// </remarks>
public static class Variants
{
    private enum Data { None, Unlabelled, Weak, Both }

    public static int Run(string trainPath, string[] unlabelledPaths, string? repliesPath, string? taxonomyPath, string? only)
    {
        var docs = CsvTable.Read(trainPath).ToDocuments(label: true);
        var unlabelled = unlabelledPaths.SelectMany(p => CsvTable.Read(p).ToDocuments(label: false)).ToList();
        var weak = repliesPath is null ? [] : ReplyDepartments.WeakLabels(CsvTable.Read(repliesPath), docs);
        var taxonomy = taxonomyPath is null ? null : TaxonomyRow.FromTable(CsvTable.Read(taxonomyPath));
        var d = new TriageOptions { CalibrationFolds = 0 };
        var f = d.Features;
        var baseline = d with { C = 1, Features = f with { MaxN = 3, TitleWeight = 1, Sublinear = false } };
        var w = d with { TextWords = true };
        var t = d with { Taxonomy = taxonomy };
        var list = new List<(string Name, TriageOptions Options, Data Data)>
        {
            ("sklearn-like: 1-3, tf·idf, title×1, C=1", baseline, Data.None),
            ("  + sublinear tf", baseline with { Features = baseline.Features with { Sublinear = true } }, Data.None),
            ("first draft: 1-3, sublinear, title×2, C=1", baseline with { Features = baseline.Features with { Sublinear = true, TitleWeight = 2 } }, Data.None),
            ("1-2, raw tf, title×5, C=100", d with { Features = f with { Sublinear = false } }, Data.None),
            ("DEFAULT: 1-2, sublinear/field, title×5, C=100, 17 bit", d, Data.None),
            ("default, n = 1", d with { Features = f with { MaxN = 1 } }, Data.None),
            ("default, n = 1-3", d with { Features = f with { MaxN = 3 } }, Data.None),
            ("default, n = 1-4", d with { Features = f with { MaxN = 4 } }, Data.None),
            ("default, title×1", d with { Features = f with { TitleWeight = 1 } }, Data.None),
            ("default, title×3", d with { Features = f with { TitleWeight = 3 } }, Data.None),
            ("default, title×8", d with { Features = f with { TitleWeight = 8 } }, Data.None),
            ("default, no IDF", d with { Features = f with { UseIdf = false } }, Data.None),
            ("default, C=1", d with { C = 1 }, Data.None),
            ("default, C=10", d with { C = 10 }, Data.None),
            ("default, 16 hash bits", d with { Features = f with { HashBits = 16 } }, Data.None),
            ("default, 18 hash bits", d with { Features = f with { HashBits = 18 } }, Data.None),
            ("default, 20 hash bits", d with { Features = f with { HashBits = 20 } }, Data.None),
            ("default, content cut at 500 chars", d with { Features = f with { MaxContentChars = 500 } }, Data.None),
            ("default, class-balanced weights, C=10", d with { C = 10, BalanceClasses = true }, Data.None),
            ("default + NB log-count ratio (NB-SVM)", d with { NaiveBayesScaling = true }, Data.None),
            ("softmax regression (AdaGrad, C=10, 20 epochs)", d with { Algorithm = TriageAlgorithm.Softmax, C = 10, Epochs = 20 }, Data.None),
            ("default + unlabelled for IDF only", new TriageOptions { PseudoLabelsPerExample = 0 }, Data.Unlabelled),
            ("default + self-training, ≤0.3× per class", new TriageOptions { PseudoLabelsPerExample = 0.3f }, Data.Unlabelled),
            ("default + self-training, ≤1× per class", new TriageOptions { PseudoLabelsPerExample = 1f }, Data.Unlabelled),
            ("default + self-training, uncapped", new TriageOptions { PseudoLabelsPerExample = 100f }, Data.Unlabelled),
            // Issue 11 §5: words beside the n-grams, the taxonomy, weak labels from replies, unlabelled texts.
            ("DEFAULT + taxonomy: terms → level-1 feature", t, Data.None),
            ("default + taxonomy terms, no level-1 feature", t with { TaxonomyGroups = false }, Data.None),
            ("default + taxonomy → level-1, C=10", t with { C = 10 }, Data.None),
            ("default + taxonomy → level-1, 18 bit", t with { Features = f with { HashBits = 18 } }, Data.None),
            ("default + taxonomy → level-1 + self-training ≤0.3×", t with { CalibrationFolds = 3 }, Data.Unlabelled),
            ("default + jieba words (df≥2, FMM)", w, Data.None),
            ("default + jieba words, df≥3", w with { WordMinCount = 3 }, Data.None),
            ("default + jieba words, length ≥ 3 only", w with { WordMinLength = 3 }, Data.None),
            ("default + jieba words, lexicon also from unlabelled", w with { PseudoLabelsPerExample = 0 }, Data.Unlabelled),
            ("default + jieba words + taxonomy → level-1", t with { TextWords = true }, Data.None),
            ("default + jieba words df≥3 + taxonomy → level-1", t with { TextWords = true, WordMinCount = 3 }, Data.None),
            ("default + weak reply labels ×0.01", d with { WeakLabelWeight = 0.01f }, Data.Weak),
            ("default + weak reply labels ×0.1", d with { WeakLabelWeight = 0.1f }, Data.Weak),
            ("default + weak reply labels ×0.3", d with { WeakLabelWeight = 0.3f }, Data.Weak),
            ("default + weak reply labels ×1", d with { WeakLabelWeight = 1f }, Data.Weak),
            ("default + taxonomy → level-1 + weak ×0.03", t with { WeakLabelWeight = 0.03f }, Data.Weak),
        };
        Console.WriteLine($"{docs.Count} 条带标签，{unlabelled.Count} 条无标签，{weak.Count} 条答复弱标签"
            + $"（{string.Join("、", weak.GroupBy(x => x.Label).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))}）；"
            + "5 折分层交叉验证 × 5 种划分（种子 1–5）");
        Console.WriteLine($"{"variant",-52} {"macro-F1",8} {"± std",7} {"Δ paired",9} {"± std",7} {"accuracy",8} {"seconds",7}");
        IReadOnlyList<double>? reference = null;
        foreach (var (name, options, data) in list)
        {
            var isDefault = name.StartsWith("DEFAULT", StringComparison.Ordinal);
            // Rows marked DEFAULT always run: the first is the reference of the paired Δ.
            if (!isDefault && only is not null && !name.Contains(only, StringComparison.Ordinal)) continue;
            if (data is Data.Unlabelled or Data.Both && unlabelled.Count == 0 || data is Data.Weak or Data.Both && weak.Count == 0) continue;
            if (options.Taxonomy is null && name.Contains("taxonomy", StringComparison.Ordinal)) continue; // no --taxonomy given
            var sw = Stopwatch.StartNew();
            var cv = CrossValidation.Run(docs, options, 5, data is Data.Unlabelled or Data.Both ? unlabelled : null, seed: 1, repeats: 5,
                weak: data is Data.Weak or Data.Both ? weak : null);
            reference ??= isDefault ? cv.FoldMacroF1 : null;
            var diff = reference is null ? [] : cv.FoldMacroF1.Zip(reference, (a, b) => a - b).ToList();
            var (dMean, dSd) = diff.Count < 2 ? (0, 0) : (diff.Average(), Math.Sqrt(diff.Sum(x => (x - diff.Average()) * (x - diff.Average())) / (diff.Count - 1)));
            Console.WriteLine($"{name,-52} {cv.MeanMacroF1,8:F4} {cv.StdMacroF1,7:F4} {dMean,9:+0.0000;-0.0000} {dSd,7:F4} {cv.Pooled.Accuracy,8:F4} {sw.Elapsed.TotalSeconds,7:F1}");
        }
        return 0;
    }
}

/// <summary>
/// How often the supervised default agrees with each weak reply label: a low agreement on a class says the
/// departments' remits do not match how the labelled set draws that class's border.
/// </summary>
public static class WeakCheck
{
    public static int Run(string trainPath, string repliesPath)
    {
        var docs = CsvTable.Read(trainPath).ToDocuments(label: true);
        var weak = ReplyDepartments.WeakLabels(CsvTable.Read(repliesPath), docs);
        var model = TriageTrainer.Train(docs, new TriageOptions { CalibrationFolds = 0 });
        Console.WriteLine($"{"weak label",-10} {"n",5} {"agree",6}  most frequent disagreement");
        foreach (var g in weak.GroupBy(d => d.Label!).OrderByDescending(g => g.Count()))
        {
            var predicted = g.Select(d => model.Predict(d.Title, d.Content).Best.Label).ToList();
            var other = predicted.Where(p => p != g.Key).GroupBy(p => p).OrderByDescending(p => p.Count()).FirstOrDefault();
            Console.WriteLine($"{g.Key,-10} {g.Count(),5} {predicted.Count(p => p == g.Key) / (double)g.Count(),6:P0}  {other?.Key} {other?.Count()}");
        }
        return 0;
    }
}
