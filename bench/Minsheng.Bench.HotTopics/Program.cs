using System.Diagnostics;
using System.Globalization;
using Minsheng.Bench.HotTopics;
using Minsheng.Domain.Analysis;

// file --input FILE [--top N] [--dump]  |  synthetic [--count N] [--seed S] [--top N]
// One measured run per process (the script repeats the process and takes the median), so jieba's dictionary load
// is inside every figure, as it is for the CLI.
var mode = args.FirstOrDefault() ?? "file";
string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
var top = int.Parse(Arg("--top") ?? "10", CultureInfo.InvariantCulture);
var total = Stopwatch.StartNew();
List<TopicDocument> docs;
if (mode == "synthetic")
{
    docs = SyntheticAppeals.Generate(int.Parse(Arg("--count") ?? "100000", CultureInfo.InvariantCulture),
        int.Parse(Arg("--seed") ?? "20261129", CultureInfo.InvariantCulture));
}
else
{
    var input = Arg("--input");
    if (input is null || !File.Exists(input)) { Console.Error.WriteLine("找不到输入文件：请用 --input 指定留言 CSV。"); return 1; }
    docs = TopicCsv.Read(input);
}
var prepared = total.Elapsed.TotalSeconds;
var detect = Stopwatch.StartNew();
var now = docs.Max(d => d.Time);
var topics = HotTopicDetector.Detect(docs, args.Contains("--all")
    ? new HotTopicOptions(now, MaxTopics: int.MaxValue, MinDocuments: 1)
    : new HotTopicOptions(now, MaxTopics: Math.Max(top, 50)));
var seconds = detect.Elapsed.TotalSeconds;
var byId = docs.ToDictionary(d => d.Id);
for (var i = 0; i < Math.Min(top, topics.Count); i++)
{
    var t = topics[i];
    Console.WriteLine($"{i + 1}\t{t.Heat:F2}\t{t.DocumentIds.Count}\t{t.People}\t{t.Title}\t[{string.Join("、", t.Places)}]\t{{{string.Join(" ", t.KeyPhrases)}}}");
    if (args.Contains("--dump"))
        foreach (var id in t.DocumentIds) Console.WriteLine($"\t\t{id}\t{byId[id].PersonKey}\t{byId[id].Time:yyyy-MM-dd}\t{byId[id].Title}");
}
Console.WriteLine(FormattableString.Invariant(
    $"RESULT mode={mode} docs={docs.Count} topics={topics.Count} prepare_s={prepared:F3} detect_s={seconds:F3} total_s={total.Elapsed.TotalSeconds:F3}"));
return 0;
