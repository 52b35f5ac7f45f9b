using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Notifications;
using Minsheng.Features.Accountability;
using Minsheng.Features.Appeals;
using Minsheng.Features.Notifications;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Supervise;

/// <summary>One row of the notices lists: the notice and the appeal it is about.</summary>
public sealed record NoticeRow(NotificationView Notice, string? Number);

/// <summary>
/// 督查督办 · 催办督办: issue a 督办单/交办函 on an appeal, the orders issued by hand, the monitor's 督办单 in the
/// caller's inbox, and the 催办单 the monitor sent to units about appeals in the caller's jurisdiction — through the
/// same use cases as POST /api/appeals/{id}/supervision-orders, GET /api/supervision-orders and GET /api/notifications.
/// </summary>
[Authorize(Roles = IndexModel.Roles)]
public sealed class OrdersModel(Supervision supervision, NotificationInbox inbox, AppealScope scope, UnitTree units, TimeProvider clock,
    AppealPresenter presenter, AppealText appealText) : AppPage
{
    /// <summary>The notices lists show the latest few; "more" shows up to <see cref="MaxShown"/>.</summary>
    public const int Shown = 20;
    public const int MaxShown = 100;

    [BindProperty(SupportsGet = true)] public bool More { get; set; }
    public int Limit => More ? MaxShown : Shown;

    /// <summary>The appeal number to fill in, from the 督办 link of the overdue list.</summary>
    [BindProperty(SupportsGet = true, Name = "appeal")] public string? AppealNumber { get; set; }
    public string Kind { get; private set; } = nameof(SupervisionKind.SupervisionOrder);
    public string? Instruction { get; private set; }
    public string? DueAt { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public IReadOnlyList<(SupervisionView Order, string? Number, string? Title)> Orders { get; private set; } = [];
    public IReadOnlyList<NoticeRow> SupervisionNotices { get; private set; } = [];
    public IReadOnlyList<NoticeRow> ReminderNotices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // A suggestion the issuer can change: three days on, at the end of the working day.
        DueAt = ChinaTime.At(ChinaTime.DateOf(clock.GetUtcNow()).AddDays(3), new TimeOnly(17, 30)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostIssueAsync(string? appeal, string? kind, string? instruction, string? dueAt, CancellationToken ct)
    {
        (AppealNumber, Instruction, DueAt) = (appeal?.Trim(), instruction, dueAt);
        Kind = kind ?? Kind;
        long? appealId = null;
        string? unitName = null;
        var ok = await TryAsync(async () =>
        {
            var errors = new Domain.FieldErrors();
            if (string.IsNullOrEmpty(AppealNumber)) errors.Add("appeal", "请填写诉求编号。");
            else if (await scope.Visible().Where(a => a.Number == AppealNumber).Select(a => new { a.Id, a.LeadUnitId }).FirstOrDefaultAsync(ct) is { } found)
                (appealId, unitName) = (found.Id, found.LeadUnitId is { } u ? units.NameOf(u) : null);
            else errors.Add("appeal", $"找不到编号为 {AppealNumber} 的诉求，或不在您的管辖范围内。");
            SupervisionKind? parsedKind = Enum.TryParse<SupervisionKind>(kind, out var k) && Enum.IsDefined(k) ? k : null;
            if (parsedKind is null) errors.Add("kind", "请选择督办类型。");
            DateTimeOffset? due = null;
            if (!string.IsNullOrWhiteSpace(dueAt))
            {
                if (DateTime.TryParseExact(dueAt.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
                    && DateBounds.Sane(local))
                    due = new DateTimeOffset(local, ChinaTime.Offset);
                else errors.Add("dueAt", "办理期限应为有效的日期和时间。");
            }
            errors.ThrowIfAny();
            // The API's own use case: the same validation, notice to the lead unit and audit entry.
            if (await supervision.IssueAsync(appealId!.Value, parsedKind, instruction, due, ct) is null)
                throw new Domain.DomainValidationException("appeal", $"找不到编号为 {AppealNumber} 的诉求，或不在您的管辖范围内。");
        });
        if (!ok)
        {
            await LoadAsync(ct);
            return Page();
        }
        var what = Labels.SupervisionKind(Kind == nameof(SupervisionKind.AssignmentLetter) ? SupervisionKind.AssignmentLetter : SupervisionKind.SupervisionOrder);
        return Done(unitName is null ? $"已对诉求 {AppealNumber} 下发{what}。" : $"已对诉求 {AppealNumber} 下发{what}，已通知{unitName}。", "/supervise/orders");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var orders = await supervision.ListAsync(null, ct);
        var notices = (await inbox.ListAsync(unreadOnly: false, ct)).Where(n => n.Kind == NotificationKind.SupervisionOrder).Take(Limit).ToList();
        // 催办单 go to the units; "已读" there means someone at the addressed unit has read it.
        var reminders = await inbox.UnitRemindersAsync(Limit, ct);

        var ids = orders.Select(o => o.AppealId).Concat(notices.Concat(reminders).Select(n => n.AppealId ?? 0)).Distinct().ToArray();
        var rows = await scope.Visible().AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Number, a.Title, a.Type, a.SubjectUnitId, a.CitizenName }).ToListAsync(ct);
        var appeals = rows.ToDictionary(a => a.Id, a => new
        {
            a.Number, Title = appealText.Show(a.Title, presenter.Exposure(a.Type, a.SubjectUnitId), a.CitizenName),
        });
        Orders = orders.Take(MaxShown).Select(o => (o, appeals.GetValueOrDefault(o.AppealId)?.Number, appeals.GetValueOrDefault(o.AppealId)?.Title)).ToList();
        SupervisionNotices = notices.Select(n => new NoticeRow(n, n.AppealId is { } id ? appeals.GetValueOrDefault(id)?.Number : null)).ToList();
        ReminderNotices = reminders.Select(n => new NoticeRow(n, n.AppealId is { } id ? appeals.GetValueOrDefault(id)?.Number : null)).ToList();
    }
}
