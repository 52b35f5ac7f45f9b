using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Minsheng.Features.Analysis.HotTopics;

/// <summary>When a jurisdiction's topics of one period length were last computed, and the source as it was then.</summary>
public sealed class HotTopicRun
{
    public long JurisdictionId { get; private set; }
    public int Days { get; private set; }
    public DateTimeOffset PeriodStart { get; private set; }
    public DateTimeOffset PeriodEnd { get; private set; }
    public DateTimeOffset ComputedAt { get; private set; }
    /// <summary>The latest change among the jurisdiction's appeals and their supporters when computed.</summary>
    public DateTimeOffset SourceMark { get; private set; }
    public int SourceCount { get; private set; }
    public int Documents { get; private set; }

    private HotTopicRun() { }

    public HotTopicRun(long jurisdictionId, int days)
    {
        JurisdictionId = jurisdictionId;
        Days = days;
    }

    public void Set(DateTimeOffset start, DateTimeOffset end, DateTimeOffset at, SourceState source, int documents)
    {
        (PeriodStart, PeriodEnd, ComputedAt, SourceMark, SourceCount, Documents) = (start, end, at, source.Mark, source.Count, documents);
    }
}

/// <summary>What the source of a jurisdiction looks like: the last change and the number of appeals (a deletion shows in the count).</summary>
public sealed record SourceState(DateTimeOffset Mark, int Count);

/// <summary>One stored topic: the detector's result with the analysts' edits applied, ranked within its jurisdiction and period.</summary>
public sealed class HotTopic
{
    public long Id { get; private set; }
    public long JurisdictionId { get; private set; }
    public int Days { get; private set; }
    public int Rank { get; set; }
    public string Title { get; set; } = "";
    public string GeneratedTitle { get; set; } = "";
    public List<string> KeyPhrases { get; set; } = [];
    public List<string> Places { get; set; } = [];
    public DateTimeOffset FirstAt { get; set; }
    public DateTimeOffset LastAt { get; set; }
    public int Appeals { get; set; }
    public int People { get; set; }
    public int Supporters { get; set; }
    public int PreviousAppeals { get; set; }
    public int ActiveDays { get; set; }
    public double Heat { get; set; }
    public double HeatVolume { get; set; }
    public double HeatPeople { get; set; }
    public double HeatSupport { get; set; }
    public double HeatRecency { get; set; }
    public double HeatPersistence { get; set; }
    /// <summary>Appeals per China day of the period, oldest first: the sparkline.</summary>
    public List<int> Daily { get; set; } = [];
    public bool Pinned { get; set; }
    public bool Dismissed { get; set; }
    /// <summary>Merged or split by an analyst: its members are not the detector's.</summary>
    public bool Reshaped { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    public List<HotTopicMember> Members { get; private set; } = [];

    private HotTopic() { }

    public HotTopic(long jurisdictionId, int days)
    {
        JurisdictionId = jurisdictionId;
        Days = days;
    }
}

public sealed class HotTopicMember
{
    public long TopicId { get; private set; }
    public long AppealId { get; private set; }

    private HotTopicMember() { }

    public HotTopicMember(long appealId) => AppealId = appealId;
}

public enum TopicEditKind
{
    Rename,
    Merge,
    Split,
    Pin,
    Unpin,
    Dismiss,
    Restore,
}

/// <summary>
/// An analyst's edit, kept as data so that it can be applied again to every recomputation: the members of the topic it
/// was made on (its anchor), and for a merge the other topic's members, for a split the appeals moved out.
/// </summary>
public sealed class HotTopicEdit
{
    public long Id { get; private set; }
    public long JurisdictionId { get; private set; }
    public int Days { get; private set; }
    public TopicEditKind Kind { get; private set; }
    public List<long> Anchor { get; set; } = [];
    public List<long>? Other { get; set; }
    public string? Value { get; private set; }
    /// <summary>The stored topic it applied to last time (null when it matched none).</summary>
    public long? TopicId { get; set; }
    /// <summary>False when the last recomputation found no topic overlapping its anchor enough: kept, tried again next time.</summary>
    public bool Attached { get; set; } = true;
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset AppliedAt { get; set; }

    private HotTopicEdit() { }

    public HotTopicEdit(long jurisdictionId, int days, TopicEditKind kind, List<long> anchor, List<long>? other, string? value, DateTimeOffset at, string by)
    {
        (JurisdictionId, Days, Kind, Anchor, Other, Value, CreatedAt, CreatedBy, AppliedAt) = (jurisdictionId, days, kind, anchor, other, value, at, by, at);
    }
}

/// <summary>Supporters of an appeal (我也遇到 today, imported likes later): the column topic detection reads.</summary>
public sealed class AppealSupporters
{
    public long AppealId { get; private set; }
    public int Supporters { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private AppealSupporters() { }

    public AppealSupporters(long appealId) => AppealId = appealId;

    public void Add(int n, DateTimeOffset at)
    {
        Supporters += n;
        UpdatedAt = at;
    }
}

/// <summary>One 我也遇到 on a published case: a browser's random id (from its signed cookie) and a keyed hash of its address.</summary>
public sealed class CaseSupport
{
    public long Id { get; private set; }
    public long PublishedCaseId { get; private set; }
    public string Supporter { get; private set; } = "";
    public string Address { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }

    private CaseSupport() { }

    public CaseSupport(long caseId, string supporter, string address, DateTimeOffset at) =>
        (PublishedCaseId, Supporter, Address, CreatedAt) = (caseId, supporter, address, at);
}

internal static class JsonColumn
{
    public static ValueConverter<List<T>, string> Of<T>() => new(v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
        s => JsonSerializer.Deserialize<List<T>>(s, (JsonSerializerOptions?)null) ?? new List<T>());

    public static ValueComparer<List<T>> Compare<T>() => new((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)), v => v.ToList());
}

internal sealed class HotTopicRunMap : IEntityTypeConfiguration<HotTopicRun>
{
    public void Configure(EntityTypeBuilder<HotTopicRun> e)
    {
        e.ToTable("hot_topic_runs");
        e.HasKey(r => new { r.JurisdictionId, r.Days });
    }
}

internal sealed class HotTopicMap : IEntityTypeConfiguration<HotTopic>
{
    public void Configure(EntityTypeBuilder<HotTopic> e)
    {
        e.ToTable("hot_topics");
        e.Property(t => t.KeyPhrases).HasConversion(JsonColumn.Of<string>(), JsonColumn.Compare<string>());
        e.Property(t => t.Places).HasConversion(JsonColumn.Of<string>(), JsonColumn.Compare<string>());
        e.Property(t => t.Daily).HasConversion(JsonColumn.Of<int>(), JsonColumn.Compare<int>());
        e.HasMany(t => t.Members).WithOne().HasForeignKey(m => m.TopicId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HotTopicMemberMap : IEntityTypeConfiguration<HotTopicMember>
{
    public void Configure(EntityTypeBuilder<HotTopicMember> e)
    {
        e.ToTable("hot_topic_members");
        e.HasKey(m => new { m.TopicId, m.AppealId });
    }
}

internal sealed class HotTopicEditMap : IEntityTypeConfiguration<HotTopicEdit>
{
    public void Configure(EntityTypeBuilder<HotTopicEdit> e)
    {
        e.ToTable("hot_topic_edits");
        e.Property(x => x.Anchor).HasConversion(JsonColumn.Of<long>(), JsonColumn.Compare<long>());
        e.Property(x => x.Other).HasConversion(JsonColumn.Of<long>()!, JsonColumn.Compare<long>()!);
    }
}

internal sealed class AppealSupportersMap : IEntityTypeConfiguration<AppealSupporters>
{
    public void Configure(EntityTypeBuilder<AppealSupporters> e)
    {
        e.ToTable("appeal_supporters");
        e.HasKey(s => s.AppealId);
    }
}

internal sealed class CaseSupportMap : IEntityTypeConfiguration<CaseSupport>
{
    public void Configure(EntityTypeBuilder<CaseSupport> e)
    {
        e.ToTable("case_supports");
        e.HasIndex(s => new { s.PublishedCaseId, s.Supporter }).IsUnique();
    }
}
