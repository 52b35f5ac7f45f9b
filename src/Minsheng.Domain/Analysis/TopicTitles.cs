using System.Text.RegularExpressions;

namespace Minsheng.Domain.Analysis;

/// <summary>
/// A topic's title is the most representative appeal title, cleaned of request words, question forms and
/// punctuation, and prefixed with the place when the title does not name it — a statement of place and problem
/// ("A2区丽发新城小区附近搅拌站噪音扰民") rather than one writer's question.
/// </summary>
internal static partial class TopicTitles
{
    [GeneratedRegex(@"^(?:关于|反映|投诉|举报|建议|请问|咨询|请求|要求|强烈要求|强烈建议|强烈反映|恳请|恳求|希望|请|再次|实名|紧急|求助|问问|质问|询问)+[:：，,、]?")]
    private static partial Regex LeadingRequest();

    [GeneratedRegex(@"(?:的问题|等问题|问题|的建议|的投诉|的咨询|的情况|情况|的反映|一事|事宜)$")]
    private static partial Regex TrailingNoun();

    [GeneratedRegex(@"[?？!！。.…~～\s""“”'‘’【】\[\]《》<>（）()]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"(?:吗|呢|么|吧|啊|呀)$")]
    private static partial Regex QuestionParticle();

    public static string Make(string representativeTitle, IReadOnlyList<string> places)
    {
        var t = TopicText.Normalize(representativeTitle);
        t = Punctuation().Replace(t, "");
        t = t.Trim('，', ',', '、', ':', '：', ';', '；', '-', '—');
        for (var i = 0; i < 3; i++)
        {
            var before = t;
            t = t.StartsWith("A市", StringComparison.Ordinal) && t.Length > 2 && TopicText.District().IsMatch(t) ? t[2..] : t;
            t = LeadingRequest().Replace(t, "");
            t = QuestionParticle().Replace(t, "");
            t = TrailingNoun().Replace(t, "");
            t = t.Trim('，', ',', '、', ':', '：', ';', '；');
            if (t == before) break;
        }
        if (t.Length == 0) t = TopicText.Normalize(representativeTitle).Trim();
        // Prefix the topic's main place when the title names none of its places; the district goes first when the
        // title has none, and the city then goes (it says nothing once the district is there).
        var named = places.Where(p => !TopicText.District().IsMatch(p)).ToList();
        if (named.Count > 0 && !named.Any(p => t.Contains(p, StringComparison.Ordinal) || ContainsCore(t, p))) t = named[0] + t;
        var district = places.FirstOrDefault(p => TopicText.District().IsMatch(p));
        if (district is not null && !TopicText.District().IsMatch(t)) t = district + t;
        if (TopicText.District().IsMatch(t)) t = t.Replace("A市", "", StringComparison.Ordinal);
        return t;
    }

    /// <summary>"丽发新城" in the title counts as naming "丽发新城小区".</summary>
    private static bool ContainsCore(string title, string place) =>
        place.Length >= 4 && title.Contains(place[..^Math.Min(2, place.Length - 2)], StringComparison.Ordinal);
}
