using System.Diagnostics;
using Minsheng.Domain.Triage;

namespace Minsheng.Bench.Triage;

/// <summary>
/// Classifications per second on one thread, training time on a large synthetic corpus, and model size.
/// The corpus is labelled_train.csv resampled with light perturbation (see <see cref="Synthetic"/>).
/// </summary>
public static class Speed
{
    public static int Run(string trainPath, int count)
    {
        var docs = CsvTable.Read(trainPath).ToDocuments(label: true);
        Console.WriteLine($"训练数据：{docs.Count} 条（{trainPath}）；处理器 {Environment.ProcessorCount} 核");

        var sw = Stopwatch.StartNew();
        var model = TriageTrainer.Train(docs);
        Console.WriteLine($"在 {docs.Count} 条上训练（含 3 折校准）：{sw.Elapsed.TotalSeconds:F2} 秒");
        MeasureClassification(model, docs);

        var big = Synthetic.Resample(docs, count, seed: 42);
        var chars = big.Sum(d => (long)d.Title.Length + d.Content.Length);
        Console.WriteLine($"合成语料：{big.Count} 条，平均 {chars / big.Count} 字");
        foreach (var folds in new[] { 0, 3 })
        {
            GC.Collect();
            sw.Restart();
            var m = TriageTrainer.Train(big, new TriageOptions { CalibrationFolds = folds });
            Console.WriteLine($"在 {big.Count} 条上训练（校准折数 {folds}）：{sw.Elapsed.TotalSeconds:F1} 秒");
            if (folds == 3) ReportSize(m, "7 类");
        }

        // Memory for a 15-category tree: same texts, labels spread over 15 classes.
        var fifteen = docs.Select((d, i) => d with { Label = $"类别{i % 15:D2}" }).ToList();
        ReportSize(TriageTrainer.Train(fifteen, new TriageOptions { CalibrationFolds = 0 }), "15 类");
        return 0;
    }

    /// <summary>Three rounds of at least a second each after a second of warm-up (JIT tiering); the median is reported.</summary>
    private static void MeasureClassification(TriageModel model, IReadOnlyList<TriageDocument> docs)
    {
        var probabilities = new float[model.Labels.Count];
        var sink = 0;
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 1)
            foreach (var d in docs) sink += model.Predict(d.Title, d.Content).Top.Count + model.Classify(d.Title, d.Content, probabilities);
        foreach (var (name, full) in new[] { ("Classify（无分配）", false), ("Predict（前三名）", true) })
        {
            var rates = new List<double>();
            long n = 0;
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            for (var round = 0; round < 3; round++)
            {
                long done = 0;
                var sw = Stopwatch.StartNew();
                while (sw.Elapsed.TotalSeconds < 1)
                    foreach (var d in docs)
                    {
                        sink += full ? model.Predict(d.Title, d.Content).Top.Count : model.Classify(d.Title, d.Content, probabilities);
                        done++;
                    }
                rates.Add(done / sw.Elapsed.TotalSeconds);
                n += done;
            }
            var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)n;
            rates.Sort();
            Console.WriteLine($"单线程 {name}：中位数 {rates[1]:N0} 条/秒（三轮 {string.Join(" / ", rates.Select(r => r.ToString("N0")))}；每次分配 {bytes:F0} 字节）");
        }
        GC.KeepAlive(sink);
    }

    private static void ReportSize(TriageModel model, string name)
    {
        var bytes = model.ToBytes();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var loaded = TriageModelFormat.FromBytes(bytes);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"{name}模型：序列化 {bytes.Length / 1048576.0:F1} MB，内存估计 {model.EstimatedMemoryBytes / 1048576.0:F1} MB，"
            + $"加载后实测堆增长 {(after - before) / 1048576.0:F1} MB");
        GC.KeepAlive(loaded);
    }
}
