using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Priorities;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.Priorities;

/// <summary>
/// How many appeals of a jurisdiction raised a problem, month by month (China time): those whose title or content holds
/// any of the key phrases and, when a place is given, name it (in text or address) or lie in a unit of that name.
/// Only the matching appeals' timestamps leave the database. Months before the jurisdiction's records begin (a new
/// deployment, an import that starts mid-month) are left out rather than counted as months without appeals.
/// </summary>
public sealed class TopicVolumeQuery(UnitTree units, AppealScope scope, MinshengDb db)
{
    /// <summary>
    /// Each jurisdiction's first record, once per request (the class is scoped): the portal's 每月一题 page asks for
    /// every published priority of the jurisdiction, and the minimum over its appeals is the same answer each time.
    /// </summary>
    private readonly Dictionary<long, DateTimeOffset?> _firstRecords = [];

    private async Task<DateTimeOffset?> FirstRecordAsync(long jurisdictionId, CancellationToken ct)
    {
        if (_firstRecords.TryGetValue(jurisdictionId, out var known)) return known;
        var first = await scope.OfJurisdiction(jurisdictionId).Visible().MinAsync(a => (DateTimeOffset?)a.CreatedAt, ct);
        return _firstRecords[jurisdictionId] = first;
    }

    public async Task<IReadOnlyList<MonthCount>> MonthlyAsync(long jurisdictionId, IReadOnlyList<string> phrases, string? place,
        PriorityMonth from, PriorityMonth to, CancellationToken ct)
    {
        var subtree = units.Subtree(jurisdictionId).ToArray();
        var first = await FirstRecordAsync(jurisdictionId, ct);
        if (first is null) return [];
        var firstDay = ChinaTime.DateOf(first.Value);
        var firstFull = firstDay.Day == 1 ? PriorityMonth.Of(firstDay) : PriorityMonth.Of(firstDay).AddMonths(1);
        if (firstFull > from) from = firstFull;
        if (from > to || phrases.Count == 0) return from > to ? [] : VolumeComparison.Bucket([], from, to);
        var start = new DateTimeOffset(from.FirstDay.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        var end = new DateTimeOffset(to.AddMonths(1).FirstDay.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        var q = scope.OfJurisdiction(jurisdictionId).Visible().AsNoTracking().Where(a => a.MergedIntoId == null && a.CreatedAt >= start && a.CreatedAt < end);
        // Through the appeal search's gram index (the plain LIKE scan read every appeal of the period on PostgreSQL).
        q = AppealTextSearch.MatchingAny(q, phrases, db);
        if (!string.IsNullOrWhiteSpace(place))
        {
            var p = place.Trim();
            var placeUnits = subtree.Where(id => units.NameOf(id).Contains(p)).ToArray();
            q = q.Where(a => a.Title.Contains(p) || a.Content.Contains(p) || (a.Address != null && a.Address.Contains(p))
                             || (a.RegionUnitId != null && placeUnits.Contains(a.RegionUnitId.Value)));
        }
        var times = await q.Select(a => a.CreatedAt).ToListAsync(ct);
        return VolumeComparison.Bucket(times.Select(t => ChinaTime.DateOf(t)), from, to);
    }
}
