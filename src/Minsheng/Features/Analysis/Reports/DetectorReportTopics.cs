using Microsoft.EntityFrameworkCore;
using Minsheng.Domain.Analysis;
using Minsheng.Features.Appeals;
using Minsheng.Features.Public;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.Reports;

/// <summary>
/// Hot topics for a report, from <see cref="HotTopicDetector"/> run over the appeals of the report's period and the
/// period before it together, so that a topic found now can be counted then too: new when none of its appeals fall
/// in the previous period, rising when it has more now than then. The report lists the new and rising topics with at
/// least two appeals now, hottest first. Titles are the detector's (taken from appeal titles), with personal data removed.
/// </summary>
public sealed class DetectorReportTopics(UnitTree units, AppealText text) : IReportTopics
{
    public const int Listed = 8;
    /// <summary>A week of a county is a few hundred appeals; a very long period is cut to the newest this many.</summary>
    public const int MaxDocuments = 20000;

    public async Task<TopicSection> FindAsync(AppealScope scope, DateTimeOffset from, DateTimeOffset to, DateTimeOffset previousFrom, CancellationToken ct)
    {
        var rows = await scope.Visible().AsNoTracking()
            .Where(a => a.CreatedAt >= previousFrom && a.CreatedAt < to)
            .OrderByDescending(a => a.CreatedAt).Take(MaxDocuments)
            .Select(a => new { a.Id, a.Title, a.Content, a.CreatedAt, a.CitizenPhone, a.CitizenName, a.Address, a.RegionUnitId })
            .ToListAsync(ct);
        if (rows.Count == 0) return new TopicSection(true, "本期没有可供识别热点的诉求。", []);
        var docs = rows.Select(r => new TopicDocument(r.Id.ToString(), r.CitizenPhone ?? r.CitizenName, r.Title, r.Content, r.CreatedAt,
            Place: r.Address ?? (r.RegionUnitId is { } u ? units.NameOf(u) : null))).ToList();
        var when = rows.ToDictionary(r => r.Id.ToString(), r => r.CreatedAt);
        var person = docs.ToDictionary(d => d.Id, d => d.PersonKey ?? d.Id);
        var detected = HotTopicDetector.Detect(docs, new HotTopicOptions(to));

        var lines = new List<TopicLine>();
        foreach (var t in detected)
        {
            var now = t.DocumentIds.Count(id => when[id] >= from);
            var before = t.DocumentIds.Count - now;
            if (now < 2 || now <= before) continue; // neither new nor rising
            var current = t.DocumentIds.Where(id => when[id] >= from).ToList();
            // People of this period only (the detector counts both periods); one person may write several times.
            lines.Add(new TopicLine(Redaction.Redact(t.Title, null, text.Detector), now, before, current.Select(id => person[id]).Distinct().Count(),
                before == 0, before > 0, string.Join("、", t.Places.Take(3)), current.Select(long.Parse).ToList()));
            if (lines.Count == Listed) break;
        }
        var note = $"热点由系统按“同一地点的同一问题”自动归并（本期与上期共 {rows.Count} 件诉求，识别出 {detected.Count} 个话题），下表列新出现或上升的话题。";
        return new TopicSection(true, lines.Count == 0 ? note.Replace("下表列新出现或上升的话题。", "本期没有新出现或上升的话题。") : note, lines);
    }
}
