using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Domain.TimeLimits;
using Minsheng.Features.Appeals;
using Minsheng.Features.Statistics;
using Minsheng.Features.TimeLimits;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Supervise;

/// <summary>One overdue stage clock of an appeal, with how far past its deadline it is in working hours.</summary>
public sealed record LateStage(Stage Stage, string Label, DateTimeOffset Due, double WorkingHours);

public sealed record OverdueRow(long Id, string Number, string Title, AppealStatus Status, Tier Tier, long? UnitId, string UnitName,
    IReadOnlyList<LateStage> Stages)
{
    /// <summary>The stage missed first: the one the row is about.</summary>
    public LateStage Worst => Stages.MaxBy(s => s.WorkingHours)!;
}

/// <summary>
/// 督查督办 · 超期诉求: every open appeal in the caller's jurisdiction with a stage past its deadline, most
/// overdue first. Supervisors and leaders, the roles of the supervision and leads APIs this board stands in for.
/// </summary>
[Authorize(Roles = Roles)]
public sealed class IndexModel(AppealScope scope, UnitTree units, TimeLimitCache timeLimits, TimeProvider clock,
    AppealPresenter presenter, AppealText appealText) : AppPage
{
    public const string Roles = nameof(Role.Supervisor) + "," + nameof(Role.Leader);
    public const int PageSize = 50;
    /// <summary>More than this many overdue appeals is a crisis the board need not page through one by one.</summary>
    public const int MaxRows = 2000;

    [BindProperty(SupportsGet = true)] public long? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "stage")] public string? StageFilter { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OverdueRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool Capped { get; private set; }
    public IReadOnlyList<(long Id, string Name, int Count)> UnitOptions { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var now = Now;
        var raw = await scope.Visible().AsNoTracking().Where(Overdue.At(now)).OrderBy(a => a.Id).Take(MaxRows + 1)
            .Select(a => new
            {
                a.Id, a.Number, a.Title, a.Status, a.Tier, a.LeadUnitId, a.Type, a.SubjectUnitId, a.CitizenName,
                a.SignForDue, a.ClaimedAt, a.FirstContactDue, a.ContactedAt, a.ReplyDue, a.RepliedAt, a.ResolveDue, a.ClosedAt,
            })
            .ToListAsync(ct);
        Capped = raw.Count > MaxRows;
        var schedule = timeLimits.Schedule;
        LateStage? Late(Stage stage, DateTimeOffset? due, DateTimeOffset? done) =>
            due is { } d && done is null && d < now ? new LateStage(stage, Labels.Stage(stage), d, schedule.Remaining(d, now).TotalHours) : null;
        var all = raw.Take(MaxRows).Select(a => new OverdueRow(a.Id, a.Number,
                appealText.Show(a.Title, presenter.Exposure(a.Type, a.SubjectUnitId), a.CitizenName), a.Status, a.Tier, a.LeadUnitId,
                a.LeadUnitId is { } u ? units.NameOf(u) : "（待重新派单）",
                new[]
                {
                    Late(Stage.SignFor, a.SignForDue, a.ClaimedAt),
                    Late(Stage.FirstContact, a.FirstContactDue, a.ContactedAt),
                    Late(Stage.Reply, a.ReplyDue, a.RepliedAt),
                    Late(Stage.Resolve, a.ResolveDue, a.RepliedAt ?? a.ClosedAt),
                }.OfType<LateStage>().ToList()))
            .Where(r => r.Stages.Count > 0)
            .ToList();
        UnitOptions = all.Where(r => r.UnitId is not null).GroupBy(r => (r.UnitId!.Value, r.UnitName))
            .Select(g => (g.Key.Value, g.Key.UnitName, g.Count())).OrderByDescending(x => x.Item3).ToList();

        var filtered = all.Where(r => Unit is null || r.UnitId == Unit)
            .Where(r => StageFilter is null || r.Stages.Any(s => s.Stage.ToString() == StageFilter))
            .OrderByDescending(r => r.Worst.WorkingHours).ToList();
        Total = filtered.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Rows = filtered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
    }

    public static IEnumerable<(string Value, string Label)> StageOptions =>
        DeadlineWatch.Stages.Select(s => (s.ToString(), Labels.Stage(s)));

    /// <summary>Working hours in words, as the appeal page's clocks say it (8 working hours a day).</summary>
    public static string Amount(double hours) => hours >= 8 ? $"{hours / 8:0.#} 个工作日" : $"{hours:0.#} 工作小时";

    public string PageUrl(int page) => Link(new() { ["unit"] = Unit?.ToString(), ["stage"] = StageFilter, ["p"] = page.ToString() });

    internal static string Link(Dictionary<string, string?> values) =>
        QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value))).ToString() is { Length: > 0 } q ? q : "?";
}
