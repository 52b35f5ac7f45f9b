using System.Text;
using System.Text.RegularExpressions;
using Minsheng.Domain.Text;

namespace Minsheng.Domain.Analysis;

/// <summary>
/// Turns an appeal into the words that say what it is about: NFKC-normalised (full-width digits and letters become
/// ASCII, so "３号线" and "3号线" agree), segmented by jieba, with the words every appeal uses ("反映""问题""领导")
/// removed, because they would make unrelated appeals look alike.
/// </summary>
internal static partial class TopicText
{
    /// <summary>Districts and counties of the anonymised data ("A2区", "A7县") and real ones ("芙蓉区").</summary>
    [GeneratedRegex(@"[A-Z]\d{1,2}[区县市]")]
    internal static partial Regex District();

    /// <summary>Words that carry no topic: request verbs, politeness, pronouns, vague time, the city and province.</summary>
    private static readonly HashSet<string> StopWords = new(
        """
        反映 问题 建议 请问 咨询 投诉 举报 关于 希望 领导 您好 你好 尊敬 相关 部门 政府 请求 要求 情况 现在 目前 已经 我们 他们
        你们 没有 什么 怎么 为什么 何时 什么 时候 什么时候 是否 能否 可以 一个 这个 那个 这些 那些 但是 而且 因为 所以 如果 还是
        就是 不是 还有 进行 存在 非常 市民 居民 谢谢 感谢 一下 这样 以及 等等 同时 由于 对于 并且 其中 以上 以下 本人 我家 自己
        大家 多次 一直 今年 去年 时间 工作 解决 处理 尽快 及时 有关 单位 西地省 A市 请 恳请 强烈 希望 急需 急 能 会 要 有 在 是
        的 了 和 与 及 或 也 都 就 还 又 被 把 对 向 从 到 让 给 为 由 以 于 之 其 该 此 这 那 我 你 他 她 它 您 吗 呢 吧 啊
        一些 很多 许多 所有 各种 这种 那种 一样 一定 应该 需要 不能 不会 可能 如何 怎样 为何 还要 只能 只有 不到 没 不 很 太
        最 更 比较 特别 十分 相当 今天 昨天 明天 每天 每次 之前 之后 以后 以前 后来 当时 然后 此外 另外 同志 书记 市长 局长 县长
        区长 主任 您们 麻烦 帮忙 帮助 回复 答复 回应 网友 留言 信访 感谢您 诉求 群众 老百姓 百姓 市里 省里 上级 下来 起来 出来 过来
        一年 两年 半年 几年 多年 一天 几天 个月 一个月 很久 很长 长期 年 月 日 号 天 元 万元 多 个 次 人 等 上 下 中 内 外 后 前
        导致 造成 影响 严重影响 带来 出现 发生 根据 按照 通过 经过 关注 重视 落实 不予 予以 给予 是不是 有没有 能不能 会不会 可不可以
        知道 了解 认为 觉得 表示 说 告诉 看到 发现 得到 不得 不想 不要 不用 不再 仍然 依然 还是 始终 结果 问 答 称 据 地方 事情
        方面 部分 问题所在 真的 确实 实在 竟然 居然 根本 完全 已 曾 将 正在 即将 马上 立即 尽早 早日 何 啥 咋 哪 哪里 哪些 怎么办
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>NFKC plus removal of control characters; the anonymised texts mix full-width and half-width forms.</summary>
    internal static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var n = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(n.Length);
        foreach (var c in n) sb.Append(char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c);
        return sb.ToString();
    }

    /// <summary>
    /// Districts, the city and the province become commas before segmentation: jieba otherwise glues the district's
    /// last character to the next word ("A7县楚龙" → "县楚龙"), which splits one place into many spellings.
    /// Districts are features of their own (see <see cref="District"/>).
    /// </summary>
    internal static string ForSegmentation(string normalized) =>
        District().Replace(normalized, "，").Replace("A市", "，").Replace("西地省", "，");

    /// <summary>Content words of an (already normalised) text: two or more characters, at least one of them Chinese.</summary>
    internal static List<string> Words(string normalized)
    {
        var words = new List<string>();
        if (normalized.Length == 0) return words;
        foreach (var w in ChineseWords.Cut(ForSegmentation(normalized)))
            if (IsContentWord(w)) words.Add(w);
        return words;
    }

    /// <summary>
    /// Chinese character pairs of a title, marked with '~' so they never collide with words. They make titles match
    /// where jieba cuts the same phrase differently ("58车贷案" → 车/贷案, "58车贷案件" → 车贷/案件).
    /// </summary>
    internal static IEnumerable<string> Bigrams(string normalized)
    {
        var text = ForSegmentation(normalized);
        for (var i = 0; i + 1 < text.Length; i++)
            if (IsChinese(text[i]) && IsChinese(text[i + 1]) && !StopChars.Contains(text[i]) && !StopChars.Contains(text[i + 1]))
                yield return string.Concat("~", text.AsSpan(i, 2));
    }

    /// <summary>Function characters: a pair holding one ("的噪", "了吗") says nothing.</summary>
    private static readonly HashSet<char> StopChars = [.. "的了吗呢吧啊是在和与及或也都就还又被把对向从到让给为由以于之其该此这那我你他她它您们么什怎何请问"];

    internal static bool IsContentWord(string w)
    {
        if (w.Length < 2 || StopWords.Contains(w)) return false;
        var chinese = 0;
        foreach (var c in w)
        {
            if (IsChinese(c)) chinese++;
            else if (!char.IsLetterOrDigit(c)) return false;
        }
        return chinese > 0;
    }

    internal static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';
}
