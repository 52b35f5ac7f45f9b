using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.TimeLimits;
using Minsheng.Features.Audit;
using Minsheng.Features.Knowledge;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Appeals.Actions;

/// <summary>
/// What an action's code may use while it runs inside <see cref="AppealCommands"/>' audited transaction: the appeal
/// (loaded within the caller's scope), the actor, the time, the deadline schedule and the audit notes for extra entries.
/// </summary>
public sealed record ActionRun(
    Appeal Appeal, Actor Actor, DateTimeOffset Now, DeadlineSchedule Schedule, DirectAnswerSettings DirectAnswer,
    UnitTree Units, MinshengDb Db, AppealScope Scope, AuditNotes Notes, CancellationToken Ct);
