using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Appeals;
using Minsheng.Domain;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Organization;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Accountability;

public sealed record LeadView(long Id, LeadRule Rule, string RuleLabel, long AppealId, string? UnitName, string Summary,
    long[] EvidenceAppealIds, long[] EvidenceTimelineIds, LeadStatus Status, string StatusLabel, AccountabilityMeasure? Measure,
    string? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, DateTimeOffset CreatedAt, int Version);

public sealed record ConfirmLeadRequest(AccountabilityMeasure? Measure, string? Comment);

public sealed record DismissLeadRequest(string? Reason);

public sealed record ExposureView(string Unit, string Summary, string Measure, DateTimeOffset PublishedAt);

/// <summary>问责线索: supervisors confirm or dismiss and ask to publish; leaders approve publication on the 曝光台.</summary>
public static class LeadsApi
{
    public static void MapLeadsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/leads").WithTags("问责线索")
            .RequireAuthorization(p => p.RequireRole(nameof(Role.Supervisor), nameof(Role.Leader)));
        group.MapGet("/", List);
        group.MapPost("/{id:long}/confirm", Confirm).RequireAuthorization(p => p.RequireRole(nameof(Role.Supervisor)));
        group.MapPost("/{id:long}/dismiss", Dismiss).RequireAuthorization(p => p.RequireRole(nameof(Role.Supervisor)));
        group.MapPost("/{id:long}/request-publication", RequestPublication).RequireAuthorization(p => p.RequireRole(nameof(Role.Supervisor)));
        group.MapPost("/{id:long}/approve-publication", ApprovePublication).RequireAuthorization(p => p.RequireRole(nameof(Role.Leader)));
        app.MapGet("/api/public/exposure", Exposure).AllowAnonymous().WithTags("公众");
    }

    // Named (not inline) so the supervisor board page runs the very same decisions.
    public static Task<Results<Ok<LeadView>, NotFound<ProblemDetails>>> Confirm(long id, ConfirmLeadRequest b, Ctx c) =>
        c.Decide(id, "lead.confirm", (l, by, now) => l.Confirm(b.Measure ?? throw new DomainValidationException("measure", "请选择处理措施。"), b.Comment, by, now));

    public static Task<Results<Ok<LeadView>, NotFound<ProblemDetails>>> Dismiss(long id, DismissLeadRequest b, Ctx c) =>
        c.Decide(id, "lead.dismiss", (l, by, now) => l.Dismiss(b.Reason ?? "", by, now));

    public static Task<Results<Ok<LeadView>, NotFound<ProblemDetails>>> RequestPublication(long id, Ctx c) =>
        c.Decide(id, "lead.request-publication", (l, by, now) => l.RequestPublication(by, now));

    public static Task<Results<Ok<LeadView>, NotFound<ProblemDetails>>> ApprovePublication(long id, Ctx c) =>
        c.Decide(id, "lead.approve-publication", (l, by, now) => l.ApprovePublication(by, now));

    /// <summary>Leads on appeals within the caller's jurisdiction (a township's supervisor sees the township's).</summary>
    public static async Task<List<LeadView>> List(string? status, MinshengDb db, UnitTree units, AppealScope scope, CancellationToken ct)
    {
        var visible = scope.Visible();
        var q = db.Leads.AsNoTracking().Where(l => visible.Any(a => a.Id == l.AppealId));
        if (status is not null)
        {
            if (!Enum.TryParse<LeadStatus>(status, true, out var s) || !Enum.IsDefined(s))
                throw new DomainValidationException("status", $"取值无效：{status}。");
            q = q.Where(l => l.Status == s);
        }
        var rows = await q.OrderByDescending(l => l.Id).Take(500).ToListAsync(ct);
        return rows.Select(l => View(l, units)).ToList();
    }

    private static async Task<List<ExposureView>> Exposure(MinshengDb db, UnitTree units, CancellationToken ct) =>
        (await db.Leads.AsNoTracking().Where(l => l.Status == LeadStatus.Published).OrderByDescending(l => l.PublishedAt).Take(100).ToListAsync(ct))
            .Select(l => new ExposureView(units.NameOf(l.UnitId), l.Summary, MeasureLabel(l.Measure), l.PublishedAt!.Value)).ToList();

    public static LeadView View(AccountabilityLead l, UnitTree units) => new(
        l.Id, l.Rule, RuleLabel(l.Rule), l.AppealId, l.UnitId is { } u ? units.NameOf(u) : null, l.Summary,
        Ids(l.EvidenceAppealIds), Ids(l.EvidenceTimelineIds), l.Status, StatusLabel(l.Status), l.Measure,
        l.Decision, l.DecidedBy, l.DecidedAt, l.CreatedAt, l.Version);

    private static long[] Ids(string csv) => csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();

    public static string RuleLabel(LeadRule r) => r switch
    {
        LeadRule.Overdue => "超期未办",
        LeadRule.Bounced => "推诿扯皮",
        LeadRule.RepeatComplaint => "重复投诉",
        _ => "重办后仍不满意",
    };

    public static string StatusLabel(LeadStatus s) => s switch
    {
        LeadStatus.Open => "待处理",
        LeadStatus.Confirmed => "已认定",
        LeadStatus.Dismissed => "不予采纳",
        LeadStatus.PublicationRequested => "待批准曝光",
        _ => "已曝光",
    };

    public static string MeasureLabel(AccountabilityMeasure? m) => m switch
    {
        AccountabilityMeasure.Talk => "约谈",
        AccountabilityMeasure.PublicCriticism => "通报批评",
        AccountabilityMeasure.Accountability => "问责",
        _ => "",
    };

    public sealed class Ctx(MinshengDb db, UnitTree units, CurrentUser me, AuditLog audit, TimeProvider clock, IHttpContextAccessor http, AppealScope scope)
    {
        public async Task<Results<Ok<LeadView>, NotFound<ProblemDetails>>> Decide(long id, string action, Action<AccountabilityLead, string, DateTimeOffset> decide)
        {
            var ct = http.HttpContext?.RequestAborted ?? default;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var visible = scope.Visible();
            // Outside the caller's jurisdiction a lead does not exist, as an appeal does not.
            var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id && visible.Any(a => a.Id == l.AppealId), ct);
            if (lead is null) return TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "线索不存在" });
            decide(lead, me.Username, clock.GetUtcNow());
            await audit.AppendAsync(me.Username, action, "lead", lead.Key, lead.Status.ToString(), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return TypedResults.Ok(View(lead, units));
        }
    }
}
