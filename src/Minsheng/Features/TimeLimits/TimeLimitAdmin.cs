using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.TimeLimits;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.TimeLimits;

/// <summary>
/// Time-limit policies, the rules and the working calendar, shared by the API and the admin pages. Every county
/// reads them; only the admin at the top of the tree changes them.
/// </summary>
public sealed class TimeLimitAdmin(MinshengDb db, AuditedCommit commit, TimeLimitCache cache, CurrentUser me, TimeProvider clock)
{
    public IEnumerable<PolicyView> Policies() =>
        cache.Current.Policies.OrderBy(p => p.Tier).ThenBy(p => p.Type).ThenBy(p => p.Stage).ThenByDescending(p => p.EffectiveFrom)
            .Select(p => new PolicyView(p.Id, p.Tier, p.Type, p.Stage, p.Amount, p.Unit, p.EffectiveFrom, p.Note));

    /// <summary>A change is a new row effective now: appeals dispatched before keep the deadlines they got.</summary>
    public async Task<PolicyView> AddPolicyAsync(PolicyRequest b, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        var errors = new FieldErrors();
        if (b.Tier is null) errors.Add("tier", "请选择办理层级。");
        if (b.Stage is null) errors.Add("stage", "请选择环节。");
        if (b.Unit is null) errors.Add("unit", "请选择计时单位。");
        if (b.Amount is null) errors.Add("amount", "请填写时限。");
        errors.ThrowIfAny();
        var policy = new TimeLimitPolicy(b.Tier!.Value, b.Type, b.Stage!.Value, b.Amount!.Value, b.Unit!.Value, clock.GetUtcNow(), b.Note);
        await commit.RunAsync(notes =>
        {
            db.Policies.Add(policy);
            notes.Record(AuditActions.PolicyAdd, $"{policy.Tier}/{policy.Type}/{policy.Stage}", $"{policy.Amount} {policy.Unit}");
            return Task.CompletedTask;
        }, ct);
        cache.Invalidate();
        return new PolicyView(policy.Id, policy.Tier, policy.Type, policy.Stage, policy.Amount, policy.Unit, policy.EffectiveFrom, policy.Note);
    }

    /// <summary>
    /// The API's PUT changes only the rules it names: `{}` used to bind as a record of defaults and silently reset
    /// every rule. An empty body is refused, so a client that lost its fields hears about it.
    /// </summary>
    public async Task<TimeLimitRules> ChangeRulesAsync(TimeLimitRulesChange? change, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        if (change is null || change.IsEmpty)
            throw new DomainValidationException("body", "请至少填写一项规则（如 maxExtensionDays）；未填写的规则保持不变。");
        return await SaveRulesAsync(change.ApplyTo, ct);
    }

    /// <summary>Saves a complete set of rules (the admin page submits every field).</summary>
    public async Task<TimeLimitRules> PutRulesAsync(TimeLimitRules rules, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        rules.Validate();
        return await SaveRulesAsync(_ => rules, ct);
    }

    /// <summary>
    /// One write path for the shared rules: the stored rules are read in the writing transaction (the cache may be
    /// another instance's minute old), turned into the new ones, validated, stored and audited.
    /// </summary>
    private async Task<TimeLimitRules> SaveRulesAsync(Func<TimeLimitRules, TimeLimitRules> next, CancellationToken ct)
    {
        var rules = await commit.RunAsync(async notes =>
        {
            var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == TimeLimitCache.RulesKey, ct);
            var current = row is null ? new TimeLimitRules() : JsonSerializer.Deserialize<TimeLimitRules>(row.Value) ?? new TimeLimitRules();
            var rules = next(current);
            rules.Validate();
            var json = JsonSerializer.Serialize(rules);
            if (row is null) db.Settings.Add(new SettingRow { Key = TimeLimitCache.RulesKey, Value = json });
            else row.Value = json;
            notes.Record(AuditActions.RulesUpdate, TimeLimitCache.RulesKey, json);
            return rules;
        }, ct);
        cache.Invalidate();
        return rules;
    }

    /// <summary>Every day of a year (default: this year in China) as the calendar counts it, and whether it was set by hand.</summary>
    public async Task<List<CalendarDayView>> CalendarAsync(int? year, CancellationToken ct)
    {
        var y = year ?? Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow()).Year;
        if (y is < 2000 or > 2099) throw new DomainValidationException("year", "年份应在 2000 到 2099 之间。");
        var overridden = (await db.CalendarDays.AsNoTracking().Select(d => d.Date).ToListAsync(ct)).ToHashSet();
        var calendar = cache.Current.Calendar;
        var days = new List<CalendarDayView>();
        for (var d = new DateOnly(y, 1, 1); d.Year == y; d = d.AddDays(1))
        {
            var info = calendar.Describe(d);
            days.Add(new CalendarDayView(d.ToString("yyyy-MM-dd"), info.IsWorkingDay, info.Name, info.Provisional, overridden.Contains(d.ToString("yyyy-MM-dd"))));
        }
        return days;
    }

    /// <summary>Warns until the State Council notice of this or next year is loaded.</summary>
    public CalendarStatus Status()
    {
        var year = Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow()).Year;
        var provisional = new[] { year, year + 1 }.Where(cache.Current.Calendar.IsProvisional).ToArray();
        return new CalendarStatus(provisional, provisional.Length == 0 ? null
            : $"{string.Join("、", provisional)} 年的国务院放假通知尚未载入，期限按法定节假日临时推算（不含调休）。请在通知发布后更新日历。");
    }

    private static DateOnly ParseDate(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2099
            ? d : throw new DomainValidationException("date", "日期格式应为 yyyy-MM-dd，且在 2000 到 2099 年之间。");

    /// <summary>Makes one day a working day or a rest day, overriding the national calendar.</summary>
    public async Task<CalendarDayView> SetDayAsync(string date, CalendarDayRequest b, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        var day = ParseDate(date);
        var errors = new FieldErrors().Text("name", b.Name, "名称", 50);
        if (b.IsWorkingDay is null) errors.Add("isWorkingDay", "请说明这一天是否上班。");
        errors.ThrowIfAny();
        var key = day.ToString("yyyy-MM-dd");
        await commit.RunAsync(async notes =>
        {
            var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == key, ct);
            if (row is null) db.CalendarDays.Add(row = new CalendarDayRow { Date = key });
            row.IsWorkingDay = b.IsWorkingDay!.Value;
            row.Name = b.Name!.Trim();
            notes.Record(AuditActions.CalendarSet, key, $"{row.IsWorkingDay} {row.Name}");
        }, ct);
        cache.Invalidate();
        var info = cache.Current.Calendar.Describe(day);
        return new CalendarDayView(key, info.IsWorkingDay, info.Name, info.Provisional, true);
    }

    /// <summary>Gives a day back to the national calendar; false when it had no override.</summary>
    public async Task<bool> RemoveDayAsync(string date, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        var key = ParseDate(date).ToString("yyyy-MM-dd");
        var removed = await commit.RunAsync(async notes =>
        {
            var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == key, ct);
            if (row is null) return false;
            db.CalendarDays.Remove(row);
            notes.Record(AuditActions.CalendarRemove, key);
            return true;
        }, ct);
        if (removed) cache.Invalidate();
        return removed;
    }
}
