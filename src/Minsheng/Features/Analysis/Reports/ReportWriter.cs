using System.Globalization;
using System.Text;

namespace Minsheng.Features.Analysis.Reports;

/// <summary>
/// The first draft of a report's text, written from its figures only, so that every number in it can be checked
/// against the tables: 摘要 (volumes, rates, distribution, overdue), 分析 (what rose, topics) and 工作建议. The
/// analyst rewrites what they like before issuing.
/// </summary>
public static class ReportWriter
{
    public static ReportText Draft(ReportFigures f, bool weekly, string? focus = null) =>
        new(Summary(f, weekly), Analysis(f, weekly, focus), Suggestions(f));

    public static string Period(ReportFigures f) =>
        f.From.Year == f.To.Year ? $"{f.From:yyyy年M月d日}至{f.To:M月d日}" : $"{f.From:yyyy年M月d日}至{f.To:yyyy年M月d日}";

    public static string Summary(ReportFigures f, bool weekly)
    {
        var (now, before) = weekly ? ("本周", "上周") : ("本期", "上期");
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{now}（{Period(f)}）{f.JurisdictionName}共受理群众诉求 {f.Received.Current} 件，");
        sb.Append(Change(f.Received, before)).Append("；其中已办结 ").Append(f.Received.Current == 0 ? "0" : f.Closed.Current.ToString(CultureInfo.InvariantCulture)).Append(" 件。");
        sb.Append("响应率 ").Append(f.Response.Current.Text).Append(Delta(f.Response))
          .Append("，解决率 ").Append(f.Resolution.Current.Text).Append(Delta(f.Resolution))
          .Append("，满意率 ").Append(f.Satisfaction.Current.Text).Append(Delta(f.Satisfaction))
          .Append("，按时办结率 ").Append(f.OnTime.Current.Text).Append(Delta(f.OnTime)).Append('。');
        if (f.ByChannel.FirstOrDefault(m => m.Current > 0) is { } channel)
            sb.Append(CultureInfo.InvariantCulture, $"从渠道看，{channel.Label}最多（{channel.Current} 件）");
        var top = f.ByCategory.Where(m => m.Current > 0).Take(3).ToList();
        if (top.Count > 0) sb.Append("；从类别看，").Append(string.Join("、", top.Select(m => $"{m.Label}（{m.Current} 件）"))).Append("居前");
        if (f.ByTownship.FirstOrDefault(m => m.Current > 0) is { } town)
            sb.Append(CultureInfo.InvariantCulture, $"；从地域看，{town.Label}诉求最多（{town.Current} 件）");
        if (f.ByChannel.Any(m => m.Current > 0) || top.Count > 0) sb.Append('。');
        sb.Append(CultureInfo.InvariantCulture, $"截至报告生成时，当前超期诉求 {f.OverdueNow} 件；{now}督办 {f.SupervisedTotal} 件。");
        return sb.ToString();
    }

    private static string Analysis(ReportFigures f, bool weekly, string? focus)
    {
        var before = weekly ? "上周" : "上期";
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(focus)) lines.Add($"关注事项：{focus.Trim()}");
        var rising = f.ByCategory.Where(m => m.Current >= 3 && m.Current > m.Previous).OrderByDescending(m => m.Current - m.Previous).Take(3).ToList();
        if (rising.Count > 0)
            lines.Add("增长较快的类别：" + string.Join("；", rising.Select(m => $"{m.Label} {m.Current} 件（{before} {m.Previous} 件）")) + "。");
        var towns = f.ByTownship.Where(m => m.Current >= 3 && m.Current > m.Previous).OrderByDescending(m => m.Current - m.Previous).Take(3).ToList();
        if (towns.Count > 0)
            lines.Add("诉求增加较多的地域：" + string.Join("；", towns.Select(m => $"{m.Label} {m.Current} 件（{before} {m.Previous} 件）")) + "。");
        var hot = f.Topics.Topics.Where(t => t.New || t.Rising).Take(5).ToList();
        if (hot.Count > 0)
            lines.Add("新出现或上升的热点：" + string.Join("；", hot.Select(t => $"{t.Title}（{t.Count} 件{(t.New ? "，新出现" : $"，{before} {t.PreviousCount} 件")}）")) + "。");
        if (f.WorstUnits.Count > 0)
            lines.Add("满意率偏低的单位：" + string.Join("、", f.WorstUnits.Select(u => $"{u.Unit}（{u.Satisfaction.Text}，回访 {u.Satisfaction.Denominator} 件）")) + "。");
        return lines.Count == 0 ? "本期各项指标无明显异常变化。" : string.Join("\n", lines);
    }

    private static string Suggestions(ReportFigures f)
    {
        var lines = new List<string>();
        if (f.OverdueNow > 0) lines.Add($"对当前超期的 {f.OverdueNow} 件诉求逐件督办，明确办结时限。");
        if (f.WorstUnits.Count > 0) lines.Add($"请{string.Join("、", f.WorstUnits.Select(u => u.Unit))}分析不满意原因，加强与群众沟通。");
        if (f.Topics.Topics.FirstOrDefault(t => t.New || t.Rising) is { } topic) lines.Add($"对“{topic.Title}”相关诉求开展集中研判，举一反三。");
        return string.Join("\n", lines);
    }

    private static string Change(Measure m, string before) => m.Change switch
    {
        null when m.Previous == 0 => $"{before}无受理",
        0 => $"与{before}持平",
        > 0 and var c => $"环比上升 {c:0.#}%（{before} {m.Previous} 件）",
        var c => $"环比下降 {-c:0.#}%（{before} {m.Previous} 件）",
    };

    private static string Delta(RateChange r) => r.Delta switch
    {
        null => "",
        0 => "（持平）",
        > 0 and var d => $"（上升 {d:0.#} 个百分点）",
        var d => $"（下降 {-d:0.#} 个百分点）",
    };
}
