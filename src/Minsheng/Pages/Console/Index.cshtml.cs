using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Features.Appeals.Actions;
using Minsheng.Features.Knowledge;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Web;

namespace Minsheng.Pages.Console;

/// <summary>
/// 电话受理: a call registered in under a minute from the keyboard. While the operator types, the side panel
/// shows knowledge-base answers (for a consultation and a good match, an editable answer that registers the call
/// and closes it once the operator confirms, 直接办结) and triage hints. Same roles as POST /api/appeals for the desk.
/// </summary>
[Authorize(Roles = $"{nameof(Role.Operator)},{nameof(Role.Dispatcher)}")]
public sealed class IndexModel(RegisterAppeal register, AppealCommands commands, KnowledgeBase kb,
    MinshengDb db, UnitTree units, CurrentUser me, Microsoft.Extensions.Options.IOptions<DirectAnswerSettings> directAnswer) : AppPage
{
    public const string ResultKey = "Console.Result";

    public IntakeForm Form { get; private set; } = new();
    public IReadOnlyList<CategoryGroup> Categories { get; private set; } = [];
    public IReadOnlyList<Township> Townships { get; private set; } = [];
    public IReadOnlyList<UnitInfo> Units { get; private set; } = [];
    public HintsView? Hints { get; private set; }

    /// <summary>The call registered just before (after the redirect): id, number, whether it was closed directly.</summary>
    public (long Id, string Number, bool Closed)? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (TempData[ResultKey] is string r && r.Split('|') is [var id, var number, var closed] && long.TryParse(id, out var appealId))
            Result = (appealId, number, closed == "1");
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(IntakeForm form, CancellationToken ct)
    {
        Form = form;
        Appeal? appeal = null;
        if (await TryAsync(async () => appeal = await register.ExecuteAsync(form.ToDraft(), me.ToActor(), ct)))
            return Registered(appeal!, closed: false);
        await LoadAsync(ct, withHints: true);
        return Page();
    }

    /// <summary>
    /// 登记并直接办结: registers the call, then answers it through the direct-answer action with the operator's edited
    /// answer. Refused before anything is registered unless the call is a consultation (help: by setting), the article
    /// still matches the caller's words at least DirectAnswer:MinScore, and the operator ticked the confirmation.
    /// </summary>
    public async Task<IActionResult> OnPostDirectAnswerAsync(IntakeForm form, long? articleId, CancellationToken ct)
    {
        Form = form;
        var settings = directAnswer.Value;
        var article = articleId is { } aid ? await kb.FindAsync(aid, ct) : null;
        var answer = article is null ? null : Request.Form[$"answer_{article.Id}"].ToString().Trim();
        string? refusal = null;
        if (article is not { Active: true }) refusal = "所选知识条目不存在或已停用，请重新选择。";
        else if (settings.TypeRefusal(form.Type) is { } why) refusal = why;
        else if (!settings.Matches(await ScoreAsync(form, article.Id, ct)))
            refusal = $"所选知识条目与来电内容的匹配度低于 {settings.MinScore * 100:0}%，不能直接办结，请登记后派单。";
        else if (Request.Form[$"confirm_{article.Id}"] != "true") refusal = "请先勾选确认，核对答复内容后再直接办结。";
        else if (string.IsNullOrEmpty(answer)) refusal = "答复内容不能为空。";
        if (refusal is not null)
        {
            Banner = refusal;
            await LoadAsync(ct, withHints: true);
            return Page();
        }
        Appeal? appeal = null;
        if (!await TryAsync(async () => appeal = await register.ExecuteAsync(form.ToDraft(), me.ToActor(), ct)))
        {
            await LoadAsync(ct, withHints: true);
            return Page();
        }
        var answered = await TryAsync(async () =>
        {
            var saved = await commands.RunAsync(appeal!.Id, WorkflowActions.DirectAnswer,
                new DirectAnswerRequest { Content = answer, Version = appeal.Version }, ct);
            if (saved is null) Banner = "诉求已登记，但不在您的辖区内，无法直接办结，请转派单员处理。";
        });
        // The call is on record either way; a failed answer is said once, next to its number.
        if (!answered || Banner is not null)
        {
            var why = Banner ?? ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault();
            Flash = $"诉求 {appeal!.Number} 已登记，但未能直接办结：{why}";
            return Registered(appeal, closed: false);
        }
        return Registered(appeal!, closed: true);
    }

    /// <summary>How well the article matches what the operator typed, as the side panel scored it.</summary>
    private async Task<double?> ScoreAsync(IntakeForm form, long articleId, CancellationToken ct)
    {
        var hints = await HttpContext.RequestServices.GetHintsAsync(form, ct);
        if (hints.Articles.FirstOrDefault(a => a.Id == articleId) is { } shown) return shown.Score;
        var text = $"{form.Title}\n{form.Content}";
        var hits = await kb.SearchAsync(text.Length > KnowledgeBase.QueryMax ? text[..KnowledgeBase.QueryMax] : text, KnowledgeBase.MaxHits, ct);
        return hits.FirstOrDefault(a => a.Id == articleId)?.Score;
    }

    /// <summary>The side panel, refreshed by htmx while the operator types.</summary>
    public async Task<IActionResult> OnPostHintsAsync(IntakeForm form, CancellationToken ct)
    {
        ModelState.Clear(); // half-typed input is expected here; the hints take what they can use
        return Partial("_Hints", await HttpContext.RequestServices.GetHintsAsync(form, ct));
    }

    private IActionResult Registered(Appeal appeal, bool closed)
    {
        TempData[ResultKey] = $"{appeal.Id}|{appeal.Number}|{(closed ? 1 : 0)}";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct, bool withHints = false)
    {
        Categories = await PickLists.CategoriesAsync(db, ct);
        // The desk registers into its own county: places and units of the next county are not offered.
        Townships = PickLists.Townships(units, me.UnitId);
        Units = units.All.Where(u => u.Active && me.Covers(u.Id)).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        if (withHints) Hints = await HttpContext.RequestServices.GetHintsAsync(Form, ct);
    }
}

internal static class HintsServices
{
    /// <summary>IntakeHints is built per request from the request's services; it needs no registration of its own.</summary>
    public static Task<HintsView> GetHintsAsync(this IServiceProvider services, IntakeForm form, CancellationToken ct) =>
        ActivatorUtilities.CreateInstance<IntakeHints>(services).ForAsync(form, ct);
}
