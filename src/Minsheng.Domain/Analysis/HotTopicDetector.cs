using Minsheng.Domain.Calendar;

namespace Minsheng.Domain.Analysis;

/// <summary>
/// Hot-topic detection: groups appeals into topics (the same problem at the same place) and ranks them by heat.
/// Pure and deterministic: the same documents and options give the same topics in the same order.
/// Steps: normalise and segment; mine place names from the corpus; TF-IDF vectors (title words and places weigh
/// more); single-pass centroid clustering in time order with an inverted index; topics below
/// <see cref="HotTopicOptions.MinDocuments"/> dropped; heat, title, key phrases and places per topic.
/// </summary>
public static class HotTopicDetector
{
    /// <summary>The heat formula in Chinese, for the product page.</summary>
    public const string HeatFormula = HeatIndex.HeatFormula;

    /// <summary>Long complaints are cut here: the opening states the problem, and segmentation time grows with length.</summary>
    private const int MaxDetailChars = 600;

    public static IReadOnlyList<DetectedTopic> Detect(IReadOnlyList<TopicDocument> docs, HotTopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(docs);
        ArgumentNullException.ThrowIfNull(options);
        if (docs.Count == 0) return [];

        var titles = docs.Select(d => TopicText.Normalize(d.Title)).ToArray();
        var details = docs.Select(d => TopicText.Normalize(Cut(d.Text))).ToArray();
        var places = PlaceNames.Mine(titles.Select((t, i) => t + "|" + details[i]).ToArray());
        var districts = titles.Select((t, i) => Districts(t + "|" + details[i], docs[i].Place)).ToArray();

        var counts = new Dictionary<string, double>[docs.Count];
        for (var i = 0; i < docs.Count; i++)
        {
            var c = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var w in TopicText.Words(titles[i])) c[w] = c.GetValueOrDefault(w) + TopicVectors.TitleWeight;
            foreach (var w in TopicText.Words(details[i])) c[w] = c.GetValueOrDefault(w) + 1;
            foreach (var p in places[i]) c[TopicVectors.PlaceTerm(p)] = titles[i].Contains(p, StringComparison.Ordinal) ? 2 : 1;
            foreach (var d in districts[i]) c[TopicVectors.DistrictTerm(d)] = 1;
            counts[i] = c;
        }
        var space = new TopicVectors();
        var vectors = space.Build(counts);

        var order = Enumerable.Range(0, docs.Count)
            .OrderBy(i => docs[i].Time).ThenBy(i => docs[i].Id, StringComparer.Ordinal).ToArray();
        var clusters = TopicClustering.Run(vectors, order);

        var topics = new List<DetectedTopic>();
        foreach (var c in clusters)
        {
            if (c.Members.Count < Math.Max(1, options.MinDocuments)) continue;
            topics.Add(Describe(c, docs, titles, places, districts, vectors, space, options));
        }
        return topics
            .OrderByDescending(t => t.Heat).ThenByDescending(t => t.DocumentIds.Count).ThenBy(t => t.DocumentIds[^1], StringComparer.Ordinal)
            .Take(Math.Max(0, options.MaxTopics))
            .ToList();
    }

    private static DetectedTopic Describe(
        TopicClustering.Cluster c, IReadOnlyList<TopicDocument> docs, string[] titles, IReadOnlyList<string>[] places,
        IReadOnlyList<string>[] districts, SparseVector[] vectors, TopicVectors space, HotTopicOptions options)
    {
        var members = c.Members.OrderByDescending(i => docs[i].Time).ThenBy(i => docs[i].Id, StringComparer.Ordinal).ToList();
        var first = members.Min(i => docs[i].Time);
        var last = members.Max(i => docs[i].Time);

        // One person's repeated posts of the same appeal count once: key = person + title without punctuation.
        var volume = members.Select(i => (docs[i].PersonKey ?? "#" + docs[i].Id) + "\u0001" + Fingerprint(titles[i]))
            .Distinct(StringComparer.Ordinal).Count();
        var people = members.Select(i => docs[i].PersonKey ?? "#" + Fingerprint(titles[i])).Distinct(StringComparer.Ordinal).Count();
        var supporters = members.Sum(i => Math.Max(0, docs[i].Supporters));
        var activeDays = members.Select(i => ChinaTime.DateOf(docs[i].Time)).Distinct().Count();
        var parts = HeatIndex.Compute(volume, people, supporters, activeDays, (options.Now - last).TotalDays);

        var topPlaces = TopPlaces(members, places, districts, docs);
        var representative = members
            .OrderByDescending(i => c.Cosine(vectors[i])).ThenBy(i => docs[i].Id, StringComparer.Ordinal).First();
        var title = TopicTitles.Make(docs[representative].Title, topPlaces);

        var phrases = c.Sum.Where(kv => !space.IsPlace(kv.Key) && !space.IsDistrict(kv.Key))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(8).Select(kv => space.Name(kv.Key)).ToList();

        return new DetectedTopic(title, phrases, topPlaces, first, last, members.Select(i => docs[i].Id).ToList(),
            people, supporters, activeDays, HeatIndex.Total(parts), parts);
    }

    /// <summary>Places most members mention: the main district first, then named places (a name inside a longer one is dropped).</summary>
    private static List<string> TopPlaces(List<int> members, IReadOnlyList<string>[] places, IReadOnlyList<string>[] districts, IReadOnlyList<TopicDocument> docs)
    {
        var result = new List<string>();
        var need = Math.Max(1, (members.Count + 1) / 3);
        var district = members.SelectMany(i => districts[i]).GroupBy(d => d)
            .Select(g => (g.Key, Count: g.Count())).Where(g => g.Count >= need)
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault();
        if (district.Key is not null) result.Add(district.Key);
        var named = members.SelectMany(i => places[i]).GroupBy(p => p)
            .Select(g => (g.Key, Count: g.Count())).Where(g => g.Count >= need)
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).ToList();
        foreach (var p in named)
            if (!result.Any(r => r.Contains(p, StringComparison.Ordinal)) && result.Count < 4) result.Add(p);
        // Given places (a township from the appeal form) count when nothing was mined.
        if (result.Count == 0)
            result.AddRange(members.Select(i => docs[i].Place).OfType<string>().Where(p => p.Length > 0)
                .GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(1).Select(g => g.Key));
        return result;
    }

    private static List<string> Districts(string text, string? given)
    {
        var list = TopicText.District().Matches(text).Select(m => m.Value).Distinct().ToList();
        if (!string.IsNullOrWhiteSpace(given)) list.Add(TopicText.Normalize(given).Trim());
        return list;
    }

    private static string Fingerprint(string title) => new(title.Where(ch => char.IsLetterOrDigit(ch)).ToArray());

    private static string Cut(string? text) => text is null ? "" : text.Length <= MaxDetailChars ? text : text[..MaxDetailChars];
}
