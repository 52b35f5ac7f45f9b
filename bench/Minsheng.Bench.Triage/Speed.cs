using System.Diagnostics;
using Minsheng.Domain.Triage;

namespace Minsheng.Bench.Triage;

/// <summary>
/// Classifications per second on one thread, training time on a large synthetic corpus, and model size.
/// The corpus is labelled_train.csv resampled with light perturbation (see <see cref="Synthetic"/>).
/// </summary>
public static class Speed
{
    public static int Run(string trainPath, int count, string? taxonomyPath)
    {
        var docs = CsvTable.Read(trainPath).ToDocuments(label: true);
        Console.WriteLine($"训练数据：{docs.Count} 条（{trainPath}）；处理器 {Environment.ProcessorCount} 核");
        var taxonomy = taxonomyPath is null ? null : TaxonomyRow.FromTable(CsvTable.Read(taxonomyPath));

        var sw = Stopwatch.StartNew();
        var model = TriageTrainer.Train(docs, new TriageOptions { Taxonomy = taxonomy });
        Console.WriteLine($"在 {docs.Count} 条上训练（含 3 折校准）：{sw.Elapsed.TotalSeconds:F2} 秒；词表 {model.Lexicon?.Count ?? 0} 词");
        // Same run, turns taken within every round: the ratios to the first row are what to compare.
        MeasureClassification(docs, [
            ("仅 n 元语法（无分类体系时的默认）", TriageTrainer.Train(docs)),
            .. taxonomy is null ? [] : new[] { ("默认：n 元语法 + 分类体系词", model) },
            ("n 元语法 + jieba 文本词", TriageTrainer.Train(docs, new TriageOptions { TextWords = true })),
            .. taxonomy is null ? [] : new[] { ("n 元语法 + jieba 文本词 + 分类体系词", TriageTrainer.Train(docs, new TriageOptions { TextWords = true, Taxonomy = taxonomy })) },
        ]);

        var big = Synthetic.Resample(docs, count, seed: 42);
        var chars = big.Sum(d => (long)d.Title.Length + d.Content.Length);
        Console.WriteLine($"合成语料：{big.Count} 条，平均 {chars / big.Count} 字");
        foreach (var folds in new[] { 0, 3 })
        {
            GC.Collect();
            sw.Restart();
            var m = TriageTrainer.Train(big, new TriageOptions { CalibrationFolds = folds, Taxonomy = taxonomy });
            Console.WriteLine($"在 {big.Count} 条上训练（校准折数 {folds}）：{sw.Elapsed.TotalSeconds:F1} 秒");
            if (folds == 3) ReportSize(m, "7 类");
        }

        // Memory for a 15-category tree: same texts, labels spread over 15 classes.
        var fifteen = docs.Select((d, i) => d with { Label = $"类别{i % 15:D2}" }).ToList();
        ReportSize(TriageTrainer.Train(fifteen, new TriageOptions { CalibrationFolds = 0 }), "15 类");
        return 0;
    }

    /// <summary>
    /// After a second of warm-up per model (JIT tiering), fifteen rounds of 0.3 s each, the models taking
    /// turns within every round so a busy neighbour on a shared host slows them alike; medians and ratios to the
    /// first model are reported, per wall-clock second and per second of the process's CPU time (the latter is
    /// steadier when other processes share the core).
    /// </summary>
    private static void MeasureClassification(IReadOnlyList<TriageDocument> docs, (string Name, TriageModel Model)[] models)
    {
        var probabilities = new float[models.Max(m => m.Model.Labels.Count)];
        var sink = 0;
        foreach (var (_, model) in models)
        {
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed.TotalSeconds < 1)
                foreach (var d in docs) sink += model.Predict(d.Title, d.Content).Top.Count + model.Classify(d.Title, d.Content, probabilities);
        }
        foreach (var (name, model) in models)
        {
            var idx = new int[100_000];
            var val = new float[100_000];
            var counter = new Featurizer(model.Settings, null, model.Lexicon);
            var slots = docs.Average(d => counter.Count(d.Title, d.Content, idx, val));
            Console.WriteLine($"{name}：平均每条 {slots:F0} 个特征槽，词表 {model.Lexicon?.Count ?? 0} 词");
        }
        foreach (var (kind, full) in new[] { ("Classify（无分配）", false), ("Predict（前三名）", true) })
        {
            var rates = models.Select(_ => new List<double>()).ToArray();
            var cpuRates = models.Select(_ => new List<double>()).ToArray();
            var allocated = new long[models.Length];
            var done = new long[models.Length];
            for (var round = 0; round < 15; round++)
                for (var m = 0; m < models.Length; m++)
                {
                    var model = models[m].Model;
                    long n = 0;
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var sw = Stopwatch.StartNew();
                    while (sw.Elapsed.TotalSeconds < 0.3)
                        foreach (var d in docs)
                        {
                            sink += full ? model.Predict(d.Title, d.Content).Top.Count : model.Classify(d.Title, d.Content, probabilities);
                            n++;
                        }
                    rates[m].Add(n / sw.Elapsed.TotalSeconds);
                    cpuRates[m].Add(n / (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
                    allocated[m] += GC.GetAllocatedBytesForCurrentThread() - before;
                    done[m] += n;
                }
            var medians = rates.Select(r => r.Order().ElementAt(r.Count / 2)).ToArray();
            var cpuMedians = cpuRates.Select(r => r.Order().ElementAt(r.Count / 2)).ToArray();
            for (var m = 0; m < models.Length; m++)
                Console.WriteLine($"单线程 {kind} {models[m].Name}：中位数 {medians[m]:N0} 条/秒（× {medians[m] / medians[0]:F2}；"
                    + $"最慢 {rates[m].Min():N0}，最快 {rates[m].Max():N0}）；按进程 CPU 时间 {cpuMedians[m]:N0} 条/秒（× {cpuMedians[m] / cpuMedians[0]:F2}）；"
                    + $"每次分配 {allocated[m] / (double)done[m]:F0} 字节");
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
