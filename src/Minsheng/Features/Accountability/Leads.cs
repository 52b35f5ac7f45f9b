using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain;
using Minsheng.Domain.Accountability;
using Minsheng.Features.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Accountability;

/// <summary>
/// 问责线索 for the leads API and the supervisor board: supervisors confirm or dismiss a lead and ask to publish it,
/// leaders approve publication on the 曝光台. A lead outside the caller's jurisdiction does not exist (null), as an
/// appeal does not; who may take which decision is the caller's authorization (API policy, page role check).
/// </summary>
public sealed class Leads(MinshengDb db, UnitTree units, CurrentUser me, AuditedCommit commit, TimeProvider clock, AppealScope scope)
{
    public const int ListMax = 500;

    public Task<LeadView?> ConfirmAsync(long id, AccountabilityMeasure? measure, string? comment, CancellationToken ct) =>
        DecideAsync(id, AuditActions.LeadConfirm,
            (l, by, now) => l.Confirm(measure ?? throw new DomainValidationException("measure", "请选择处理措施。"), comment, by, now), ct);

    public Task<LeadView?> DismissAsync(long id, string? reason, CancellationToken ct) =>
        DecideAsync(id, AuditActions.LeadDismiss, (l, by, now) => l.Dismiss(reason ?? "", by, now), ct);

    public Task<LeadView?> RequestPublicationAsync(long id, CancellationToken ct) =>
        DecideAsync(id, AuditActions.LeadRequestPublication, (l, by, now) => l.RequestPublication(by, now), ct);

    public Task<LeadView?> ApprovePublicationAsync(long id, CancellationToken ct) =>
        DecideAsync(id, AuditActions.LeadApprovePublication, (l, by, now) => l.ApprovePublication(by, now), ct);

    /// <summary>Leads on appeals within the caller's jurisdiction (a township's supervisor sees the township's), newest first.</summary>
    public async Task<List<LeadView>> ListAsync(string? status, CancellationToken ct)
    {
        var visible = scope.Visible();
        var q = db.Leads.AsNoTracking().Where(l => visible.Any(a => a.Id == l.AppealId));
        if (status is not null)
        {
            if (!Enum.TryParse<LeadStatus>(status, true, out var s) || !Enum.IsDefined(s))
                throw new DomainValidationException("status", $"取值无效：{status}。");
            q = q.Where(l => l.Status == s);
        }
        var rows = await q.OrderByDescending(l => l.Id).Take(ListMax).ToListAsync(ct);
        return rows.Select(View).ToList();
    }

    /// <summary>The 曝光台: leads a leader approved for publication, for everyone.</summary>
    public async Task<List<ExposureView>> ExposedAsync(CancellationToken ct) =>
        (await db.Leads.AsNoTracking().Where(l => l.Status == LeadStatus.Published).OrderByDescending(l => l.PublishedAt).Take(100).ToListAsync(ct))
            .Select(l => new ExposureView(units.NameOf(l.UnitId), l.Summary, Labels.Measure(l.Measure), l.PublishedAt!.Value)).ToList();

    private Task<LeadView?> DecideAsync(long id, AuditAction action, Action<AccountabilityLead, string, DateTimeOffset> decide, CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            var visible = scope.Visible();
            var lead = await db.Leads.FirstOrDefaultAsync(l => l.Id == id && visible.Any(a => a.Id == l.AppealId), ct);
            if (lead is null) return null;
            // The decision validates its input only once the lead is found: an unknown lead is 404 whatever the body.
            decide(lead, me.Username, clock.GetUtcNow());
            notes.Record(action, lead.Key, lead.Status.ToString());
            return (LeadView?)View(lead);
        }, ct);

    private LeadView View(AccountabilityLead l) => new(
        l.Id, l.Rule, Labels.LeadRule(l.Rule), l.AppealId, l.UnitId is { } u ? units.NameOf(u) : null, l.Summary,
        Ids(l.EvidenceAppealIds), Ids(l.EvidenceTimelineIds), l.Status, Labels.LeadStatus(l.Status), l.Measure,
        l.Decision, l.DecidedBy, l.DecidedAt, l.CreatedAt, l.Version);

    private static long[] Ids(string csv) => csv.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
}
