using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Domain.TimeLimits;
using Minsheng.Features.TimeLimits;
using Minsheng.Infrastructure;

namespace Minsheng.Pages.Admin;

/// <summary>
/// 时限规则: the limits per tier, type and stage, and the rule settings. A limit is never edited in place:
/// saving adds a row effective now, and appeals dispatched before keep the deadlines they got.
/// </summary>
[Authorize(Roles = nameof(Role.Admin))]
public sealed class PoliciesModel(TimeLimitAdmin limits, TimeLimitCache cache, TimeProvider clock) : AdminPage
{
    public sealed record Line(Tier Tier, AppealType? Type, IReadOnlyDictionary<Stage, TimeLimitPolicy?> Limits);

    public IReadOnlyList<Line> InForce { get; private set; } = [];
    public IReadOnlyList<PolicyView> History { get; private set; } = [];
    public TimeLimitRules Rules { get; private set; } = new();

    // The policy form as sent, shown again after an error; a click on a row fills it.
    [BindProperty(SupportsGet = true)] public Tier? Tier { get; set; }
    [BindProperty(SupportsGet = true)] public AppealType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public Stage? Stage { get; set; }
    public int? Amount { get; private set; }
    public LimitUnit? Unit { get; private set; }
    public string? Note { get; private set; }
    /// <summary>The rules form's raw values after an error (a field may hold what is not a number).</summary>
    public IReadOnlyDictionary<string, string?>? RulesInput { get; private set; }

    public static readonly (string Field, string Label, string Hint)[] RuleFields =
    [
        ("maxExtensionDays", "最长延期（工作日）", "一次延期申请最多可延的工作日数"),
        ("extensionRequestLeadHours", "延期申请提前量（工作小时）", "须在期限前多少工作小时提出延期"),
        ("returnWithinWorkingDays", "退单时限（工作日）", "派错的诉求须在派单后多少工作日内退回"),
        ("reminderLeadWorkingHours", "临期提醒（工作小时）", "期限前多少工作小时提醒承办单位"),
        ("supervisionAfterWorkingDays", "超期转督办（工作日）", "超期多少工作日后生成督办单和问责线索"),
        ("bounceThreshold", "推诿扯皮（退单次数）", "同一诉求退单达到几次记为推诿扯皮线索"),
        ("repeatThreshold", "重复投诉（次数）", "同一人或同一地址反映达到几次记为重复投诉"),
        ("repeatWindowDays", "重复投诉统计期（天）", "在多少天内统计重复投诉"),
    ];

    public static int RuleValue(TimeLimitRules r, string field) => field switch
    {
        "maxExtensionDays" => r.MaxExtensionDays,
        "extensionRequestLeadHours" => r.ExtensionRequestLeadHours,
        "returnWithinWorkingDays" => r.ReturnWithinWorkingDays,
        "reminderLeadWorkingHours" => r.ReminderLeadWorkingHours,
        "supervisionAfterWorkingDays" => r.SupervisionAfterWorkingDays,
        "bounceThreshold" => r.BounceThreshold,
        "repeatThreshold" => r.RepeatThreshold,
        _ => r.RepeatWindowDays,
    };

    public void OnGet()
    {
        Load();
        if (Tier is { } t && Stage is { } s && InForce.FirstOrDefault(l => l.Tier == t && l.Type == Type)?.Limits[s] is { } p)
            (Amount, Unit, Note) = (p.Amount, p.Unit, null);
    }

    public async Task<IActionResult> OnPostAddAsync(int? amount, LimitUnit? unit, string? note, CancellationToken ct)
    {
        (Amount, Unit, Note) = (amount, unit, note);
        var ok = await TryAsync(() => limits.AddPolicyAsync(new PolicyRequest(Tier, Type, Stage, amount, unit, note), ct));
        if (ok)
            return Done($"已保存：{Labels.Tier(Tier!.Value)}·{(Type is { } ty ? Labels.Type(ty) : "全部性质")}·{Labels.Stage(Stage!.Value)} " +
                        $"{amount} {Labels.LimitUnit(unit!.Value)}，自现在起对新派单生效。", Url.Page(null));
        Load();
        return Page();
    }

    public async Task<IActionResult> OnPostRulesAsync(int? maxExtensionDays, int? extensionRequestLeadHours, int? returnWithinWorkingDays,
        int? reminderLeadWorkingHours, int? supervisionAfterWorkingDays, int? bounceThreshold, int? repeatThreshold, int? repeatWindowDays,
        CancellationToken ct)
    {
        RulesInput = RuleFields.ToDictionary(f => f.Field, f => (string?)Request.Form[f.Field].ToString());
        var values = new[] { maxExtensionDays, extensionRequestLeadHours, returnWithinWorkingDays, reminderLeadWorkingHours,
            supervisionAfterWorkingDays, bounceThreshold, repeatThreshold, repeatWindowDays };
        for (var i = 0; i < values.Length; i++)
            if (values[i] is null && ModelState.GetValidationState(RuleFields[i].Field) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                ModelState.AddModelError(RuleFields[i].Field, "请填写。");
        var ok = await TryAsync(() => limits.PutRulesAsync(new TimeLimitRules(values[0] ?? 0, values[1] ?? 0, values[2] ?? 0, values[3] ?? 0,
            values[4] ?? 0, values[5] ?? 0, values[6] ?? 0, values[7] ?? 0), ct));
        if (ok) return Done("规则设置已保存。", Url.Page(null));
        Load();
        return Page();
    }

    private void Load()
    {
        var snapshot = cache.Current;
        var set = new PolicySet(snapshot.Policies);
        var now = clock.GetUtcNow();
        InForce = snapshot.Policies.Select(p => (p.Tier, p.Type)).Distinct().OrderBy(k => k.Tier).ThenBy(k => k.Type.HasValue).ThenBy(k => k.Type)
            .Select(k => new Line(k.Tier, k.Type, Enum.GetValues<Stage>().ToDictionary(s => s,
                s => k.Type is { } type ? set.Find(k.Tier, type, s, now) is { } p && p.Type == type ? p : null
                    : snapshot.Policies.Where(p => p.Tier == k.Tier && p.Type == null && p.Stage == s && p.EffectiveFrom <= now)
                        .OrderByDescending(p => p.EffectiveFrom).ThenByDescending(p => p.Id).FirstOrDefault())))
            .ToList();
        History = limits.Policies().ToList();
        Rules = snapshot.Schedule.Rules;
    }
}
