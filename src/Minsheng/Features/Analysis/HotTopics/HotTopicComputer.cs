using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Analysis;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.HotTopics;

/// <summary>
/// Computes and stores the topics of one jurisdiction and period: detection on the period's documents, the analysts'
/// edits applied again (<see cref="TopicEditor"/>), figures and trend from the members, ranking (pinned first, then
/// heat; dismissed last), and storage that keeps a topic's id when the new topic overlaps it by the edit threshold,
/// so links and edits stay put. Runs inside the caller's audited commit.
/// </summary>
public sealed class HotTopicComputer(MinshengDb db, TopicSource source, TopicEngine engine, UnitTree units, TimeProvider clock)
{
    public const int MaxTopics = 50;
    public const int MinDocuments = 2;

    public async Task<HotTopicRun> RecomputeAsync(long jurisdictionId, int days, AuditNotes notes, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var period = TopicPeriod.Ending(now, days);
        var state = await source.StateAsync(jurisdictionId, ct);
        var docs = await source.LoadAsync(jurisdictionId, period.Start, period.LoadUntil, ct);
        var detected = engine.Detect(docs.Select(d => d.ToDocument()).ToList(), new HotTopicOptions(now, MaxTopics, MinDocuments));
        var topics = detected.Select(FromDetected).ToList();
        var edits = await db.Set<HotTopicEdit>().Where(e => e.JurisdictionId == jurisdictionId && e.Days == days).OrderBy(e => e.Id).ToListAsync(ct);
        var targets = new List<(HotTopicEdit Edit, WorkingTopic? Target)>();
        foreach (var edit in edits)
        {
            var outcome = TopicEditor.Apply(topics, new EditData(edit.Kind, edit.Anchor, edit.Other, edit.Value));
            edit.Anchor = outcome.Anchor;
            edit.Other = outcome.Other;
            edit.Attached = outcome.Attached;
            edit.AppliedAt = now;
            targets.Add((edit, outcome.Target));
        }
        var run = await db.Set<HotTopicRun>().FirstOrDefaultAsync(r => r.JurisdictionId == jurisdictionId && r.Days == days, ct);
        if (run is null) db.Set<HotTopicRun>().Add(run = new HotTopicRun(jurisdictionId, days));
        run.Set(period.Start, period.End, now, state, docs.Count);
        await SaveAsync(jurisdictionId, period, topics, docs, targets, now, ct);
        var shown = topics.Count(t => !t.Dismissed);
        notes.Record(AuditActions.TopicsRecompute, $"{units.Find(jurisdictionId)?.Code ?? jurisdictionId.ToString()}/{days}",
            $"{units.NameOf(jurisdictionId)} 近{days}天：{docs.Count} 件诉求，{shown} 个热点；{edits.Count(e => e.Attached)}/{edits.Count} 项编辑已对应");
        return run;
    }

    /// <summary>The stored topics of a jurisdiction and period as working topics, for an edit applied right away.</summary>
    public async Task<List<WorkingTopic>> LoadAsync(long jurisdictionId, int days, CancellationToken ct) =>
        (await StoredAsync(jurisdictionId, days, ct)).Select(t => new WorkingTopic
        {
            StoredId = t.Id, Title = t.Title, GeneratedTitle = t.GeneratedTitle, KeyPhrases = t.KeyPhrases.ToList(), Places = t.Places.ToList(),
            Members = t.Members.Select(m => m.AppealId).ToHashSet(), Pinned = t.Pinned, Dismissed = t.Dismissed, Reshaped = t.Reshaped,
            Heat = t.Heat, Parts = new HeatParts(t.HeatVolume, t.HeatPeople, t.HeatSupport, t.HeatRecency, t.HeatPersistence),
        }).ToList();

    /// <summary>Applies one new edit to the stored topics of its period (the period of the last run, not a new one).</summary>
    public async Task<WorkingTopic?> ApplyNowAsync(HotTopicEdit edit, CancellationToken ct)
    {
        var run = await db.Set<HotTopicRun>().AsNoTracking().FirstAsync(r => r.JurisdictionId == edit.JurisdictionId && r.Days == edit.Days, ct);
        var period = TopicPeriod.Ending(run.PeriodEnd, run.Days);
        var topics = await LoadAsync(edit.JurisdictionId, edit.Days, ct);
        var outcome = TopicEditor.Apply(topics, new EditData(edit.Kind, edit.Anchor, edit.Other, edit.Value));
        edit.Anchor = outcome.Anchor;
        edit.Other = outcome.Other;
        edit.Attached = outcome.Attached;
        var docs = await source.LoadAsync(edit.JurisdictionId, period.Start, period.LoadUntil, ct);
        await SaveAsync(edit.JurisdictionId, period, topics, docs, [(edit, outcome.Target)], run.PeriodEnd, ct);
        return outcome.Target;
    }

    private static WorkingTopic FromDetected(DetectedTopic d) => new()
    {
        Title = d.Title, GeneratedTitle = d.Title, KeyPhrases = d.KeyPhrases.ToList(), Places = d.Places.ToList(),
        Members = d.DocumentIds.Select(id => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet(),
        Heat = d.Heat, Parts = d.Parts,
    };

    private Task<List<HotTopic>> StoredAsync(long jurisdictionId, int days, CancellationToken ct) =>
        db.Set<HotTopic>().Include(t => t.Members).Where(t => t.JurisdictionId == jurisdictionId && t.Days == days).ToListAsync(ct);

    private async Task SaveAsync(long jurisdictionId, TopicPeriod period, List<WorkingTopic> topics, List<SourceAppeal> docs,
        IReadOnlyList<(HotTopicEdit Edit, WorkingTopic? Target)> targets, DateTimeOffset now, CancellationToken ct)
    {
        var byId = docs.ToDictionary(d => d.Id);
        var previous = await source.LoadAsync(jurisdictionId, period.Previous.Start, period.Previous.End, ct);
        // An empty topic (every appeal split out or gone) is no topic.
        topics.RemoveAll(t => t.Members.Count(byId.ContainsKey) == 0);
        var figures = topics.ToDictionary(t => t, t => TopicFigures.Of(t.Members, byId, period,
            TopicFigures.CountPrevious(t.KeyPhrases, t.Places, previous)));
        foreach (var t in topics.Where(t => t.Reshaped))
            (t.Heat, t.Parts) = TopicFigures.Heat(t.Members, byId, figures[t], period.End);
        var ranked = topics.OrderByDescending(t => t.Pinned && !t.Dismissed).ThenBy(t => t.Dismissed).ThenByDescending(t => t.Heat)
            .ThenByDescending(t => t.Members.Count).ToList();

        var stored = await StoredAsync(jurisdictionId, period.Days, ct);
        var rows = Reuse(ranked, stored);
        for (var i = 0; i < ranked.Count; i++)
        {
            var t = ranked[i];
            if (!rows.TryGetValue(t, out var row)) db.Set<HotTopic>().Add(rows[t] = row = new HotTopic(jurisdictionId, period.Days));
            var f = figures[t];
            row.Rank = i + 1;
            (row.Title, row.GeneratedTitle, row.KeyPhrases, row.Places) = (t.Title, t.GeneratedTitle, t.KeyPhrases, t.Places);
            (row.FirstAt, row.LastAt, row.Appeals, row.People, row.Supporters, row.ActiveDays, row.Daily, row.PreviousAppeals) =
                (f.First, f.Last, f.Appeals, f.People, f.Supporters, f.ActiveDays, f.Daily, f.Previous);
            (row.Heat, row.HeatVolume, row.HeatPeople, row.HeatSupport, row.HeatRecency, row.HeatPersistence) =
                (t.Heat, t.Parts.Volume, t.Parts.People, t.Parts.Support, t.Parts.Recency, t.Parts.Persistence);
            (row.Pinned, row.Dismissed, row.Reshaped, row.ComputedAt) = (t.Pinned, t.Dismissed, t.Reshaped, now);
            var members = t.Members.Where(byId.ContainsKey).ToHashSet();
            row.Members.RemoveAll(m => !members.Contains(m.AppealId));
            var kept = row.Members.Select(m => m.AppealId).ToHashSet();
            row.Members.AddRange(members.Where(id => !kept.Contains(id)).Select(id => new HotTopicMember(id)));
        }
        var used = rows.Values.ToHashSet();
        db.Set<HotTopic>().RemoveRange(stored.Where(s => !used.Contains(s)));
        await db.SaveChangesAsync(ct); // new topics get their ids, which the edits then point at
        foreach (var (edit, target) in targets)
            edit.TopicId = target is not null && rows.TryGetValue(target, out var row) ? row.Id : null;
    }

    /// <summary>
    /// Which stored row each topic takes over: its own when it was loaded from one; otherwise the stored topic it
    /// overlaps most (by the edit threshold), best pairs first, each row taken once.
    /// </summary>
    private static Dictionary<WorkingTopic, HotTopic> Reuse(List<WorkingTopic> topics, List<HotTopic> stored)
    {
        var rows = new Dictionary<WorkingTopic, HotTopic>(ReferenceEqualityComparer.Instance);
        var free = stored.ToDictionary(s => s.Id);
        foreach (var t in topics.Where(t => t.StoredId is { } id && free.ContainsKey(id)))
        {
            rows[t] = free[t.StoredId!.Value];
            free.Remove(t.StoredId!.Value);
        }
        var pairs = (from t in topics
                     where !rows.ContainsKey(t)
                     from s in free.Values
                     let score = TopicEditor.Jaccard(s.Members.Select(m => m.AppealId).ToList(), t.Members)
                     where score >= TopicEditor.Threshold
                     orderby score descending
                     select (t, s)).ToList();
        foreach (var (t, s) in pairs)
        {
            if (rows.ContainsKey(t) || !free.Remove(s.Id)) continue;
            rows[t] = s;
        }
        return rows;
    }
}
