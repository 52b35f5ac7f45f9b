using System.CommandLine;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using Minsheng.Domain.Triage;

namespace Minsheng.Cli;

/// <summary>
/// `triage`: evaluate the appeal classifier on CSV files and find near-duplicate appeals (files only), and
/// `retrain`, which learns the product's models from the database's own appeals.
/// </summary>
public static class TriageCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create() => new("triage", "智能分诊：诉求分类评测与近似重复检测") { Eval(), CrossValidate(), Dups(), Retrain() };

    private static Command Retrain()
    {
        var cmd = new Command("retrain", "用本库已派单诉求重新训练分类模型和诉求性质模型，保存为新版本");
        cmd.SetAction(async (parse, ct) =>
        {
            var app = await MinshengCli.ServicesAsync(parse, ct);
            using var scope = app.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<Infrastructure.CurrentUser>().ActAs("cli");
            var outcomes = await scope.ServiceProvider.GetRequiredService<Features.Triage.TriageTraining>().RetrainAsync(ct);
            foreach (var o in outcomes) Console.WriteLine(o.Message);
            // Nothing stored at all is worth a non-zero exit for scripts; one skipped kind is normal.
            return outcomes.Any(o => o.Version is not null) ? 0 : 1;
        });
        return cmd;
    }

    private static Command Eval()
    {
        var train = new Option<FileInfo>("--train") { Required = true, Description = "训练集 CSV（列：id,user,title,time,detail,label）" };
        var test = new Option<FileInfo>("--test") { Required = true, Description = "测试集 CSV（同上列）" };
        var unlabelled = new Option<FileInfo?>("--unlabelled") { Description = "可选：无标签留言 CSV，用于 IDF 与自训练" };
        var json = new Option<bool>("--json") { Description = "输出一个 JSON 对象" };
        var (taxonomy, noTaxonomy) = TaxonomyOptions();
        var cmd = new Command("eval", "在训练集上训练，在测试集上评测：宏 F1、准确率、各类 F1、混淆矩阵、训练耗时与分类速度")
            { train, test, unlabelled, json, taxonomy, noTaxonomy };
        cmd.SetAction(parse => Guarded(() =>
        {
            var trainDocs = Read(parse.GetValue(train)!, label: true);
            var testDocs = Read(parse.GetValue(test)!, label: true);
            var extra = parse.GetValue(unlabelled) is { } u ? Read(u, label: false) : null;
            var options = new TriageOptions { Taxonomy = ReadTaxonomy(parse, taxonomy, noTaxonomy, parse.GetValue(train)!, quiet: parse.GetValue(json)) };
            var sw = Stopwatch.StartNew();
            var model = TriageTrainer.Train(trainDocs, options, extra);
            var trainSeconds = sw.Elapsed.TotalSeconds;
            var labels = model.Labels.Concat(testDocs.Select(d => d.Label!)).Distinct().ToList();
            var predictions = testDocs.Select(d => model.Predict(d.Title, d.Content)).ToList();
            var report = ClassificationReport.Create(labels,
                testDocs.Select(d => labels.IndexOf(d.Label!)).ToList(), predictions.Select(p => labels.IndexOf(p.Best.Label)).ToList());
            var (perSecond, runs) = MeasureSpeed(model, testDocs);
            var auto = Enumerable.Range(0, testDocs.Count).Where(i => !predictions[i].NeedsManualClassification).ToList();
            var manual = testDocs.Count - auto.Count;
            var autoAccuracy = auto.Count == 0 ? 0 : auto.Count(i => predictions[i].Best.Label == testDocs[i].Label) / (double)auto.Count;
            var ece = Calibration.ExpectedCalibrationError(predictions.Select(p => p.Best.Confidence).ToList(),
                predictions.Select((p, i) => p.Best.Label == testDocs[i].Label).ToList());
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    macro_f1 = report.MacroF1, accuracy = report.Accuracy, train_seconds = trainSeconds,
                    predictions_per_second = perSecond, train_count = trainDocs.Count, test_count = testDocs.Count,
                    per_class = report.PerClass.Select(c => new { label = c.Label, precision = c.Precision, recall = c.Recall, f1 = c.F1, support = c.Support }),
                    labels = report.Labels, confusion = Rows(report.Confusion),
                    temperature = model.Temperature, threshold = model.Threshold, manual_count = manual,
                    auto_accuracy = autoAccuracy, expected_calibration_error = ece,
                }, Json));
                return;
            }
            Console.WriteLine($"训练集 {trainDocs.Count} 条（{model.Labels.Count} 类），测试集 {testDocs.Count} 条。");
            Console.WriteLine($"训练耗时：{trainSeconds:F2} 秒（含 {new TriageOptions().CalibrationFolds} 折温度校准）");
            Console.WriteLine($"宏平均 F1：{report.MacroF1:F4}");
            Console.WriteLine($"准确率：{report.Accuracy:F4}");
            PrintReport(report);
            Console.WriteLine($"分类速度：{perSecond:N0} 条/秒（单线程，含特征提取；测试集重复 {runs} 遍）");
            Console.WriteLine($"校准：温度 {model.Temperature:F3}，期望校准误差 {ece:F3}；置信度低于 {model.Threshold:F3} 时显示“{TriagePrediction.ManualLabel}”。");
            Console.WriteLine($"测试集中 {manual} 条（{(double)manual / Math.Max(1, testDocs.Count):P1}）需人工分类；"
                + $"其余自动分类的准确率 {autoAccuracy:P1}。");
        }));
        return cmd;
    }

    private static Command CrossValidate()
    {
        var train = new Option<FileInfo>("--train") { Required = true, Description = "带标签的 CSV（列：id,user,title,time,detail,label）" };
        var folds = new Option<int>("--folds") { Description = "折数", DefaultValueFactory = _ => 5 };
        var repeats = new Option<int>("--repeats") { Description = "用不同随机划分重复的次数", DefaultValueFactory = _ => 5 };
        var (taxonomy, noTaxonomy) = TaxonomyOptions();
        var cmd = new Command("cv", "分层 k 折交叉验证（可重复多次划分），报告宏 F1 均值 ± 标准差与混淆矩阵") { train, folds, repeats, taxonomy, noTaxonomy };
        cmd.SetAction(parse => Guarded(() =>
        {
            var docs = Read(parse.GetValue(train)!, label: true);
            var (k, r) = (parse.GetValue(folds), parse.GetValue(repeats));
            if (k < 2 || r < 1) throw new ArgumentException("折数至少为 2，重复次数至少为 1。");
            // Temperature and threshold never change the top label, so calibration is skipped here.
            var options = new TriageOptions { CalibrationFolds = 0, Taxonomy = ReadTaxonomy(parse, taxonomy, noTaxonomy, parse.GetValue(train)!, quiet: false) };
            var cv = CrossValidation.Run(docs, options, k, seed: 1, repeats: r);
            Console.WriteLine($"{k} 折交叉验证 × {r} 次划分（{docs.Count} 条）：宏 F1 {cv.MeanMacroF1:F4} ± {cv.StdMacroF1:F4}（{cv.FoldMacroF1.Count} 折的标准差）");
            Console.WriteLine($"第一次划分的汇总准确率：{cv.Pooled.Accuracy:F4}");
            PrintReport(cv.Pooled);
        }));
        return cmd;
    }

    private static (Option<FileInfo?>, Option<bool>) TaxonomyOptions() => (
        new Option<FileInfo?>("--taxonomy") { Description = "分类体系 CSV（列：level1,level2[,level3]）；默认取训练集同目录下的 category_taxonomy.csv（如有）" },
        new Option<bool>("--no-taxonomy") { Description = "不用分类体系，只用字符 n 元语法" });

    /// <summary>
    /// The taxonomy whose terms the classifier matches: the given file, else category_taxonomy.csv beside the
    /// training file (the contest data ships it there), else none. Says which on stderr unless quiet.
    /// </summary>
    private static List<TaxonomyRow>? ReadTaxonomy(ParseResult parse, Option<FileInfo?> file, Option<bool> none, FileInfo train, bool quiet)
    {
        if (parse.GetValue(none)) return null;
        var path = parse.GetValue(file)?.FullName ?? Path.Combine(train.DirectoryName ?? ".", "category_taxonomy.csv");
        if (parse.GetValue(file) is null && !File.Exists(path)) return null;
        var rows = TaxonomyRow.FromTable(CsvTable.Read(path));
        if (!quiet) Console.Error.WriteLine($"分类体系：{path}（{rows.Count} 行）");
        return rows;
    }

    private static Command Dups()
    {
        var input = new Option<FileInfo>("--input") { Required = true, Description = "留言 CSV（需有 title、detail 列，可有 id 列）" };
        var threshold = new Option<double>("--threshold") { Description = "Jaccard 相似度下限（0–1）", DefaultValueFactory = _ => 0.6 };
        var top = new Option<int>("--top") { Description = "详细列出的组数", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "输出 JSON（全部分组）" };
        var cmd = new Command("dups", "用 MinHash + LSH 找出近似重复（转帖、联名）的留言分组") { input, threshold, top, json };
        cmd.SetAction(parse => Guarded(() =>
        {
            var file = parse.GetValue(input)!;
            var min = parse.GetValue(threshold);
            if (min is <= 0 or > 1) throw new ArgumentException("--threshold 应在 0 到 1 之间。");
            var table = ReadTable(file);
            var docs = table.ToDocuments(label: false);
            var id = table.Column("id");
            string IdOf(int row) => id >= 0 ? table.Rows[row][id] : (row + 1).ToString();
            var sw = Stopwatch.StartNew();
            var groups = NearDuplicates.FindGroups(docs.Select(d => d.Title + "\n" + d.Content).ToList(), new DuplicateOptions { MinJaccard = min });
            var seconds = sw.Elapsed.TotalSeconds;
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    messages = docs.Count, groups = groups.Count, grouped_messages = groups.Sum(g => g.Count), seconds,
                    items = groups.Select(g => new { ids = g.Select(IdOf), title = docs[g[0]].Title }),
                }, Json));
                return;
            }
            Console.WriteLine($"读取 {docs.Count} 条留言，找到 {groups.Count} 组近似重复，共 {groups.Sum(g => g.Count)} 条"
                + $"（Jaccard ≥ {min:F2}，用时 {seconds:F2} 秒）。");
            foreach (var (g, n) in groups.Take(parse.GetValue(top)).Select((g, n) => (g, n)))
            {
                Console.WriteLine($"第 {n + 1} 组（{g.Count} 条）：编号 {string.Join("，", g.Take(12).Select(IdOf))}{(g.Count > 12 ? " …" : "")}");
                foreach (var title in g.Select(r => docs[r].Title.Trim()).Distinct().Take(3)) Console.WriteLine($"    · {title}");
            }
        }));
        return cmd;
    }

    /// <summary>
    /// Single thread, featurisation included: after half a second of warm-up (so the JIT has optimised the
    /// hot path), the whole test set is classified repeatedly until at least a second of work.
    /// </summary>
    private static (double PerSecond, int Runs) MeasureSpeed(TriageModel model, IReadOnlyList<TriageDocument> docs)
    {
        if (docs.Count == 0) return (0, 0);
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < 0.5)
            foreach (var d in docs) model.Predict(d.Title, d.Content);
        var runs = 0;
        sw.Restart();
        while (sw.Elapsed.TotalSeconds < 1 || runs == 0)
        {
            foreach (var d in docs) model.Predict(d.Title, d.Content);
            runs++;
        }
        return (runs * (double)docs.Count / sw.Elapsed.TotalSeconds, runs);
    }

    private static void PrintReport(ClassificationReport report)
    {
        Console.WriteLine("各类别：   精确率   召回率     F1   样本数");
        foreach (var c in report.PerClass)
            Console.WriteLine($"  {Pad(c.Label, 14)} {c.Precision,6:F3} {c.Recall,8:F3} {c.F1,6:F3} {c.Support,8}");
        Console.WriteLine("混淆矩阵（行为真实类别，列为预测类别，列序同行序）：");
        for (var g = 0; g < report.Labels.Count; g++)
            Console.WriteLine($"  {Pad(report.Labels[g], 14)}" + string.Concat(Enumerable.Range(0, report.Labels.Count).Select(p => $"{report.Confusion[g, p],5}")));
    }

    /// <summary>Pads by display width: a CJK character takes two columns in a terminal.</summary>
    private static string Pad(string s, int width) => s + new string(' ', Math.Max(0, width - s.Sum(c => c > 0x2E80 ? 2 : 1)));

    private static int[][] Rows(int[,] m) =>
        Enumerable.Range(0, m.GetLength(0)).Select(r => Enumerable.Range(0, m.GetLength(1)).Select(c => m[r, c]).ToArray()).ToArray();

    private static IReadOnlyList<TriageDocument> Read(FileInfo file, bool label) => ReadTable(file).ToDocuments(label);

    private static CsvTable ReadTable(FileInfo file) =>
        file.Exists ? CsvTable.Read(file.FullName) : throw new FileNotFoundException($"找不到文件：{file.FullName}");

    /// <summary>Missing or malformed input is the user's mistake: a Chinese message and exit code 1, no stack trace.</summary>
    private static int Guarded(Action run)
    {
        try
        {
            run();
            return 0;
        }
        catch (Exception e) when (e is FileNotFoundException or FormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine(e switch
            {
                FormatException => $"无法读取 CSV：{e.Message}",
                FileNotFoundException or ArgumentException => e.Message,
                _ => $"无法读取文件：{e.Message}",
            });
            return 1;
        }
    }
}
