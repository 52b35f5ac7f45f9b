using Minsheng.Domain.Analysis;

namespace Minsheng.Features.Analysis.HotTopics;

/// <summary>
/// The detection engine as the product calls it: a singleton so that tests may hand in a detector whose clusters they
/// choose (to test edits and recomputation apart from clustering quality); the app uses the domain's detector.
/// </summary>
public sealed class TopicEngine(Func<IReadOnlyList<TopicDocument>, HotTopicOptions, IReadOnlyList<DetectedTopic>> detect)
{
    public static TopicEngine Default => new(EngineCalls.Detect);

    public IReadOnlyList<DetectedTopic> Detect(IReadOnlyList<TopicDocument> docs, HotTopicOptions options) => detect(docs, options);

    /// <summary>The heat of a topic an analyst reshaped (merged or split), by the engine's own formula.</summary>
    public static HeatParts Heat(int volume, int people, int supporters, int activeDays, double daysSinceLast) =>
        EngineCalls.Heat(volume, people, supporters, activeDays, daysSinceLast);

    public static double Total(HeatParts p) => EngineCalls.Total(p);

    public static string Formula => EngineCalls.Formula;
}
