using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Domain.TimeLimits;
using Minsheng.Features.Appeals;

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

    private static IEnumerable<PolicyView> Policies(TimeLimitAdmin limits) => limits.Policies();

    private static async Task<Created<PolicyView>> AddPolicy(PolicyRequest body, TimeLimitAdmin limits, CancellationToken ct) =>
        TypedResults.Created("/api/policies", await limits.AddPolicyAsync(body, ct));

    private static async Task<Ok<TimeLimitRules>> ChangeRules(TimeLimitRulesChange? change, TimeLimitAdmin limits, CancellationToken ct) =>
        TypedResults.Ok(await limits.ChangeRulesAsync(change, ct));

    private static async Task<Ok<List<CalendarDayView>>> Calendar(int? year, TimeLimitAdmin limits, CancellationToken ct) =>
        TypedResults.Ok(await limits.CalendarAsync(year, ct));

    private static Ok<CalendarStatus> Status(TimeLimitAdmin limits) => TypedResults.Ok(limits.Status());

    private static async Task<Ok<CalendarDayView>> PutDay(string date, CalendarDayRequest body, TimeLimitAdmin limits, CancellationToken ct) =>
        TypedResults.Ok(await limits.SetDayAsync(date, body, ct));

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteDay(string date, TimeLimitAdmin limits, CancellationToken ct) =>
        await limits.RemoveDayAsync(date, ct) ? TypedResults.NoContent() : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "该日没有自定义设置" });

    private static async Task<Results<Ok<IReadOnlyList<ClockView>>, NotFound<ProblemDetails>>> Deadlines(long id, AppealCommands commands, AppealPresenter presenter, CancellationToken ct) =>
        await commands.LoadAsync(id, ct) is { } appeal
            ? TypedResults.Ok((await presenter.DetailAsync(appeal, ct)).Clocks)
            : AppealsApi.NotFoundProblem(id);
}
