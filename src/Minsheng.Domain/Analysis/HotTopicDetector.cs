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

        var counts = new (Dictionary<string, double> Title, Dictionary<string, double> Detail)[docs.Count];
        for (var i = 0; i < docs.Count; i++)
        {
            // Words of the document's places weigh little: places are compared as places (TopicClustering), and as
            // words they made one estate's many different problems look like one topic.
            var mine = places[i];
            double Weight(string w, double weight) =>
                mine.Any(p => p.Contains(w.TrimStart('~'), StringComparison.Ordinal)) ? weight * TopicVectors.PlaceWordFactor : weight;
            var title = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var w in TopicText.Words(titles[i])) title[w] = title.GetValueOrDefault(w) + Weight(w, 1);
            foreach (var b in TopicText.Bigrams(titles[i])) title[b] = title.GetValueOrDefault(b) + Weight(b, TopicVectors.BigramWeight);
            var detail = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var w in TopicText.Words(details[i])) detail[w] = detail.GetValueOrDefault(w) + Weight(w, 1);
            counts[i] = (title, detail);
        }
        var space = new TopicVectors();
        var vectors = space.Build(counts);

        var order = Enumerable.Range(0, docs.Count)
            .OrderBy(i => docs[i].Time).ThenBy(i => docs[i].Id, StringComparer.Ordinal).ToArray();
        // Places a title names (mined names and districts) are what keeps the same problem at two places apart.
        var titlePlaces = titles.Select((t, i) => (IReadOnlyList<string>)places[i].Where(p => t.Contains(p, StringComparison.Ordinal))
            .Concat(TopicText.District().Matches(t).Select(m => m.Value)).Distinct().ToList()).ToArray();
        var clusters = TopicClustering.Run(vectors, titlePlaces, order);

        var topics = new List<DetectedTopic>();
        foreach (var c in clusters)
        {
            if (c.Members.Count < Math.Max(1, options.MinDocuments)) continue;
            topics.Add(Describe(c, docs, titles, places, titlePlaces, districts, vectors, space, options));
        }
        return topics
            .OrderByDescending(t => t.Heat).ThenByDescending(t => t.DocumentIds.Count).ThenBy(t => t.DocumentIds[^1], StringComparer.Ordinal)
            .Take(Math.Max(0, options.MaxTopics))
            .ToList();
    }

    private static DetectedTopic Describe(
        TopicClustering.Cluster c, IReadOnlyList<TopicDocument> docs, string[] titles, IReadOnlyList<string>[] places,
        IReadOnlyList<string>[] titlePlaces, IReadOnlyList<string>[] districts, SparseVector[] vectors, TopicVectors space, HotTopicOptions options)
    {
        var members = c.Members.OrderByDescending(i => docs[i].Time).ThenBy(i => docs[i].Id, StringComparer.Ordinal).ToList();
        var first = members.Min(i => docs[i].Time);
        var last = members.Max(i => docs[i].Time);

        // One person's repeated posts of the same appeal count once, and one person counts for at most
        // MaxAppealsPerPerson appeals: a campaign of sixty posts by one writer is not sixty people's problem.
        var byPerson = members.GroupBy(i => docs[i].PersonKey ?? "#" + Fingerprint(titles[i]), StringComparer.Ordinal).ToList();
        var volume = byPerson.Sum(g => Math.Min(HeatIndex.MaxAppealsPerPerson, g.Select(i => Fingerprint(titles[i])).Distinct(StringComparer.Ordinal).Count()));
        var people = byPerson.Count;
        var supporters = members.Sum(i => Math.Max(0, docs[i].Supporters));
        var activeDays = members.Select(i => ChinaTime.DateOf(docs[i].Time)).Distinct().Count();
        var parts = HeatIndex.Compute(volume, people, supporters, activeDays, (options.Now - last).TotalDays);

        var phrases = c.Sum.Where(kv => !space.Name(kv.Key).StartsWith('~'))
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(8).Select(kv => space.Name(kv.Key)).ToList();
        var topPlaces = TopPlaces(members, places, titlePlaces, districts, docs);
        var representative = members
            .OrderByDescending(i => TitleScore(c.Cosine(vectors[i]), titles[i], topPlaces, phrases))
            .ThenBy(i => docs[i].Id, StringComparer.Ordinal).First();
        var title = TopicTitles.Make(docs[representative].Title, topPlaces);

        return new DetectedTopic(title, phrases, topPlaces, first, last, members.Select(i => docs[i].Id).ToList(),
            people, supporters, activeDays, HeatIndex.Total(parts), parts);
    }

    /// <summary>
    /// The places to show and to put in the title: the district most members name, then the named places their titles
    /// state (a title names the place deliberately; a detail mentions landmarks in passing). A place inside or around
    /// one already chosen is skipped. Details count only when no title names a place.
    /// </summary>
    private static List<string> TopPlaces(List<int> members, IReadOnlyList<string>[] places, IReadOnlyList<string>[] titlePlaces,
        IReadOnlyList<string>[] districts, IReadOnlyList<TopicDocument> docs)
    {
        var result = new List<string>();
        var need = Math.Max(1, (members.Count + 1) / 3);
        var district = Frequent(members.SelectMany(i => districts[i]), need).FirstOrDefault();
        if (district is not null) result.Add(district);
        var named = Frequent(members.SelectMany(i => titlePlaces[i]).Where(p => !TopicText.District().IsMatch(p)), need).ToList();
        if (named.Count == 0) named = Frequent(members.SelectMany(i => places[i]), Math.Max(2, (members.Count + 1) / 2)).ToList();
        foreach (var p in named)
            if (!result.Any(r => r.Contains(p, StringComparison.Ordinal) || p.Contains(r, StringComparison.Ordinal)) && result.Count < 4)
                result.Add(p);
        // Given places (a township from the appeal form) count when nothing was mined.
        if (result.Count == 0)
            result.AddRange(Frequent(members.Select(i => docs[i].Place).OfType<string>().Where(p => p.Length > 0), 1).Take(1));
        return result;
    }

    private static IEnumerable<string> Frequent(IEnumerable<string> values, int atLeast) =>
        values.GroupBy(v => v, StringComparer.Ordinal).Select(g => (g.Key, Count: g.Count())).Where(g => g.Count >= atLeast)
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key);

    private static List<string> Districts(string text, string? given)
    {
        var list = TopicText.District().Matches(text).Select(m => m.Value).Distinct().ToList();
        if (!string.IsNullOrWhiteSpace(given)) list.Add(TopicText.Normalize(given).Trim());
        return list;
    }

    /// <summary>
    /// The title to name the topic: close to the centroid, naming the topic's place and its main words, of a readable length (a long
    /// title is usually a story, a very short one a fragment).
    /// </summary>
    private static double TitleScore(double cosine, string title, IReadOnlyList<string> places, IReadOnlyList<string> phrases)
    {
        var named = places.Count(p => title.Contains(p, StringComparison.Ordinal));
        var said = phrases.Take(3).Count(p => title.Contains(p, StringComparison.Ordinal));
        var length = title.Length;
        var lengthFactor = length < 8 ? 0.8 : length > 28 ? 28.0 / length : 1.0;
        return cosine * (1 + 0.15 * Math.Min(named, 2) + 0.3 * said) * lengthFactor;
    }

    private static string Fingerprint(string title) => new(title.Where(ch => char.IsLetterOrDigit(ch)).ToArray());

    private static string Cut(string? text) => text is null ? "" : text.Length <= MaxDetailChars ? text : text[..MaxDetailChars];
}
