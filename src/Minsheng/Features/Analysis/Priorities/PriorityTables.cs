using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Minsheng.Domain.Priorities;

namespace Minsheng.Features.Analysis.Priorities;

internal sealed class MonthlyPriorityMap : IEntityTypeConfiguration<MonthlyPriority>
{
    public void Configure(EntityTypeBuilder<MonthlyPriority> e)
    {
        e.ToTable("monthly_priorities");
        e.Ignore(p => p.Phrases);
        e.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.PriorityId);
        e.HasMany(p => p.Progress).WithOne().HasForeignKey(m => m.PriorityId);
    }
}

internal sealed class PriorityMilestoneMap : IEntityTypeConfiguration<PriorityMilestone>
{
    public void Configure(EntityTypeBuilder<PriorityMilestone> e) => e.ToTable("priority_milestones");
}

internal sealed class PriorityProgressMap : IEntityTypeConfiguration<PriorityProgress>
{
    public void Configure(EntityTypeBuilder<PriorityProgress> e) => e.ToTable("priority_progress");
}

internal sealed class ProactivePlanMap : IEntityTypeConfiguration<ProactivePlan>
{
    public void Configure(EntityTypeBuilder<ProactivePlan> e)
    {
        e.ToTable("proactive_plans");
        e.Ignore(p => p.Phrases);
    }
}
