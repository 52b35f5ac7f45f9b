using System.Text.RegularExpressions;
using Minsheng.Domain.Analysis;
using Minsheng.Features.Analysis.HotTopics;

namespace Minsheng.Tests.Analysis.HotTopics;

/// <summary>
/// A stand-in for the detector where a test must choose the clusters itself (edits, recomputation, the incremental
/// pass): appeals whose titles carry the same 【marker】 form one topic. Clustering quality is the engine's own tests'
/// business; here only what the product does with topics is under test. Heat uses the engine's real formula.
/// </summary>
public static partial class MarkerEngine
{
    [GeneratedRegex("【(.+?)】")]
    private static partial Regex Marker();

    public static TopicEngine Create() => new(Detect);

    public static IReadOnlyList<DetectedTopic> Detect(IReadOnlyList<TopicDocument> docs, HotTopicOptions options) =>
        docs.Where(d => Marker().IsMatch(d.Title))
            .GroupBy(d => Marker().Match(d.Title).Groups[1].Value)
            .Where(g => g.Count() >= options.MinDocuments)
            .Select(g =>
            {
                var list = g.OrderByDescending(d => d.Time).ToList();
                var people = list.Select(d => d.PersonKey ?? d.Id).Distinct().Count();
                var days = list.Select(d => d.Time.ToOffset(TimeSpan.FromHours(8)).Date).Distinct().Count();
                var parts = HeatIndex.Compute(list.Count, people, list.Sum(d => d.Supporters), days, (options.Now - list[0].Time).TotalDays);
                return new DetectedTopic($"标记{g.Key}", [g.Key], list.Select(d => d.Place).OfType<string>().Distinct().ToList(),
                    list[^1].Time, list[0].Time, list.Select(d => d.Id).ToList(), people, list.Sum(d => d.Supporters), days, HeatIndex.Total(parts), parts);
            })
            .OrderByDescending(t => t.Heat)
            .Take(options.MaxTopics)
            .ToList();
}
