using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Statistics.Facts;

/// <summary>
/// Marks the registration day of every appeal whose figures change as dirty, in the same SaveChanges (so the same
/// transaction) as the change itself: a reopened, redone, called-back, merged or re-dispatched appeal registered
/// months ago is read live until the facts of its day are rebuilt. Only the properties the overview counts or
/// scopes by matter; the monitor's NextCheckAt, drafts, texts and counters of other figures do not mark anything.
/// </summary>
public sealed class FactsInterceptor : SaveChangesInterceptor
{
    /// <summary>Stateless, so one instance serves every context.</summary>
    public static readonly FactsInterceptor Instance = new();

    /// <summary>Everything StatisticsService.Tallies, the breakdowns, the trend and AppealScope read from an appeal.</summary>
    public static readonly IReadOnlySet<string> Counted = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(Appeal.CreatedAt), nameof(Appeal.JurisdictionId), nameof(Appeal.RegionUnitId), nameof(Appeal.LeadUnitId),
        nameof(Appeal.CategoryId), nameof(Appeal.Channel), nameof(Appeal.Type), nameof(Appeal.Status), nameof(Appeal.ResolveDue),
        nameof(Appeal.RepliedAt), nameof(Appeal.ClosedAt), nameof(Appeal.SignForDue), nameof(Appeal.ClaimedAt),
        nameof(Appeal.Resolved), nameof(Appeal.CallbackOutcome),
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Mark(DbContext? context)
    {
        if (context is null) return;
        // SaveChanges detects changes after this hook; detect them now to see which properties moved.
        if (context.ChangeTracker.AutoDetectChangesEnabled) context.ChangeTracker.DetectChanges();
        var days = new HashSet<int>();
        foreach (var entry in context.ChangeTracker.Entries<Appeal>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    days.Add(FactDays.Of(entry.Entity.CreatedAt));
                    break;
                case EntityState.Deleted:
                    days.Add(FactDays.Of(entry.Property(a => a.CreatedAt).OriginalValue));
                    break;
                case EntityState.Modified when entry.Properties.Any(Changed):
                    days.Add(FactDays.Of(entry.Property(a => a.CreatedAt).OriginalValue));
                    days.Add(FactDays.Of(entry.Entity.CreatedAt));
                    break;
            }
        }
        foreach (var day in days) context.Set<FactDirtyMark>().Add(new FactDirtyMark { Day = day });
    }

    private static bool Changed(PropertyEntry p) =>
        p.IsModified && Counted.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue);
}
