using Microsoft.AspNetCore.Mvc.ModelBinding;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Calendar;
using Minsheng.Features.Appeals;

namespace Minsheng.Infrastructure.Web;

/// <summary>Small formatting rules every page shares: China time, status colours, clocks in words.</summary>
public static class Ui
{
    public static string Time(DateTimeOffset? at) => at is { } t ? ChinaTime.ToChina(t).ToString("yyyy-MM-dd HH:mm") : "—";

    public static string Date(DateTimeOffset? at) => at is { } t ? ChinaTime.ToChina(t).ToString("yyyy-MM-dd") : "—";

    /// <summary>"true" when the field has an error, else null so Razor leaves aria-invalid out.</summary>
    public static string? Invalid(ModelStateDictionary state, string field) =>
        state.TryGetValue(field, out var e) && e.Errors.Count > 0 ? "true" : null;

    /// <summary>The input's aria-describedby: its hint and, when present, its error.</summary>
    public static string? Describe(ModelStateDictionary state, string field, bool hint = false)
    {
        var ids = new List<string>();
        if (hint) ids.Add(field + "-hint");
        if (Invalid(state, field) is not null) ids.Add(field + "-error");
        return ids.Count == 0 ? null : string.Join(' ', ids);
    }

    public static string StatusClass(AppealStatus s) => s switch
    {
        AppealStatus.Registered or AppealStatus.PendingDispatch => "st-new",
        AppealStatus.Dispatched or AppealStatus.ReturnRequested => "st-wait",
        AppealStatus.Claimed or AppealStatus.InProgress or AppealStatus.PendingApproval => "st-work",
        AppealStatus.Replied or AppealStatus.ReReview => "st-reply",
        AppealStatus.Closed => "st-done",
        _ => "st-off",
    };

    /// <summary>The nearest open clock of an appeal in words: "剩余 6.5 工作小时" or "超期 3 工作小时".</summary>
    public static (string Text, string Css)? Clock(ClockView? c)
    {
        if (c is null || c.DoneAt is not null) return null;
        var hours = Math.Abs(c.RemainingWorkingHours);
        var amount = hours >= 8 ? $"{hours / 8:0.#} 个工作日" : $"{hours:0.#} 工作小时";
        return c.Overdue ? ($"{c.StageLabel}超期 {amount}", "clock-over")
            : ($"{c.StageLabel}剩余 {amount}", hours <= 8 ? "clock-soon" : "clock-ok");
    }

    public static string DueCss(DateTimeOffset? due, DateTimeOffset now) =>
        due is not { } d ? "" : d < now ? "clock-over" : d - now < TimeSpan.FromDays(1) ? "clock-soon" : "";
}
