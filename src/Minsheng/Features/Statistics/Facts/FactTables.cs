using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Statistics.Facts;

/// <summary>
/// A row of the live fact SELECT (<see cref="FactsSql.Select"/>): the appeals registered on one China day (<see cref="Day"/>,
/// days since 1970-01-01) that share owner, place, lead unit, category, channel and type, with the counts behind every
/// figure (<see cref="Tally"/>). Not stored: the days the stored facts do not hold (today, dirty days) are read through
/// it, and the three unit ids are the ones <c>AppealScope</c> filters by, so any scope applies to it exactly.
/// </summary>
public sealed class DailyFact
{
    public int Day { get; set; }
    public long? JurisdictionId { get; set; }
    public long? RegionUnitId { get; set; }
    public long? LeadUnitId { get; set; }
    public long? CategoryId { get; set; }
    public Channel Channel { get; set; }
    public AppealType Type { get; set; }
    public int Received { get; set; }
    public int Closed { get; set; }
    public int OnTimeClosed { get; set; }
    public int SignForDecided { get; set; }
    public int SignedOnTime { get; set; }
    public int ResolvedRecorded { get; set; }
    public int ResolvedYes { get; set; }
    public int Reached { get; set; }
    public int Satisfied { get; set; }
}

/// <summary>
/// One row of appeal_scope_facts: for one China day and one scope (<see cref="ScopeId"/>: a unit whose staff's
/// AppealScope it answers, 0 for everything), the counts of the appeals that scope sees, grouped by one dimension
/// (<see cref="Dim"/>): "ct" per channel and type, "tr" per channel (the trend), "cat" per category root
/// (<see cref="KeyId"/>; 0: 未分类), "town" per township (KeyId; -1: a county-level place; 0: no place), "lead" per lead
/// unit (KeyId). Each dimension is kept apart, so a scope's day holds a few dozen rows however finely its appeals are
/// spread over places and units. Dimensions ending in ".m" are the same counts summed over a calendar month, keyed by
/// the month's first day, so a year reads twelve of them. No column is null (the table is keyed by all of them).
/// </summary>
public sealed class ScopeFact
{
    public int Day { get; set; }
    public long ScopeId { get; set; }
    public string Dim { get; set; } = "";
    /// <summary>The Channel name for "ct" and "tr", else "".</summary>
    public string Channel { get; set; } = "";
    /// <summary>The AppealType name for "ct", else "".</summary>
    public string Type { get; set; } = "";
    public long KeyId { get; set; }
    public int Received { get; set; }
    public int Closed { get; set; }
    public int OnTimeClosed { get; set; }
    public int SignForDecided { get; set; }
    public int SignedOnTime { get; set; }
    public int ResolvedRecorded { get; set; }
    public int ResolvedYes { get; set; }
    public int Reached { get; set; }
    public int Satisfied { get; set; }
}

/// <summary>A day the facts hold: when it was built, and the earliest sign-for deadline of its appeals still pending then.</summary>
public sealed class FactDay
{
    public int Day { get; set; }
    public DateTimeOffset BuiltAt { get; set; }
    /// <summary>The day's facts are right until this instant (a pending sign-for becomes decided after it); null: for good.</summary>
    public DateTimeOffset? StaleAt { get; set; }
}

/// <summary>An appended note that a change touched the appeals of <see cref="Day"/>; the rebuild that read it deletes it.</summary>
public sealed class FactDirtyMark
{
    public long Id { get; set; }
    public int Day { get; set; }
}

internal sealed class DailyFactConfiguration : IEntityTypeConfiguration<DailyFact>
{
    // No table: rows come only from FactsSql.Select through FromSqlRaw.
    public void Configure(EntityTypeBuilder<DailyFact> e) => e.HasNoKey().ToTable((string?)null);
}

internal sealed class ScopeFactConfiguration : IEntityTypeConfiguration<ScopeFact>
{
    public void Configure(EntityTypeBuilder<ScopeFact> e)
    {
        e.ToTable("appeal_scope_facts").HasNoKey();
    }
}

internal sealed class FactDayConfiguration : IEntityTypeConfiguration<FactDay>
{
    public void Configure(EntityTypeBuilder<FactDay> e)
    {
        e.ToTable("fact_days").HasKey(d => d.Day);
        e.Property(d => d.Day).ValueGeneratedNever();
    }
}

internal sealed class FactDirtyMarkConfiguration : IEntityTypeConfiguration<FactDirtyMark>
{
    public void Configure(EntityTypeBuilder<FactDirtyMark> e) => e.ToTable("fact_dirty_marks");
}

/// <summary>China calendar days as the facts number them.</summary>
public static class FactDays
{
    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;
    private static readonly long OffsetMs = (long)Domain.Calendar.ChinaTime.Offset.TotalMilliseconds;

    public static int Of(DateOnly date) => date.DayNumber - Epoch;

    public static DateOnly Date(int day) => DateOnly.FromDayNumber(Epoch + day);

    /// <summary>The China day an instant falls on (floor division, as the SQL computes it).</summary>
    public static int Of(DateTimeOffset instant) => (int)Math.Floor((instant.ToUnixTimeMilliseconds() + OffsetMs) / 86_400_000.0);

    public static DateTimeOffset Start(int day) => Domain.Calendar.ChinaTime.At(Date(day), TimeOnly.MinValue);

    /// <summary>The first day of the calendar month holding <paramref name="day"/>.</summary>
    public static int MonthOf(int day)
    {
        var d = Date(day);
        return Of(new DateOnly(d.Year, d.Month, 1));
    }

    /// <summary>The first day of the next calendar month.</summary>
    public static int NextMonth(int day)
    {
        var d = Date(MonthOf(day));
        return Of(d.AddMonths(1));
    }

    /// <summary>[from, to] cut at month boundaries: each piece lies within one calendar month.</summary>
    public static IEnumerable<(int From, int To)> ByMonth(int from, int to)
    {
        for (var d = from; d <= to; d = NextMonth(d)) yield return (d, Math.Min(to, NextMonth(d) - 1));
    }
}
