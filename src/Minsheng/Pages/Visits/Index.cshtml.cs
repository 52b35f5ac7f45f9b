using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;
using Minsheng.Pages.Console;

namespace Minsheng.Pages.Visits;

/// <summary>
/// 入户走访: a township or village cadre (or the desk) enters what several households said on one visit, on a
/// phone, and sends them at once; each household becomes one appeal of channel DoorToDoorVisit. Unit staff may
/// only record visits within their own unit's area (the same rule POST /api/appeals applies).
///
/// All or nothing: every row is checked before any is saved. If one row is wrong, nothing is saved and every
/// row comes back as typed with its errors beside it, so the cadre fixes and sends again without wondering
/// which households already went through (and none is filed twice). Should a row still fail while saving
/// (its village deactivated a moment before), the rows saved are reported and only the unsaved ones stay in the form.
/// </summary>
[Authorize(Roles = $"{nameof(Role.Operator)},{nameof(Role.Dispatcher)},{nameof(Role.UnitHandler)},{nameof(Role.UnitHead)}")]
public sealed class IndexModel(RegisterAppeal register, UnitTree units, CurrentUser me, TimeProvider clock) : AppPage
{
    public const string DoneKey = "Visits.Done";
    public const int MaxAgeDays = 60;

    public VisitForm Form { get; private set; } = new();
    public IReadOnlyList<Township> Places { get; private set; } = [];
    public IReadOnlyList<(long Id, string Number)> Registered { get; private set; } = [];
    public DateOnly Today => ChinaTime.DateOf(clock.GetUtcNow());
    /// <summary>Desk staff may open the appeals they file; unit staff see an appeal only once it is dispatched to them.</summary>
    public bool MayOpenAppeals => !me.Role.IsUnitStaff();

    public void OnGet(long? region, DateOnly? date)
    {
        Form = new VisitForm { VisitDate = date ?? Today, RegionUnitId = region, Rows = [new VisitRow()] };
        if (TempData[DoneKey] is string done)
            Registered = done.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => x.Split(':'))
                .Where(x => x.Length == 2 && long.TryParse(x[0], out _)).Select(x => (long.Parse(x[0]), x[1])).ToList();
        Load();
    }

    public async Task<IActionResult> OnPostAsync(VisitForm form, CancellationToken ct)
    {
        Form = form;
        if (form.Rows.Count == 0) form.Rows.Add(new VisitRow());
        Load();
        var drafts = Check(form);
        if (drafts is null || !ModelState.IsValid)
        {
            var count = ModelState.Values.Sum(v => v.Errors.Count);
            Banner = $"有 {count} 处需要修改，本次没有保存任何一户；改好后再点“全部提交”。";
            return Page();
        }

        var saved = new List<(long, string)>();
        var unsaved = new List<VisitRow>();
        string? failure = null;
        foreach (var (row, draft) in drafts)
        {
            try
            {
                var appeal = await register.ExecuteAsync(draft, me.ToActor(), ct);
                saved.Add((appeal.Id, appeal.Number));
            }
            catch (Exception e) when (ProblemExceptionHandler.ToProblem(e) is { } problem)
            {
                unsaved.Add(row);
                failure ??= e is DomainValidationException v ? string.Join(" ", v.Errors.SelectMany(x => x.Value)) : problem.Detail;
            }
        }
        if (unsaved.Count == 0)
        {
            TempData[DoneKey] = string.Join(',', saved.Select(s => $"{s.Item1}:{s.Item2}"));
            return RedirectToPage(new { region = form.RegionUnitId, date = form.VisitDate?.ToString("yyyy-MM-dd") });
        }
        Registered = saved;
        form.Rows = unsaved;
        Banner = $"已登记 {saved.Count} 户；另有 {unsaved.Count} 户未能登记（{failure}）。未登记的仍在下方，可修改后再提交。";
        return Page();
    }

    /// <summary>Every row's draft, or null with the errors in ModelState when anything is wrong.</summary>
    private List<(VisitRow Row, AppealDraft Draft)>? Check(VisitForm form)
    {
        if (!ModelState.IsValid) return null;
        if (form.VisitDate is not { } date) ModelState.AddModelError("visitDate", "请填写走访日期。");
        else if (date > Today) ModelState.AddModelError("visitDate", "走访日期不能晚于今天。");
        else if (date < Today.AddDays(-MaxAgeDays)) ModelState.AddModelError("visitDate", $"只能登记 {MaxAgeDays} 天内的走访，更早的请交话务员按来信登记。");
        if (form.RegionUnitId is not { } region) ModelState.AddModelError("regionUnitId", "请选择走访的村（社区）。");
        else if (!Places.Any(t => t.Id == region || t.Villages.Any(v => v.Id == region))
                 || !Appeal.MayRegister(me.Role, Channel.DoorToDoorVisit, region, me.Covers))
            ModelState.AddModelError("regionUnitId", "只能登记本单位辖区内的走访。");
        var rows = form.Rows.Select((row, i) => (row, i)).Where(x => !x.row.IsBlank).ToList();
        if (rows.Count == 0) ModelState.AddModelError("rows", "请至少填写一户反映的问题。");
        if (form.Rows.Count > VisitForm.MaxRows) ModelState.AddModelError("rows", $"一次最多登记 {VisitForm.MaxRows} 户，请分批提交。");

        var drafts = new List<(VisitRow, AppealDraft)>();
        foreach (var (row, i) in rows)
        {
            if (string.IsNullOrWhiteSpace(row.Content)) { ModelState.AddModelError($"rows[{i}].content", "请填写反映的问题。"); continue; }
            if (row.Content.Trim().Length > VisitForm.ContentMax) { ModelState.AddModelError($"rows[{i}].content", $"反映的问题不能超过 {VisitForm.ContentMax} 个字。"); continue; }
            if (row.Type is null) { ModelState.AddModelError($"rows[{i}].type", "请选择诉求性质。"); continue; }
            var draft = new AppealDraft(Channel.DoorToDoorVisit, row.Type.Value, null, Tier.Timely, TitleOf(row.Content), ContentOf(row.Content, form.VisitDate),
                form.RegionUnitId, null, null, null, row.Name, row.Phone, null, null);
            try
            {
                draft.Validate();
                drafts.Add((row, draft));
            }
            catch (DomainValidationException e)
            {
                foreach (var (field, messages) in e.Errors) foreach (var m in messages) ModelState.AddModelError($"rows[{i}].{RowField(field)}", m);
            }
        }
        return ModelState.IsValid ? drafts : null;
    }

    /// <summary>The draft's field names as the row's inputs are named.</summary>
    private static string RowField(string field) => field switch
    {
        "citizenName" => "name",
        "citizenPhone" => "phone",
        "type" => "type",
        _ => "content",
    };

    /// <summary>A title from the first words of what was said, as an operator would write it.</summary>
    public static string TitleOf(string content)
    {
        var text = string.Join(' ', content.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var end = text.IndexOfAny(['。', '！', '？', '；', '.', '!', '?', ';']);
        if (end is > 4 and <= 30) text = text[..end];
        return "入户走访：" + (text.Length > 30 ? text[..30] + "…" : text);
    }

    private string ContentOf(string content, DateOnly? date) =>
        $"{content.Trim()}\n（{date:yyyy年M月d日}入户走访，记录人：{me.DisplayName}）";

    private void Load() =>
        Places = PickLists.Townships(units, me.UnitId);
}
