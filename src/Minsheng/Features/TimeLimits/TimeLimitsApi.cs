using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Domain.TimeLimits;
using Minsheng.Features.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.TimeLimits;

public sealed record PolicyView(long Id, Tier Tier, AppealType? Type, Stage Stage, int Amount, LimitUnit Unit, DateTimeOffset EffectiveFrom, string? Note);

public sealed record PolicyRequest(Tier? Tier, AppealType? Type, Stage? Stage, int? Amount, LimitUnit? Unit, string? Note);

public sealed record CalendarDayView(string Date, bool IsWorkingDay, string? Name, bool Provisional, bool Overridden);

public sealed record CalendarDayRequest(bool? IsWorkingDay, string? Name);

/// <summary>PUT /api/time-limit-rules: every field is optional and only the fields sent change (a missing field keeps its value).</summary>
public sealed record TimeLimitRulesChange(int? MaxExtensionDays, int? ExtensionRequestLeadHours, int? ReturnWithinWorkingDays,
    int? ReminderLeadWorkingHours, int? SupervisionAfterWorkingDays, int? BounceThreshold, int? RepeatThreshold, int? RepeatWindowDays)
{
    public bool IsEmpty => this == new TimeLimitRulesChange(null, null, null, null, null, null, null, null);

    public TimeLimitRules ApplyTo(TimeLimitRules r) => r with
    {
        MaxExtensionDays = MaxExtensionDays ?? r.MaxExtensionDays,
        ExtensionRequestLeadHours = ExtensionRequestLeadHours ?? r.ExtensionRequestLeadHours,
        ReturnWithinWorkingDays = ReturnWithinWorkingDays ?? r.ReturnWithinWorkingDays,
        ReminderLeadWorkingHours = ReminderLeadWorkingHours ?? r.ReminderLeadWorkingHours,
        SupervisionAfterWorkingDays = SupervisionAfterWorkingDays ?? r.SupervisionAfterWorkingDays,
        BounceThreshold = BounceThreshold ?? r.BounceThreshold,
        RepeatThreshold = RepeatThreshold ?? r.RepeatThreshold,
        RepeatWindowDays = RepeatWindowDays ?? r.RepeatWindowDays,
    };
}

public sealed record CalendarStatus(int[] ProvisionalYears, string? Warning);

/// <summary>Policies, rules and calendar: admins edit; staff read; each appeal shows its clocks.</summary>
public static class TimeLimitsApi
{
    public static void MapTimeLimitsApi(this IEndpointRouteBuilder app)
    {
        var admin = new[] { nameof(Role.Admin) };
        var readers = new[] { nameof(Role.Admin), nameof(Role.Supervisor), nameof(Role.Dispatcher), nameof(Role.Leader) };
        var g = app.MapGroup("/api").WithTags("时限");
        g.MapGet("/policies", Policies).RequireAuthorization(p => p.RequireRole(readers));
        g.MapPost("/policies", AddPolicy).RequireAuthorization(p => p.RequireRole(admin));
        g.MapGet("/time-limit-rules", (TimeLimitCache c) => c.Schedule.Rules).RequireAuthorization(p => p.RequireRole(readers));
        g.MapPut("/time-limit-rules", ChangeRules).RequireAuthorization(p => p.RequireRole(admin));
        g.MapGet("/calendar", Calendar).RequireAuthorization();
        g.MapGet("/calendar/status", Status).RequireAuthorization();
        g.MapPut("/calendar/days/{date}", PutDay).RequireAuthorization(p => p.RequireRole(admin));
        g.MapDelete("/calendar/days/{date}", DeleteDay).RequireAuthorization(p => p.RequireRole(admin));
        g.MapGet("/appeals/{id:long}/deadlines", Deadlines).RequireAuthorization();
    }

    internal static IEnumerable<PolicyView> Policies(TimeLimitCache cache) =>
        cache.Current.Policies.OrderBy(p => p.Tier).ThenBy(p => p.Type).ThenBy(p => p.Stage).ThenByDescending(p => p.EffectiveFrom)
            .Select(p => new PolicyView(p.Id, p.Tier, p.Type, p.Stage, p.Amount, p.Unit, p.EffectiveFrom, p.Note));

    /// <summary>A change is a new row effective now: appeals dispatched before keep the deadlines they got.</summary>
    internal static async Task<Created<PolicyView>> AddPolicy(PolicyRequest b, MinshengDb db, TimeLimitCache cache, AuditLog audit, CurrentUser me, TimeProvider clock, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        var errors = new FieldErrors();
        if (b.Tier is null) errors.Add("tier", "请选择办理层级。");
        if (b.Stage is null) errors.Add("stage", "请选择环节。");
        if (b.Unit is null) errors.Add("unit", "请选择计时单位。");
        if (b.Amount is null) errors.Add("amount", "请填写时限。");
        errors.ThrowIfAny();
        var policy = new TimeLimitPolicy(b.Tier!.Value, b.Type, b.Stage!.Value, b.Amount!.Value, b.Unit!.Value, clock.GetUtcNow(), b.Note);
        await db.WriteAsync(async () =>
        {
            db.Policies.Add(policy);
            await audit.AppendAsync(me.Username, "policy.add", "policy", $"{policy.Tier}/{policy.Type}/{policy.Stage}", $"{policy.Amount} {policy.Unit}", ct);
        }, ct);
        cache.Invalidate();
        return TypedResults.Created("/api/policies", new PolicyView(policy.Id, policy.Tier, policy.Type, policy.Stage, policy.Amount, policy.Unit, policy.EffectiveFrom, policy.Note));
    }

    /// <summary>
    /// The API's PUT changes only the rules it names: `{}` used to bind as a record of defaults and silently reset
    /// every rule. An empty body is refused, so a client that lost its fields hears about it.
    /// </summary>
    internal static async Task<TimeLimitRules> ChangeRules(TimeLimitRulesChange? change, MinshengDb db, TimeLimitCache cache, AuditLog audit, CurrentUser me, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        if (change is null || change.IsEmpty)
            throw new DomainValidationException("body", "请至少填写一项规则（如 maxExtensionDays）；未填写的规则保持不变。");
        return await SaveRulesAsync(change.ApplyTo, db, cache, audit, me, ct);
    }

    /// <summary>Saves a complete set of rules (the admin page submits every field).</summary>
    internal static async Task<TimeLimitRules> PutRules(TimeLimitRules rules, MinshengDb db, TimeLimitCache cache, AuditLog audit, CurrentUser me, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        rules.Validate();
        return await SaveRulesAsync(_ => rules, db, cache, audit, me, ct);
    }

    /// <summary>
    /// One write path for the shared rules: the stored rules are read in the writing transaction (the cache may be
    /// another instance's minute old), turned into the new ones, validated, stored and audited.
    /// </summary>
    private static async Task<TimeLimitRules> SaveRulesAsync(Func<TimeLimitRules, TimeLimitRules> next, MinshengDb db, TimeLimitCache cache,
        AuditLog audit, CurrentUser me, CancellationToken ct)
    {
        TimeLimitRules rules = null!;
        await db.WriteAsync(async () =>
        {
            var row = await db.Settings.FirstOrDefaultAsync(s => s.Key == TimeLimitCache.RulesKey, ct);
            var current = row is null ? new TimeLimitRules() : JsonSerializer.Deserialize<TimeLimitRules>(row.Value) ?? new TimeLimitRules();
            rules = next(current);
            rules.Validate();
            var json = JsonSerializer.Serialize(rules);
            if (row is null) db.Settings.Add(new SettingRow { Key = TimeLimitCache.RulesKey, Value = json });
            else row.Value = json;
            await audit.AppendAsync(me.Username, "rules.update", "settings", TimeLimitCache.RulesKey, json, ct);
        }, ct);
        cache.Invalidate();
        return rules;
    }

    internal static async Task<List<CalendarDayView>> Calendar(int? year, TimeLimitCache cache, MinshengDb db, TimeProvider clock, CancellationToken ct)
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
    internal static CalendarStatus Status(TimeLimitCache cache, TimeProvider clock)
    {
        var year = Domain.Calendar.ChinaTime.DateOf(clock.GetUtcNow()).Year;
        var provisional = new[] { year, year + 1 }.Where(cache.Current.Calendar.IsProvisional).ToArray();
        return new CalendarStatus(provisional, provisional.Length == 0 ? null
            : $"{string.Join("、", provisional)} 年的国务院放假通知尚未载入，期限按法定节假日临时推算（不含调休）。请在通知发布后更新日历。");
    }

    private static DateOnly ParseDate(string date) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2099
            ? d : throw new DomainValidationException("date", "日期格式应为 yyyy-MM-dd，且在 2000 到 2099 年之间。");

    internal static async Task<CalendarDayView> PutDay(string date, CalendarDayRequest b, MinshengDb db, TimeLimitCache cache, AuditLog audit, CurrentUser me, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        var day = ParseDate(date);
        var errors = new FieldErrors().Text("name", b.Name, "名称", 50);
        if (b.IsWorkingDay is null) errors.Add("isWorkingDay", "请说明这一天是否上班。");
        errors.ThrowIfAny();
        var key = day.ToString("yyyy-MM-dd");
        await db.WriteAsync(async () =>
        {
            var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == key, ct);
            if (row is null) db.CalendarDays.Add(row = new CalendarDayRow { Date = key });
            row.IsWorkingDay = b.IsWorkingDay!.Value;
            row.Name = b.Name!.Trim();
            await audit.AppendAsync(me.Username, "calendar.set", "calendar", key, $"{row.IsWorkingDay} {row.Name}", ct);
        }, ct);
        cache.Invalidate();
        var info = cache.Current.Calendar.Describe(day);
        return new CalendarDayView(key, info.IsWorkingDay, info.Name, info.Provisional, true);
    }

    internal static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteDay(string date, MinshengDb db, TimeLimitCache cache, AuditLog audit, CurrentUser me, CancellationToken ct)
    {
        me.RequireDeploymentAdmin();
        var key = ParseDate(date).ToString("yyyy-MM-dd");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == key, ct);
        if (row is null) return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "该日没有自定义设置" });
        db.CalendarDays.Remove(row);
        await audit.AppendAsync(me.Username, "calendar.remove", "calendar", key, null, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        cache.Invalidate();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<IReadOnlyList<ClockView>>, NotFound<ProblemDetails>>> Deadlines(long id, AppealCommands commands, AppealPresenter presenter, CancellationToken ct) =>
        await commands.LoadAsync(id, ct) is { } appeal
            ? TypedResults.Ok((await presenter.DetailAsync(appeal, ct)).Clocks)
            : AppealsApi.NotFoundProblem(id);
}
