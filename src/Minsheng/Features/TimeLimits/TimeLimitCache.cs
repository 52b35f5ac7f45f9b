using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.TimeLimits;
using Minsheng.Infrastructure;

namespace Minsheng.Features.TimeLimits;

/// <summary>
/// The calendar, policies and rules in force, built once and shared: deadlines are computed on every
/// dispatch and by the monitor. Refreshed when this instance changes them and at least every 30 seconds.
/// </summary>
public sealed class TimeLimitCache(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config)
{
    private readonly RefreshingSnapshot<Snapshot> _current = new(() => Load(scopes, clock, config), clock);

    /// <summary>Office hours for limits counted in hours, e.g. "08:30-12:00,14:30-17:30" (the default).</summary>
    public const string WorkingHoursSetting = "Calendar:WorkingHours";

    public const string RulesKey = "time_limit_rules";

    public sealed record Snapshot(WorkingCalendar Calendar, DeadlineSchedule Schedule, IReadOnlyList<TimeLimitPolicy> Policies, DateTimeOffset LoadedAt);

    public void Invalidate() => _current.Invalidate();

    public DeadlineSchedule Schedule => Current.Schedule;

    public Snapshot Current => _current.Value;

    private static Snapshot Load(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var overrides = db.CalendarDays.AsNoTracking().ToList()
            .Select(d => new CalendarOverride(DateOnly.ParseExact(d.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), d.IsWorkingDay, d.Name ?? ""));
        var hours = config[WorkingHoursSetting] is { Length: > 0 } text ? WorkingHours.Parse(text) : WorkingHours.Default;
        var calendar = WorkingCalendar.Create(overrides, hours);
        var policies = db.Policies.AsNoTracking().ToList();
        var rules = ReadRules(db);
        var schedule = new DeadlineSchedule(new PolicySet(policies), new CalendarWorkingTime(calendar), rules);
        return new Snapshot(calendar, schedule, policies, clock.GetUtcNow());
    }

    public static TimeLimitRules ReadRules(MinshengDb db) =>
        db.Settings.AsNoTracking().FirstOrDefault(s => s.Key == RulesKey) is { } row
            ? JsonSerializer.Deserialize<TimeLimitRules>(row.Value) ?? new TimeLimitRules()
            : new TimeLimitRules();

    /// <summary>Installs the default policies into a database that has none (first start).</summary>
    public static async Task EnsureDefaultsAsync(MinshengDb db, CancellationToken ct)
    {
        if (await db.Policies.AnyAsync(ct)) return;
        db.Policies.AddRange(PolicySet.Defaults(DateTimeOffset.UnixEpoch));
        await db.SaveChangesAsync(ct);
    }
}
