using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Minsheng.Domain.Analysis;

namespace Minsheng.Cli;

/// <summary>
/// `analysis hot-topics`: hot topics of a message-board CSV (id,user,title,time,detail,likes), ranked by heat.
/// Files only — no database — so it evaluates the detector on contest-shaped data anywhere.
/// </summary>
public static class HotTopicsCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Required = true, Description = "留言 CSV（列：id,user,title,time,detail,likes，可有 dislikes）" };
        var top = new Option<int>("--top") { DefaultValueFactory = _ => 5, Description = "输出前 N 个热点问题（默认 5）" };
        var json = new Option<bool>("--json") { Description = "最后一行输出 JSON：{\"topics\":[{rank,heat,title,ids}]}" };
        var cmd = new Command("hot-topics", "从留言 CSV 中发现热点问题（同一地点的同一问题），按热度排序") { input, top, json };
        cmd.SetAction(parse =>
        {
            try
            {
                var n = parse.GetValue(top);
                if (n <= 0) throw new ArgumentException("--top 必须是正整数。");
                var docs = Read(parse.GetValue(input)!);
                if (docs.Count == 0) throw new FormatException("文件中没有留言。");
                var now = docs.Max(d => d.Time);
                var topics = HotTopicDetector.Detect(docs, new HotTopicOptions(now, MaxTopics: n));
                Print(topics, docs.Count, now);
                if (parse.GetValue(json))
                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        topics = topics.Select((t, i) => new { rank = i + 1, heat = t.Heat, title = t.Title, ids = t.DocumentIds }),
                    }, Json));
                return 0;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or FormatException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine(e is FormatException ? $"无法读取留言 CSV：{e.Message}" : e is IOException and not FileNotFoundException ? $"无法读取文件：{e.Message}" : e.Message);
                return 1;
            }
        });
        return cmd;
    }

    private static List<TopicDocument> Read(FileInfo file) =>
        file.Exists ? TopicCsv.Read(file.FullName) : throw new FileNotFoundException($"找不到输入文件：{file.FullName}");

    private static void Print(IReadOnlyList<DetectedTopic> topics, int total, DateTimeOffset now)
    {
        Console.WriteLine($"共 {total} 条留言，统计截止 {now:yyyy-MM-dd HH:mm}，热点问题 {topics.Count} 个。");
        Console.WriteLine(HotTopicDetector.HeatFormula);
        Console.WriteLine();
        Console.WriteLine("排名\t热度\t条数\t人数\t时间范围\t地点\t热点问题\t留言编号");
        for (var i = 0; i < topics.Count; i++)
        {
            var t = topics[i];
            Console.WriteLine(string.Join('\t',
                i + 1, t.Heat.ToString("F2", CultureInfo.InvariantCulture), t.DocumentIds.Count, t.People,
                $"{t.First:yyyy/MM/dd}至{t.Last:yyyy/MM/dd}", string.Join("、", t.Places), t.Title, string.Join(",", t.DocumentIds)));
        }
    }
}
