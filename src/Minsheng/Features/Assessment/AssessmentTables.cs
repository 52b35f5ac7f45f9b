using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Domain.Assessment;

namespace Minsheng.Features.Assessment;

/// <summary>A jurisdiction's assessment scheme, stored as JSON (<see cref="AssessmentScheme.ToJson"/>).</summary>
public sealed class SchemeRow
{
    public long Id { get; set; }
    public long JurisdictionId { get; set; }
    public string SchemeJson { get; set; } = "";
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One unit's score in one period. Rewritten on every recomputation while the month is open; once the period is
/// frozen nothing writes these rows again, so they are the snapshot. <see cref="DetailJson"/> holds the rates and
/// the items (<see cref="ScoreDetail"/>) as they were when computed; <see cref="RatesJson"/> the rates alone, written
/// with it, for the pages that show only rates (rows written before migration 028 were filled from their detail).
/// </summary>
public sealed class AssessmentRow
{
    public long Id { get; set; }
    public long PeriodId { get; set; }
    public long UnitId { get; set; }
    public string UnitName { get; set; } = "";
    public string GroupName { get; set; } = "";
    public int? Rank { get; set; }
    public int GroupSize { get; set; }
    public double? Score { get; set; }
    public double? RatePart { get; set; }
    public double Deductions { get; set; }
    public double Bonus { get; set; }
    public int Received { get; set; }
    public string DetailJson { get; set; } = "";
    public string? RatesJson { get; set; }
}

internal sealed class SchemeRowMap : IEntityTypeConfiguration<SchemeRow>
{
    public void Configure(EntityTypeBuilder<SchemeRow> e) => e.ToTable("assessment_schemes");
}

internal sealed class AssessmentRowMap : IEntityTypeConfiguration<AssessmentRow>
{
    public void Configure(EntityTypeBuilder<AssessmentRow> e) => e.ToTable("assessment_rows");
}

internal sealed class AssessmentPeriodMap : IEntityTypeConfiguration<AssessmentPeriod>
{
    public void Configure(EntityTypeBuilder<AssessmentPeriod> e)
    {
        e.ToTable("assessment_periods");
        e.Property(p => p.Version).IsConcurrencyToken();
        e.Ignore(p => p.MayRecompute);
        e.Ignore(p => p.IsFinal);
        e.Ignore(p => p.VisibleToUnits);
    }
}

internal sealed class ScoreAppealMap : IEntityTypeConfiguration<ScoreAppeal>
{
    public void Configure(EntityTypeBuilder<ScoreAppeal> e) => e.ToTable("score_appeals");
}

internal sealed class ForceMajeureMap : IEntityTypeConfiguration<ForceMajeure>
{
    public void Configure(EntityTypeBuilder<ForceMajeure> e)
    {
        e.ToTable("force_majeure");
        e.Ignore(f => f.Units);
    }
}
