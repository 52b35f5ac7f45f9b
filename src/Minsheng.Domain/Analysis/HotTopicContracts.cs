namespace Minsheng.Domain.Analysis;

// The contract between hot-topic detection (pure, here) and its callers: the `analysis hot-topics` CLI verb, the
// background recomputation that stores topics, the weekly report and 《民意参考》. Detection sees only texts, times,
// people and support; it knows nothing of units, jurisdictions or the database.

/// <summary>
/// One appeal or imported message. <paramref name="PersonKey"/> identifies the person (a user id, a normalised phone,
/// null when anonymous) and counts distinct people; <paramref name="Supporters"/> is the likes of an imported row or
/// the "我也遇到" count of a published case; <paramref name="Place"/> is a known place (township, address) if any.
/// </summary>
public sealed record TopicDocument(
    string Id, string? PersonKey, string Title, string Text, DateTimeOffset Time, int Supporters = 0, string? Place = null);

/// <summary>What detection needs besides the documents. <paramref name="Now"/> anchors recency (the period's end).</summary>
public sealed record HotTopicOptions(DateTimeOffset Now, int MaxTopics = 50, int MinDocuments = 2);

/// <summary>The heat index's parts, so a page can show how the figure was made.</summary>
public sealed record HeatParts(double Volume, double People, double Support, double Recency, double Persistence);

/// <summary>A topic: the same problem at the same place. Document ids are the callers' ids, most recent first.</summary>
public sealed record DetectedTopic(
    string Title,
    IReadOnlyList<string> KeyPhrases,
    IReadOnlyList<string> Places,
    DateTimeOffset First,
    DateTimeOffset Last,
    IReadOnlyList<string> DocumentIds,
    int People,
    int Supporters,
    int ActiveDays,
    double Heat,
    HeatParts Parts);
