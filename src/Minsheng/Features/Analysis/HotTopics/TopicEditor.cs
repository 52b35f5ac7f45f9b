using Minsheng.Domain.Analysis;

namespace Minsheng.Features.Analysis.HotTopics;

/// <summary>A topic while it is being computed or edited: the detector's result, or a stored topic loaded again.</summary>
public sealed class WorkingTopic
{
    public long? StoredId { get; set; }
    public string Title { get; set; } = "";
    public string GeneratedTitle { get; set; } = "";
    public List<string> KeyPhrases { get; set; } = [];
    public List<string> Places { get; set; } = [];
    public HashSet<long> Members { get; set; } = [];
    public bool Pinned { get; set; }
    public bool Dismissed { get; set; }
    public bool Reshaped { get; set; }
    /// <summary>The detector's heat and parts; recomputed from the members when an edit reshapes the topic.</summary>
    public double Heat { get; set; }
    public HeatParts Parts { get; set; } = new(0, 0, 0, 0, 0);
}

/// <summary>An edit as applied: what it is, and the member sets it finds its topics by.</summary>
public sealed record EditData(TopicEditKind Kind, IReadOnlyCollection<long> Anchor, IReadOnlyCollection<long>? Other, string? Value);

/// <summary>
/// Where an edit landed: its target (null when no topic overlaps its anchor enough) and its anchors refreshed to the
/// members it matched, so that an edit follows its topic as the topic grows from one recomputation to the next.
/// </summary>
public sealed record EditOutcome(WorkingTopic? Target, List<long> Anchor, List<long>? Other)
{
    public bool Attached => Target is not null;
}

/// <summary>
/// Applies analysts' edits to a fresh list of topics. Each edit finds its topic by member overlap: the topic whose
/// appeals have the largest Jaccard index (|A∩B| / |A∪B|) with the edit's anchor, at least <see cref="Threshold"/>.
/// Edits apply in the order they were made, each against the list as the earlier ones left it, so a rename made after
/// a merge finds the merged topic. Pure: no database, no clock.
/// </summary>
public static class TopicEditor
{
    /// <summary>
    /// Below this overlap an edit is not attached (kept, and tried again at the next recomputation). A third shared
    /// means a topic that doubled in size still carries its edits, while a topic that merely shares an appeal or two
    /// with the edited one does not take over its name.
    /// </summary>
    public const double Threshold = 0.3;

    public static double Jaccard(IReadOnlyCollection<long> a, IReadOnlySet<long> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var common = a.Count(b.Contains);
        return (double)common / (a.Count + b.Count - common);
    }

    /// <summary>The topic overlapping the ids most, at least by the threshold; ties go to the earlier (hotter) topic.</summary>
    public static WorkingTopic? Match(IReadOnlyList<WorkingTopic> topics, IReadOnlyCollection<long>? ids, WorkingTopic? except = null)
    {
        if (ids is not { Count: > 0 }) return null;
        var set = ids as IReadOnlySet<long> ?? ids.ToHashSet();
        WorkingTopic? best = null;
        var bestScore = 0.0;
        foreach (var t in topics)
        {
            if (ReferenceEquals(t, except)) continue;
            var score = Jaccard(set, t.Members);
            if (score >= Threshold && score > bestScore) (best, bestScore) = (t, score);
        }
        return best;
    }

    public static EditOutcome Apply(List<WorkingTopic> topics, EditData edit)
    {
        switch (edit.Kind)
        {
            case TopicEditKind.Merge:
                return Merge(topics, edit);
            case TopicEditKind.Split:
                return Split(topics, edit);
        }
        if (Match(topics, edit.Anchor) is not { } t) return new(null, edit.Anchor.ToList(), edit.Other?.ToList());
        switch (edit.Kind)
        {
            case TopicEditKind.Rename: t.Title = edit.Value ?? t.Title; break;
            case TopicEditKind.Pin: t.Pinned = true; break;
            case TopicEditKind.Unpin: t.Pinned = false; break;
            case TopicEditKind.Dismiss: t.Dismissed = true; break;
            case TopicEditKind.Restore: t.Dismissed = false; break;
        }
        return new(t, Sorted(t.Members), null);
    }

    /// <summary>The other topic's appeals join the anchor's topic, which keeps its title and takes a pin from either.</summary>
    private static EditOutcome Merge(List<WorkingTopic> topics, EditData edit)
    {
        var into = Match(topics, edit.Anchor);
        var from = Match(topics, edit.Other, except: into);
        if (into is null && from is null)
        {
            // The detector may now put both halves into one topic itself: then the merge is already done.
            var both = Match(topics, edit.Anchor.Concat(edit.Other ?? []).ToHashSet());
            return new(both, edit.Anchor.ToList(), edit.Other?.ToList());
        }
        if (into is null || from is null)
        {
            // One half is gone from the period: nothing left to merge, the edit stays with the half that is there.
            var only = into ?? from!;
            return new(only, into is null ? edit.Anchor.ToList() : Sorted(only.Members), from is null ? edit.Other?.ToList() : Sorted(only.Members));
        }
        var outcome = new EditOutcome(into, Sorted(into.Members), Sorted(from.Members));
        into.Members.UnionWith(from.Members);
        into.Pinned |= from.Pinned;
        into.KeyPhrases = into.KeyPhrases.Concat(from.KeyPhrases).Distinct().ToList();
        into.Places = into.Places.Concat(from.Places).Distinct().ToList();
        into.Reshaped = true;
        topics.Remove(from);
        return outcome;
    }

    /// <summary>The chosen appeals still in the topic leave it for a new topic placed right after it.</summary>
    private static EditOutcome Split(List<WorkingTopic> topics, EditData edit)
    {
        if (Match(topics, edit.Anchor) is not { } source) return new(null, edit.Anchor.ToList(), edit.Other?.ToList());
        var anchor = Sorted(source.Members);
        var moved = (edit.Other ?? []).Where(source.Members.Contains).ToHashSet();
        if (moved.Count == 0 || moved.Count == source.Members.Count) return new(source, anchor, edit.Other?.ToList());
        source.Members.ExceptWith(moved);
        source.Reshaped = true;
        var part = new WorkingTopic
        {
            Title = string.IsNullOrWhiteSpace(edit.Value) ? source.Title + "（拆分）" : edit.Value,
            GeneratedTitle = source.GeneratedTitle,
            KeyPhrases = source.KeyPhrases.ToList(),
            Places = source.Places.ToList(),
            Members = moved,
            Pinned = source.Pinned,
            Reshaped = true,
        };
        topics.Insert(topics.IndexOf(source) + 1, part);
        return new(source, anchor, edit.Other?.ToList());
    }

    private static List<long> Sorted(IEnumerable<long> ids) => ids.Order().ToList();
}
