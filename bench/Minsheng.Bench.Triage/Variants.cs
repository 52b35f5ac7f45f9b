using System.Diagnostics;
using Minsheng.Domain.Triage;

namespace Minsheng.Bench.Triage;

/// <summary>
/// The CV table behind the defaults: every configuration tried, each scored by 5-fold stratified CV
/// repeated with fold seeds 1–5 (25 folds), on the labelled CSV. Calibration is skipped where it cannot
/// change the top label (no self-training), which keeps the table fast.
/// </summary>
public static class Variants
{
    public static int Run(string trainPath, string[] unlabelledPaths)
    {
        var docs = CsvTable.Read(trainPath).ToDocuments(label: true);
        var unlabelled = unlabelledPaths.SelectMany(p => CsvTable.Read(p).ToDocuments(label: false)).ToList();
        var d = new TriageOptions { CalibrationFolds = 0 };
        var f = d.Features;
        var baseline = d with { C = 1, Features = f with { MaxN = 3, TitleWeight = 1, Sublinear = false } };
        var list = new List<(string Name, TriageOptions Options, bool Unlabelled)>
        {
            ("sklearn-like: 1-3, tf·idf, title×1, C=1", baseline, false),
            ("  + sublinear tf", baseline with { Features = baseline.Features with { Sublinear = true } }, false),
            ("first draft: 1-3, sublinear, title×2, C=1", baseline with { Features = baseline.Features with { Sublinear = true, TitleWeight = 2 } }, false),
            ("1-2, raw tf, title×5, C=100", d with { Features = f with { Sublinear = false } }, false),
            ("DEFAULT: 1-2, sublinear/field, title×5, C=100, 17 bit", d, false),
            ("default, n = 1", d with { Features = f with { MaxN = 1 } }, false),
            ("default, n = 1-3", d with { Features = f with { MaxN = 3 } }, false),
            ("default, n = 1-4", d with { Features = f with { MaxN = 4 } }, false),
            ("default, title×1", d with { Features = f with { TitleWeight = 1 } }, false),
            ("default, title×3", d with { Features = f with { TitleWeight = 3 } }, false),
            ("default, title×8", d with { Features = f with { TitleWeight = 8 } }, false),
            ("default, no IDF", d with { Features = f with { UseIdf = false } }, false),
            ("default, C=1", d with { C = 1 }, false),
            ("default, C=10", d with { C = 10 }, false),
            ("default, 16 hash bits", d with { Features = f with { HashBits = 16 } }, false),
            ("default, 18 hash bits", d with { Features = f with { HashBits = 18 } }, false),
            ("default, 20 hash bits", d with { Features = f with { HashBits = 20 } }, false),
            ("default, content cut at 500 chars", d with { Features = f with { MaxContentChars = 500 } }, false),
            ("default, class-balanced weights, C=10", d with { C = 10, BalanceClasses = true }, false),
            ("default + NB log-count ratio (NB-SVM)", d with { NaiveBayesScaling = true }, false),
            ("softmax regression (AdaGrad, C=10, 20 epochs)", d with { Algorithm = TriageAlgorithm.Softmax, C = 10, Epochs = 20 }, false),
            ("default + unlabelled for IDF only", new TriageOptions { PseudoLabelsPerExample = 0 }, true),
            ("default + self-training, ≤0.3× per class", new TriageOptions { PseudoLabelsPerExample = 0.3f }, true),
            ("default + self-training, ≤1× per class", new TriageOptions { PseudoLabelsPerExample = 1f }, true),
            ("default + self-training, uncapped", new TriageOptions { PseudoLabelsPerExample = 100f }, true),
        };
        Console.WriteLine($"{docs.Count} 条带标签，{unlabelled.Count} 条无标签；5 折分层交叉验证 × 5 种划分（种子 1–5）");
        Console.WriteLine($"{"variant",-52} {"macro-F1",8} {"± std",7} {"accuracy",8} {"seconds",7}");
        foreach (var (name, options, useUnlabelled) in list)
        {
            if (useUnlabelled && unlabelled.Count == 0) continue;
            var sw = Stopwatch.StartNew();
            var cv = CrossValidation.Run(docs, options, 5, useUnlabelled ? unlabelled : null, seed: 1, repeats: 5);
            Console.WriteLine($"{name,-52} {cv.MeanMacroF1,8:F4} {cv.StdMacroF1,7:F4} {cv.Pooled.Accuracy,8:F4} {sw.Elapsed.TotalSeconds,7:F1}");
        }
        return 0;
    }
}
