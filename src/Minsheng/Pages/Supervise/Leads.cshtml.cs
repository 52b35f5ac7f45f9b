using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Organization;
using Minsheng.Features.Accountability;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Supervise;

/// <summary>
/// 督查督办 · 问责线索: the leads use case as a page. Supervisors confirm a lead with a measure, dismiss it with a
/// reason, and ask for publication; leaders approve publication on the 曝光台 — the same split of roles as the API.
/// </summary>
[Authorize(Roles = IndexModel.Roles)]
public sealed class LeadsModel(Leads leads, CurrentUser me, Features.Appeals.AppealScope scope) : AppPage
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }

    public IReadOnlyList<LeadView> Rows { get; private set; } = [];
    /// <summary>Case numbers of the evidence appeals the caller may see (others show by id).</summary>
    public IReadOnlyDictionary<long, string> Numbers { get; private set; } = new Dictionary<long, string>();
    /// <summary>The lead whose form failed: its errors show there, and its form stays open.</summary>
    public long? FailedLead { get; private set; }
    public string? FailedAction { get; private set; }
    public string? Comment { get; private set; }
    public string? Reason { get; private set; }
    public string? Measure { get; private set; }

    public bool MayDecide => me.Role == Role.Supervisor;
    public bool MayApprove => me.Role == Role.Leader;

    public static readonly LeadStatus[] Statuses = Enum.GetValues<LeadStatus>();
    public static readonly LeadRule[] Rules = Enum.GetValues<LeadRule>();
    public static readonly AccountabilityMeasure[] Measures = Enum.GetValues<AccountabilityMeasure>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public Task<IActionResult> OnPostConfirmAsync(long id, string? measure, string? comment, CancellationToken ct)
    {
        (Measure, Comment) = (measure, comment);
        AccountabilityMeasure? parsed = Enum.TryParse<AccountabilityMeasure>(measure, out var m) && Enum.IsDefined(m) ? m : null;
        return DecideAsync(id, "confirm", Role.Supervisor, $"已认定线索 #{id}。", () => leads.ConfirmAsync(id, parsed, comment, ct), ct);
    }

    public Task<IActionResult> OnPostDismissAsync(long id, string? reason, CancellationToken ct)
    {
        Reason = reason;
        return DecideAsync(id, "dismiss", Role.Supervisor, $"线索 #{id} 已不予采纳。", () => leads.DismissAsync(id, reason, ct), ct);
    }

    public Task<IActionResult> OnPostRequestPublicationAsync(long id, CancellationToken ct) =>
        DecideAsync(id, "request", Role.Supervisor, $"已申请将线索 #{id} 在曝光台公开，待领导批准。", () => leads.RequestPublicationAsync(id, ct), ct);

    public Task<IActionResult> OnPostApprovePublicationAsync(long id, CancellationToken ct) =>
        DecideAsync(id, "approve", Role.Leader, $"已批准线索 #{id} 在曝光台公开。", () => leads.ApprovePublicationAsync(id, ct), ct);

    /// <summary>Each decision belongs to one role, as on the API; a page handler cannot carry its own [Authorize].</summary>
    private async Task<IActionResult> DecideAsync(long id, string action, Role role, string done, Func<Task<LeadView?>> decide, CancellationToken ct)
    {
        if (me.Role != role) return Forbid();
        var found = true;
        var ok = await TryAsync(async () => found = await decide() is not null);
        if (ok && found) return Done(done, ListUrl);
        if (!found) Banner = $"线索 #{id} 不存在。";
        (FailedLead, FailedAction) = (id, action);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var status = Statuses.Select(s => s.ToString()).FirstOrDefault(s => s == Status);
        Status = status;
        var list = await leads.ListAsync(status, ct);
        Rows = Enum.TryParse<LeadRule>(Rule, out var rule) && Enum.IsDefined(rule) ? list.Where(l => l.Rule == rule).ToList() : list;
        var ids = Rows.SelectMany(l => l.EvidenceAppealIds.Append(l.AppealId)).Distinct().ToArray();
        Numbers = await scope.Visible().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Number }).ToDictionaryAsync(a => a.Id, a => a.Number, ct);
    }

    public string ListUrl => "/supervise/leads" + IndexModel.Link(new() { ["status"] = Status, ["rule"] = Rule }).TrimEnd('?');

    /// <summary>A form's action keeps the list's filters so the page comes back as it was.</summary>
    public string ActionUrl(string handler) => "/supervise/leads" + IndexModel.Link(new() { ["handler"] = handler, ["status"] = Status, ["rule"] = Rule });

    public static string StatusClass(LeadStatus s) => s switch
    {
        LeadStatus.Open => "st-wait",
        LeadStatus.Confirmed => "st-work",
        LeadStatus.PublicationRequested => "st-reply",
        LeadStatus.Published => "st-new",
        _ => "st-off",
    };
}
