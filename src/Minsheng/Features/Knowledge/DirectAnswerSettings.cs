using Minsheng.Domain.Appeals;

namespace Minsheng.Features.Knowledge;

/// <summary>
/// 直接办结 settings (section "DirectAnswer", e.g. DirectAnswer__AllowHelp=true, DirectAnswer__MinScore=0.7).
/// Consultations may always be answered directly; help requests only where AllowHelp is set. The console offers a
/// knowledge article as the answer only when it matches at least MinScore: a 33 % match once closed a streetlight
/// complaint with a medical-insurance answer.
/// </summary>
public sealed class DirectAnswerSettings
{
    public const string Section = "DirectAnswer";

    public bool AllowHelp { get; set; }

    public double MinScore { get; set; } = 0.6;

    public bool Allows(AppealType? type) => type is { } t && Appeal.MayAnswerDirectly(t, AllowHelp);

    /// <summary>Why the console offers no direct answer for this type, or null when it may.</summary>
    public string? TypeRefusal(AppealType? type) => type is null
        ? "请先选择诉求性质：只有咨询类诉求" + (AllowHelp ? "和求助" : "") + "可以直接办结。"
        : Appeal.DirectAnswerRefusal(type.Value, AllowHelp);

    public bool Matches(double? score) => score is { } s && s >= MinScore;
}
