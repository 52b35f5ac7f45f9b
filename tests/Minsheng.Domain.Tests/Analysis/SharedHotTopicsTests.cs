using System.Diagnostics;
using Minsheng.Domain.Analysis;
using Xunit.Abstractions;

namespace Minsheng.Domain.Tests.Analysis;

/// <summary>
/// Sanity on the real message board (../shared/data/appeals/hot_topic_messages.csv, outside this repository): the
/// top topics are raised by several people, no appeal is in two topics, titles are statements. Without the file the
/// test says so and passes.
/// </summary>
public class SharedHotTopicsTests(ITestOutputHelper output)
{
    [Fact]
    public void Top_topics_of_the_shared_board_are_raised_by_several_people()
    {
        var path = FindSharedFile("hot_topic_messages.csv");
        if (path is null)
        {
            const string message = "跳过：未找到 shared/data/appeals/hot_topic_messages.csv（仓库外的比赛数据），未运行真实数据热点检测。";
            Console.WriteLine(message);
            output.WriteLine(message);
            return;
        }
        var docs = TopicCsv.Read(path);
        var sw = Stopwatch.StartNew();
        var topics = HotTopicDetector.Detect(docs, new HotTopicOptions(docs.Max(d => d.Time), MaxTopics: 10));
        output.WriteLine($"{docs.Count} 条留言，检测 {sw.Elapsed.TotalSeconds:F1} 秒");
        foreach (var t in topics) output.WriteLine($"{t.Heat:F2}\t{t.DocumentIds.Count}\t{t.People}\t{t.Title}");

        topics.Count.ShouldBe(10);
        topics.Take(5).ShouldAllBe(t => t.People >= 5);
        topics[0].DocumentIds.Count.ShouldBeGreaterThanOrEqualTo(20);
        var ids = topics.SelectMany(t => t.DocumentIds).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count);
        topics.ShouldAllBe(t => t.Title.Length >= 6 && !t.Title.EndsWith("？") && !t.Title.EndsWith("吗"));
    }

    private static string? FindSharedFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "appeals", name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
