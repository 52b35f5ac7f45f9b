using Minsheng.Domain.Analysis;

namespace Minsheng.Features.Analysis.HotTopics;

/// <summary>The figures of one topic, all computed from its members' documents (so edits and detector agree).</summary>
public sealed record TopicFigures(DateTimeOffset First, DateTimeOffset Last, int Appeals, int People, int Supporters, int ActiveDays,
    List<int> Daily, int Previous)
{
    /// <summary>
    /// Figures of the members found in the period. People counts distinct person keys, an anonymous appeal counting
    /// as its own person. Previous is the trend's base (see <see cref="CountPrevious"/>).
    /// </summary>
    public static TopicFigures Of(IEnumerable<long> members, IReadOnlyDictionary<long, SourceAppeal> docs, TopicPeriod period, int previous)
    {
        var list = members.Select(docs.GetValueOrDefault).OfType<SourceAppeal>().ToList();
        var daily = new int[period.Days];
        foreach (var d in list) daily[period.DayIndex(d.CreatedAt)]++;
        return new TopicFigures(
            list.Count == 0 ? period.Start : list.Min(d => d.CreatedAt),
            list.Count == 0 ? period.Start : list.Max(d => d.CreatedAt),
            list.Count,
            list.Select(d => d.PersonKey ?? "appeal:" + d.Id).Distinct().Count(),
            list.Sum(d => d.Supporters),
            daily.Count(n => n > 0),
            daily.ToList(),
            previous);
    }

    /// <summary>
    /// Heat by the engine's formula for a topic whose members an analyst changed; volume folds one person's
    /// repeated appeals with the same title into one, as the engine does.
    /// </summary>
    public static (double Heat, HeatParts Parts) Heat(IEnumerable<long> members, IReadOnlyDictionary<long, SourceAppeal> docs, TopicFigures f, DateTimeOffset now)
    {
        var list = members.Select(docs.GetValueOrDefault).OfType<SourceAppeal>().ToList();
        var volume = list.Select(d => d.PersonKey is { } p ? p + "|" + d.Title.Trim() : "appeal:" + d.Id).Distinct().Count();
        var parts = TopicEngine.Heat(volume, f.People, f.Supporters, f.ActiveDays, Math.Max(0, (now - f.Last).TotalDays));
        return (TopicEngine.Total(parts), parts);
    }

    /// <summary>
    /// The trend's base: appeals of the previous period of equal length that name the topic's place (when it has one)
    /// and at least two of its first five key phrases (one, when it has only one). The previous period is not
    /// clustered again; this rule is what the page states.
    /// </summary>
    public static int CountPrevious(IReadOnlyList<string> keyPhrases, IReadOnlyList<string> places, IReadOnlyList<SourceAppeal> previous)
    {
        var phrases = keyPhrases.Where(p => p.Length >= 2).Take(5).ToList();
        if (phrases.Count == 0) return 0;
        var needed = Math.Min(2, phrases.Count);
        var count = 0;
        foreach (var d in previous)
        {
            var text = d.Title + "\n" + d.Content;
            if (places.Count > 0 && !places.Any(p => text.Contains(p, StringComparison.Ordinal) || (d.Place is { } dp && (dp.Contains(p, StringComparison.Ordinal) || p.Contains(dp, StringComparison.Ordinal)))))
                continue;
            if (phrases.Count(p => text.Contains(p, StringComparison.Ordinal)) >= needed) count++;
        }
        return count;
    }
}
