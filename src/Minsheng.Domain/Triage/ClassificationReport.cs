namespace Minsheng.Domain.Triage;

public readonly record struct ClassScores(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>Accuracy, macro-F1, per-class scores and the confusion matrix (rows gold, columns predicted).</summary>
public sealed record ClassificationReport(
    IReadOnlyList<string> Labels, int[,] Confusion, IReadOnlyList<ClassScores> PerClass, double Accuracy, double MacroF1)
{
    public static ClassificationReport Create(IReadOnlyList<string> labels, IReadOnlyList<int> gold, IReadOnlyList<int> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("真实标签与预测数量不一致。");
        var k = labels.Count;
        var confusion = new int[k, k];
        for (var i = 0; i < gold.Count; i++) confusion[gold[i], predicted[i]]++;
        var perClass = new ClassScores[k];
        var correct = 0;
        for (var c = 0; c < k; c++)
        {
            int tp = confusion[c, c], support = 0, predictedAs = 0;
            for (var j = 0; j < k; j++)
            {
                support += confusion[c, j];
                predictedAs += confusion[j, c];
            }
            correct += tp;
            var precision = predictedAs == 0 ? 0 : (double)tp / predictedAs;
            var recall = support == 0 ? 0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass[c] = new ClassScores(labels[c], support, precision, recall, f1);
        }
        // Macro-F1 as scikit-learn computes it over the labels present in gold or predictions.
        var present = perClass.Where((s, c) => s.Support > 0 || Enumerable.Range(0, k).Any(g => confusion[g, c] > 0)).ToArray();
        var macro = present.Length == 0 ? 0 : present.Average(s => s.F1);
        return new ClassificationReport(labels, confusion, perClass, gold.Count == 0 ? 0 : (double)correct / gold.Count, macro);
    }
}
