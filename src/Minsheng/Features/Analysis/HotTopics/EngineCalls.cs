using Minsheng.Domain.Analysis;

namespace Minsheng.Features.Analysis.HotTopics;

/// <summary>The domain engine's entry points, in one place: detection, the heat of a reshaped topic, the formula shown.</summary>
internal static class EngineCalls
{
    public static IReadOnlyList<DetectedTopic> Detect(IReadOnlyList<TopicDocument> docs, HotTopicOptions options) => HotTopicDetector.Detect(docs, options);

    public static HeatParts Heat(int volume, int people, int supporters, int activeDays, double daysSinceLast) =>
        HeatIndex.Compute(volume, people, supporters, activeDays, daysSinceLast);

    public static double Total(HeatParts p) => HeatIndex.Total(p);

    public const string Formula = HotTopicDetector.HeatFormula;
}
