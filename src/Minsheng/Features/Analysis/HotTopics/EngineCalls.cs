using Minsheng.Domain.Analysis;

namespace Minsheng.Features.Analysis.HotTopics;

/// <summary>
/// PLACEHOLDER until branch hotengine (HotTopicDetector, HeatIndex) is merged: every call goes to the domain engine
/// then. Until then detection refuses, so nothing pretends to have found topics.
/// </summary>
internal static class EngineCalls
{
    public static IReadOnlyList<DetectedTopic> Detect(IReadOnlyList<TopicDocument> docs, HotTopicOptions options) =>
        throw new NotSupportedException("热点识别引擎尚未合并。");

    public static HeatParts Heat(int volume, int people, int supporters, int activeDays, double daysSinceLast) =>
        new(Math.Log(1 + volume), Math.Log(1 + people), Math.Log(1 + supporters), Math.Exp(-daysSinceLast / 30), Math.Log(1 + activeDays));

    public static double Total(HeatParts p) => Math.Round(p.Volume + p.People + p.Support + p.Recency + p.Persistence, 2);

    public const string Formula = "（热度公式随识别引擎合并）";
}
