using Minsheng.Domain.Appeals;
using static Minsheng.Features.Demo.DemoWords;

namespace Minsheng.Features.Demo;

public sealed record DemoAppealText(string Title, string Content);

/// <summary>
/// Produces varied, natural Simplified-Chinese text for demo appeals, replies and workflow notes.
/// Deterministic for a given <see cref="Random"/> seed and call sequence. Places, unit names and phone numbers are
/// those of <paramref name="area"/> (民丰县 unless another county is given).
/// </summary>
public sealed class DemoTextGenerator(Random random, DemoArea? area = null)
{
    private readonly DemoArea _area = area ?? DemoCountyData.Area;

    public const int TitleMax = 40;
    public const int ContentMin = 60;
    public const int ContentMax = 400;
    public const int ReplyMin = 80;
    public const int ReplyMax = 300;

    private static readonly string[] PraiseTimes = ["前段时间", "上个月", "前几天", "今年春节前", "上个星期"];
    private static readonly string[] QuestionWords = ["怎么", "什么", "哪", "吗", "谁", "多少", "如何", "能否", "是否", "何时", "有无"];
    private static readonly string[] ConsultContexts =
        ["身边好几个人都在问这个事，", "家里老人一直惦记这个事，", "之前打电话问过一次，没说清楚，", "最近正好要办这件事，",
         "跑了一趟没办成，", "", ""];

    private static readonly string[] NonEmptyIntros = [.. Intros.Where(i => i.Length > 0)];
    private static readonly string[] NonEmptyConsultContexts = [.. ConsultContexts.Where(c => c.Length > 0)];

    private readonly Random rng = random ?? throw new ArgumentNullException(nameof(random));

    public DemoAppealText Appeal(AppealType type, string categoryCode, string townshipName, string villageName)
    {
        var topic = DemoTopics.Find(categoryCode, rng);
        var s = NewSlots(townshipName ?? "", villageName ?? "");
        DemoAppealText text = new("", "");
        for (var attempt = 0; attempt < 8; attempt++)
        {
            text = type switch
            {
                AppealType.Complaint => Complaint(topic, s),
                AppealType.Help => Help(topic, s),
                AppealType.Consultation => Consultation(topic, s),
                AppealType.Suggestion => Suggestion(topic, s),
                AppealType.Report => Report(topic, s),
                AppealType.Praise => Praise(topic, s),
                _ => Chance(50) ? Complaint(topic, s) : Consultation(topic, s),
            };
            if (text.Title.Length <= TitleMax && text.Content.Length is >= ContentMin and <= ContentMax) return text;
        }
        return new DemoAppealText(Truncate(text.Title, TitleMax), FitLength(text.Content, ContentMin, ContentMax));
    }

    /// <summary>An official reply (答复) from <paramref name="unitName"/> on an appeal of the given category.</summary>
    public string Reply(string categoryCode, string unitName)
    {
        var topic = DemoTopics.Find(categoryCode, rng);
        var unit = string.IsNullOrWhiteSpace(unitName) ? "我单位" : unitName.Trim();
        var phone = _area.Departments.FirstOrDefault(d => d.Name == unit)?.Phone
            ?? _area.Townships.FirstOrDefault(t => unit.StartsWith(t.Name, StringComparison.Ordinal))?.Phone;
        var text = "";
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var contact = rng.Next(10) switch
            {
                < 4 when phone is not null => $"如有疑问，可拨打{phone}咨询。",
                < 7 => "工作人员已电话联系您告知处理情况。",
                _ => "",
            };
            var action = Pick(topic.Actions).Replace("{n}", rng.Next(2, 10).ToString());
            // Actions that open with their own 经核实/经查 replace the generic finding sentence.
            var finding = action.StartsWith('经') ? "" : $"经核实，{Pick(Findings)}。";
            text = $"{Pick(ReplyOpenings)}您反映的关于{topic.Subject}的问题已收悉。{unit}高度重视，{Pick(Investigations)}。" +
                   $"{finding}{action}。下一步，{Pick(NextSteps)}。{contact}{Pick(ReplyClosings)}";
            if (text.Length is >= ReplyMin and <= ReplyMax) return text;
        }
        return FitLength(text, ReplyMin, ReplyMax);
    }

    public string CitizenName()
    {
        var surname = Chance(75) ? Pick(CommonSurnames) : Pick(OtherSurnames);
        return surname + (Chance(70) ? Pick(GivenNames) : Pick(SingleGivenNames));
    }

    public string MobilePhone() => Pick(MobilePrefixes) + rng.Next(0, 100_000_000).ToString("D8");

    public string ContactAddress(string townshipName, string villageName)
    {
        var place = $"{_area.Name}{townshipName}{villageName}";
        if (!IsCommunity(villageName)) return $"{place}{rng.Next(1, 13)}组{rng.Next(1, 61)}号";
        return Chance(70)
            ? $"{place}{Pick(Compounds)}{rng.Next(1, 19)}栋{rng.Next(1, 4)}单元{rng.Next(1, 19)}0{rng.Next(1, 5)}室"
            : $"{place}{Pick(Roads)}{rng.Next(1, 300)}号";
    }

    public string ReturnReason() => Pick(ReturnReasons);

    public string ExtensionReason() => Pick(ExtensionReasons);

    public string ContactNote() => Pick(ContactNotes);

    public string CoUnitNote() => Pick(CoUnitNotes);

    public string CallbackComment(bool satisfied) => Pick(satisfied ? SatisfiedComments : UnsatisfiedComments);

    public string ReReviewReason() => Pick(ReReviewReasons);

    // ---- appeal types --------------------------------------------------------------------------

    private DemoAppealText Complaint(DemoTopic topic, Slots s)
    {
        var raw = PickFitting(topic.Issues, s);
        var (core, detail) = Split(s.Fill(raw));
        var (full, near) = Places(raw, s);
        string[] titles = [$"{full}{core}", $"反映{near}{core}的问题", $"关于{full}{core}的投诉", $"{core}，希望尽快解决", $"{near}{core}"];
        var impact = Pick(full.Length > 0 ? Impacts : PersonalImpacts);
        var content = Pick(Greetings) + s.Fill(Pick(Intros)) + WithTime(detail) + "。" + impact + AlsoIssue(topic, raw, s) +
                      s.Fill(Pick(Attempts)) + Pick(topic.Asks) + "。" + Wish() + Pick(ComplaintClosings);
        return new(Pick(titles), content);
    }

    private DemoAppealText Help(DemoTopic topic, Slots s)
    {
        var raw = PickFitting(topic.Issues, s);
        var (core, detail) = Split(s.Fill(raw));
        var (_, near) = Places(raw, s);
        string[] titles = [$"求助：{near}{core}", $"恳请帮忙解决{core}的问题", $"{s.V}{s.R}求助：{core}", $"{core}，请求帮助"];
        var content = Pick(Greetings) + s.Fill(Pick(Intros)) + Pick(HelpContexts) + WithTime(detail) + "。" +
                      Pick(HelpPleas) + Pick(topic.Asks) + "。" + Wish() + Pick(HelpClosings);
        return new(Pick(titles), content);
    }

    private DemoAppealText Consultation(DemoTopic topic, Slots s)
    {
        var (core, question) = Split(s.Fill(Pick(topic.Questions)));
        var asks = QuestionWords.Any(core.Contains);
        string[] titles = asks ? [$"咨询{core}", $"关于{core}的咨询", $"{core}？", $"{core}？"] : [$"咨询{core}", $"关于{core}的咨询", $"想了解{core}的问题"];
        var lead = question.StartsWith("请问", StringComparison.Ordinal) ? "" : Pick(ConsultLeads);
        var shortQuestion = question.Length < 30;
        var intro = shortQuestion || Chance(60) ? s.Fill(Pick(NonEmptyIntros)) : "";
        var context = Pick(shortQuestion ? NonEmptyConsultContexts : ConsultContexts);
        var content = Pick(Greetings) + intro + context + lead + question + "？" + Pick(ConsultClosings);
        return new(Pick(titles), content);
    }

    private DemoAppealText Suggestion(DemoTopic topic, Slots s)
    {
        var (core, body) = Split(s.Fill(Pick(topic.Suggestions)));
        string[] titles = [$"建议{core}", $"关于{core}的建议", $"{core}的建议"];
        var lead = body.StartsWith("建议", StringComparison.Ordinal) ? "" : Pick(["我有个建议：", "提一点建议：", "", ""]);
        var content = Pick(Greetings) + s.Fill(Pick(Intros)) + lead + body + "。" + Pick(SuggestReasons) + Pick(SuggestClosings);
        return new(Pick(titles), content);
    }

    private DemoAppealText Report(DemoTopic topic, Slots s)
    {
        var (core, detail) = Split(s.Fill(Pick(topic.Reports)));
        string[] titles = [$"举报{core}", $"关于{core}的举报", $"{core}，请有关部门查处", $"反映{core}的问题"];
        var intro = Chance(40) ? s.Fill(Pick(Intros)) : "";
        var content = Pick(Greetings) + intro + Pick(ReportLeads) + WithTime(detail) + "。" + Pick(ReportEvidence) +
                      Pick(ReportAsks) + "。" + Pick(ReportClosings);
        return new(Pick(titles), content);
    }

    private DemoAppealText Praise(DemoTopic topic, Slots s)
    {
        var (core, _) = Split(s.Fill(PickFitting(topic.Issues, s)));
        var departments = _area.DepartmentsFor(topic.Code).ToArray();
        var unit = rng.Next(10) switch
        {
            < 6 when departments.Length > 0 => Pick(departments).Name,
            < 8 => s.T.EndsWith("街道", StringComparison.Ordinal) ? $"{s.T}办事处" : $"{s.T}政府",
            _ => s.IsCommunity ? $"{s.V}居委会" : $"{s.V}村委会",
        };
        string[] titles = [$"表扬{unit}{Pick(PraiseTitles)}", $"为{unit}工作人员点赞", $"感谢{unit}为群众排忧解难"];
        var content = Pick(Greetings) + s.Fill(Pick(Intros)) + Pick(PraiseTimes) + "我" + Pick(PraiseChannels) +
                      $"反映了{core}的问题，{unit}的工作人员{Pick(PraiseDeeds)}，{Pick(PraiseResults)}。" + Pick(PraiseThanks);
        return new(Pick(titles), content);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /// <summary>Sometimes a citizen adds a second, related problem of the same category.</summary>
    private string AlsoIssue(DemoTopic topic, string first, Slots s)
    {
        if (!Chance(30)) return "";
        var others = topic.Issues.Where(i => i != first && (s.IsCommunity || !i.Contains("小区"))).ToArray();
        if (others.Length == 0) return "";
        var (_, detail) = Split(s.Fill(Pick(others)));
        return Pick(["另外，", "还有，", "再说一个情况，"]) + detail.TrimStart('^') + "。";
    }

    private string Wish() => Chance(35) ? Pick(Wishes) : "";

    private string WithTime(string detail)
    {
        if (detail.StartsWith('^')) return detail[1..];
        if (detail.StartsWith('我') || Chance(15)) return detail;
        return Pick(TimeWords) + "，" + detail;
    }

    /// <summary>Prefers entries that fit the place: talk of 小区 and 楼 suits a community better than a village.</summary>
    private string PickFitting(string[] entries, Slots s)
    {
        if (s.IsCommunity) return Pick(entries);
        var rural = entries.Where(e => !e.Contains("小区") && !e.Contains("我们楼")).ToArray();
        return Pick(rural.Length > 0 ? rural : entries);
    }

    /// <summary>Where the issue happens, for titles: the village (with its township), else the road, else the township.</summary>
    private static (string Full, string Near) Places(string raw, Slots s)
    {
        if (raw.Contains("{v}") || raw.Contains("{loc}")) return (s.T + s.V, s.V);
        if (raw.Contains("{road}")) return (s.Road, s.Road);
        return raw.Contains("{t}") ? (s.T, s.T) : ("", "");
    }

    private static (string Core, string Detail) Split(string entry)
    {
        var bar = entry.IndexOf('|');
        return bar < 0 ? (entry, entry) : (entry[..bar], entry[(bar + 1)..]);
    }

    private Slots NewSlots(string township, string village)
    {
        var community = IsCommunity(village);
        var spot = Pick(community ? CommunitySpots : VillageSpots);
        return new Slots(township, village, community, village + spot, Pick(Roads), rng.Next(2, 10),
            $"{rng.Next(30, 450) * 100}元");
    }

    private static bool IsCommunity(string village) => village.EndsWith("社区", StringComparison.Ordinal);

    private T Pick<T>(IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private bool Chance(int percent) => rng.Next(100) < percent;

    private string FitLength(string text, int min, int max)
    {
        while (text.Length < min) text += Pick(Fillers);
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf('。', max - 1);
        return cut >= min - 1 ? text[..(cut + 1)] : text[..(max - 1)] + "。";
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private sealed record Slots(string T, string V, bool IsCommunity, string Loc, string Road, int N, string Money)
    {
        public string R => IsCommunity ? "居民" : "村民";

        public string C => IsCommunity ? "社区" : "村里";

        public string Fill(string template) => template
            .Replace("{t}", T).Replace("{v}", V).Replace("{loc}", Loc).Replace("{road}", Road)
            .Replace("{n}", N.ToString()).Replace("{money}", Money).Replace("{r}", R).Replace("{c}", C);
    }
}
