using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Analysis;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Calendar;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Analysis.HotTopics;

/// <summary>One appeal as topic detection and the topic figures see it.</summary>
public sealed record SourceAppeal(long Id, string? PersonKey, string Title, string Content, DateTimeOffset CreatedAt, int Supporters, string? Place)
{
    public TopicDocument ToDocument() => new(Id.ToString(System.Globalization.CultureInfo.InvariantCulture), PersonKey, Title, Content, CreatedAt, Supporters, Place);
}

/// <summary>A period of whole China days: from the start of the first day up to now (the last day is today, so far).</summary>
public sealed record TopicPeriod(int Days, DateTimeOffset Start, DateTimeOffset End, DateOnly FirstDay)
{
    public static readonly int[] Lengths = [7, 30, 90];

    public static TopicPeriod Ending(DateTimeOffset now, int days)
    {
        var first = ChinaTime.DateOf(now).AddDays(1 - days);
        return new(days, ChinaTime.At(first, TimeOnly.MinValue), now, first);
    }

    /// <summary>
    /// Where loading stops (exclusive): just after the end, so an appeal registered the very millisecond the topics are
    /// computed is in (timestamps are kept to the millisecond).
    /// </summary>
    public DateTimeOffset LoadUntil => End.AddMilliseconds(1);

    /// <summary>The period of equal length just before this one: what the trend compares with.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Previous => (Start.AddDays(-Days), Start);

    public int DayIndex(DateTimeOffset t) => Math.Clamp(ChinaTime.DateOf(t).DayNumber - FirstDay.DayNumber, 0, Days - 1);
}

/// <summary>
/// The documents of a jurisdiction: its appeals of every channel — owned by it, or whose region or lead unit lies in
/// it, as AppealScope reads a county's or city's scope — except duplicates merged into another (已并案, counted
/// on the one they joined) and appeals found invalid. The person is the normalised phone; the place the region unit
/// (village, township) or else the address; supporters come from appeal_supporters.
/// </summary>
public sealed class TopicSource(MinshengDb db, UnitTree units, AppealScope scope)
{
    private IQueryable<Appeal> Within(long jurisdictionId) => scope.OfJurisdiction(jurisdictionId).Visible().AsNoTracking();

    private IQueryable<Appeal> Counted(long jurisdictionId) =>
        Within(jurisdictionId).Where(a => a.Status != AppealStatus.Merged && a.Status != AppealStatus.Invalid);

    public async Task<List<SourceAppeal>> LoadAsync(long jurisdictionId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var rows = await Counted(jurisdictionId).Where(a => a.CreatedAt >= start && a.CreatedAt < end)
            .Select(a => new
            {
                a.Id, a.CitizenPhone, a.Title, a.Content, a.CreatedAt, a.RegionUnitId, a.Address,
                Supporters = db.Set<AppealSupporters>().Where(s => s.AppealId == a.Id).Select(s => (int?)s.Supporters).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Select(a => new SourceAppeal(a.Id, PersonKey(a.CitizenPhone), a.Title, a.Content, a.CreatedAt, a.Supporters ?? 0,
                a.RegionUnitId is { } r && units.Find(r) is { } u ? u.Name : string.IsNullOrWhiteSpace(a.Address) ? null : a.Address.Trim()))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToList();
    }

    /// <summary>
    /// The latest change to the jurisdiction's appeals or their supporters, and how many appeals it has: the
    /// background pass recomputes a jurisdiction only when either moved since its last run.
    /// </summary>
    public async Task<SourceState> StateAsync(long jurisdictionId, CancellationToken ct)
    {
        var appeals = Within(jurisdictionId);
        var count = await appeals.CountAsync(ct);
        var changed = await appeals.MaxAsync(a => (DateTimeOffset?)a.UpdatedAt, ct) ?? DateTimeOffset.UnixEpoch;
        var supported = await db.Set<AppealSupporters>().AsNoTracking().Where(s => appeals.Any(a => a.Id == s.AppealId))
            .MaxAsync(s => (DateTimeOffset?)s.UpdatedAt, ct) ?? DateTimeOffset.UnixEpoch;
        return new SourceState(changed > supported ? changed : supported, count);
    }

    /// <summary>
    /// Whether any of the jurisdiction's appeals, or their supporters, changed after <paramref name="mark"/> (a run's
    /// <see cref="HotTopicRun.SourceMark"/>). Reads only the rows updated since (ix_appeals_updated_at), where
    /// <see cref="StateAsync"/> counts the jurisdiction's whole history: at a million appeals that count took seconds
    /// per jurisdiction on every pass. Appeals are never deleted, and every change to one moves its UpdatedAt, so
    /// "nothing updated since the mark" means the state is the one the run saw.
    /// </summary>
    public async Task<bool> ChangedSinceAsync(long jurisdictionId, DateTimeOffset mark, CancellationToken ct)
    {
        var appeals = Within(jurisdictionId);
        if (await appeals.AnyAsync(a => a.UpdatedAt > mark, ct)) return true;
        return await db.Set<AppealSupporters>().AsNoTracking().Where(s => s.UpdatedAt > mark).AnyAsync(s => appeals.Any(a => a.Id == s.AppealId), ct);
    }

    /// <summary>Digits only, without the +86 country prefix: the same phone written two ways is one person.</summary>
    public static string? PersonKey(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86", StringComparison.Ordinal)) digits = digits[2..];
        return digits.Length == 0 ? null : "tel:" + digits;
    }
}
