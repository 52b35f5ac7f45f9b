using Minsheng.Domain.Analysis;
using Minsheng.Features.Appeals;

namespace Minsheng.Features.Analysis.HotTopics;

public sealed record TopicView(long Id, int Rank, string Title, string GeneratedTitle, IReadOnlyList<string> KeyPhrases, IReadOnlyList<string> Places,
    DateTimeOffset First, DateTimeOffset Last, int Appeals, int People, int Supporters, int PreviousAppeals, string Trend, double? TrendPercent,
    double Heat, HeatParts Parts, IReadOnlyList<int> Daily, bool Pinned, bool Dismissed, bool Reshaped)
{
    public static TopicView Of(HotTopic t) => new(t.Id, t.Rank, t.Title, t.GeneratedTitle, t.KeyPhrases, t.Places, t.FirstAt, t.LastAt,
        t.Appeals, t.People, t.Supporters, t.PreviousAppeals, TrendText(t.Appeals, t.PreviousAppeals), TrendPercentOf(t.Appeals, t.PreviousAppeals),
        t.Heat, new HeatParts(t.HeatVolume, t.HeatPeople, t.HeatSupport, t.HeatRecency, t.HeatPersistence), t.Daily, t.Pinned, t.Dismissed, t.Reshaped);

    /// <summary>Change against the previous period in percent; null when the previous period had none (a new topic).</summary>
    public static double? TrendPercentOf(int now, int before) => before == 0 ? null : Math.Round((now - before) * 100.0 / before, 1);

    public static string TrendText(int now, int before) => before == 0 ? "新出现"
        : now == before ? "持平"
        : now > before ? $"上升 {TrendPercentOf(now, before):0.#}%" : $"下降 {-TrendPercentOf(now, before):0.#}%";
}

public sealed record TopicListView(long JurisdictionId, string Jurisdiction, int Days, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd,
    DateTimeOffset? ComputedAt, int Documents, string HeatFormula, string TrendRule, IReadOnlyList<TopicView> Topics, IReadOnlyList<TopicView> Dismissed,
    int UnattachedEdits, bool MayEdit);

public sealed record TopicEditView(long Id, TopicEditKind Kind, string KindLabel, string? Value, int Moved, bool Attached, DateTimeOffset CreatedAt, string CreatedBy);

public sealed record TopicRef(long Id, string Title, int Appeals);

public sealed record TopicDetailView(TopicView Topic, long JurisdictionId, string Jurisdiction, int Days, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd,
    IReadOnlyList<AppealSummary> Appeals, IReadOnlyList<TopicEditView> Edits, IReadOnlyList<TopicRef> Others, bool MayEdit);

/// <summary>
/// An analyst's edit of a topic: kind is rename (title), merge (otherTopicId joins this topic), split (appealIds leave
/// for a new topic, optionally titled), pin, unpin, dismiss or restore.
/// </summary>
public sealed record TopicEditRequest(string? Kind, string? Title, long? OtherTopicId, long[]? AppealIds);

public sealed record RecomputeRequest(int? Days);

public sealed record RecomputeView(long JurisdictionId, string Jurisdiction, IReadOnlyList<RecomputedPeriod> Periods);

public sealed record RecomputedPeriod(int Days, int Documents, int Topics, DateTimeOffset ComputedAt);
