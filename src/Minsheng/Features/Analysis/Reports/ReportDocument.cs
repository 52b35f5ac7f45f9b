using System.Globalization;
using System.Text.Json;
using Minsheng.Infrastructure;
using Minsheng.Infrastructure.Documents;

namespace Minsheng.Features.Analysis.Reports;

/// <summary>
/// A report as document blocks: the same blocks are the page, the PDF and the Word file. Sections follow the usual
/// order of a 周报: 总体情况, 诉求分布, 办理质效, 超期与督办, 热点问题, 典型案例, then the analyst's 分析 and 建议.
/// </summary>
public static class ReportDocument
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ReportFigures Figures(Report r) => JsonSerializer.Deserialize<ReportFigures>(r.FiguresJson, Json)!;

    public static string Subtitle(Report r, ReportFigures f) =>
        (r.IsoWeek is { } w ? $"{IsoWeeks.Describe(w)}（{ReportWriter.Period(f)}）" : ReportWriter.Period(f))
        + (r.Status == ReportStatus.Issued && r.IssuedAt is { } at ? $"　{Domain.Calendar.ChinaTime.ToChina(at):yyyy年M月d日}签发" : "　草稿");

    public static DocDocument Build(Report r)
    {
        var f = Figures(r);
        var weekly = r.Kind == ReportKind.Weekly;
        var (now, before) = weekly ? ("本周", "上周") : ("本期", "上期");
        var blocks = new List<DocBlock>();
        var n = 0;
        string Section(string title) => $"{Numerals[n++]}、{title}";

        if (r.Kind == ReportKind.Special)
        {
            blocks.Add(new DocHeading(1, Section("关注事项")));
            if (!string.IsNullOrWhiteSpace(r.Focus)) blocks.Add(new DocParagraph(r.Focus));
            if (!string.IsNullOrWhiteSpace(r.Topic)) blocks.Add(new DocParagraph($"相关热点：{r.Topic}"));
            blocks.Add(new DocParagraph($"相关诉求 {f.RelatedCases.Count} 件。"));
            Cases(blocks, f.RelatedCases);
        }

        blocks.Add(new DocHeading(1, Section("总体情况")));
        blocks.Add(new DocParagraph(r.Summary));
        blocks.Add(new DocTable(["指标", now, before, "变化"],
        [
            Row(f.Received), Row(f.Closed),
            RateRow("响应率", f.Response), RateRow("解决率", f.Resolution), RateRow("满意率", f.Satisfaction), RateRow("按时办结率", f.OnTime),
            ["当前超期", Count(f.OverdueNow), "—", "—"],
        ], Numeric(1, 2, 3)));

        blocks.Add(new DocHeading(1, Section("诉求分布")));
        blocks.Add(Chart(f.ByCategory, "按类别（一级分类）", now, before));
        blocks.Add(Breakdown("按渠道", f.ByChannel, now, before));
        blocks.Add(Breakdown("按类型", f.ByType, now, before));
        blocks.Add(Chart(f.ByTownship, "按乡镇（街道）", now, before));
        blocks.Add(Breakdown("按乡镇（街道）", f.ByTownship, now, before));

        blocks.Add(new DocHeading(1, Section("办理质效")));
        blocks.Add(new DocParagraph($"按满意率排列，仅列回访接通不少于 {f.MinUnitSample} 件的单位（n 为回访接通件数）。", Note: true));
        blocks.Add(new DocHeading(2, "满意率较高的单位"));
        blocks.Add(Units(f.BestUnits));
        blocks.Add(new DocHeading(2, "满意率较低的单位"));
        blocks.Add(Units(f.WorstUnits));

        blocks.Add(new DocHeading(1, Section("超期与督办")));
        blocks.Add(new DocParagraph($"当前超期 {f.OverdueNow} 件，{now}督办 {f.SupervisedTotal} 件。下表各列前 {ReportFiguresBuilder.CasesListed} 件。"));
        blocks.Add(new DocHeading(2, "当前超期诉求"));
        blocks.Add(CaseTable(f.OverdueCases, "已超期"));
        blocks.Add(new DocHeading(2, $"{now}督办诉求"));
        blocks.Add(CaseTable(f.SupervisedCases, "督办"));

        blocks.Add(new DocHeading(1, Section("热点问题")));
        if (!f.Topics.Available || f.Topics.Topics.Count == 0) blocks.Add(new DocParagraph(f.Topics.Note));
        else
        {
            if (f.Topics.Note.Length > 0) blocks.Add(new DocParagraph(f.Topics.Note, Note: true));
            blocks.Add(new DocTable(["热点", now, before, $"{now}人数", "地点", "趋势"],
                f.Topics.Topics.Select(t => (IReadOnlyList<string>)[t.Title, Count(t.Count), Count(t.PreviousCount), Count(t.People), t.Places,
                    t.New ? "新出现" : t.Rising ? "上升" : "持续"]).ToList(), Numeric(1, 2, 3, 5)));
        }

        if (weekly || f.TypicalCases.Count > 0)
        {
            blocks.Add(new DocHeading(1, Section("典型案例")));
            if (f.TypicalCases.Count == 0) blocks.Add(new DocParagraph($"{now}无已办结并答复的诉求。"));
            Cases(blocks, f.TypicalCases);
        }

        blocks.Add(new DocHeading(1, Section("分析")));
        blocks.Add(new DocParagraph(string.IsNullOrWhiteSpace(r.Analysis) ? "（无）" : r.Analysis));
        blocks.Add(new DocHeading(1, Section("工作建议")));
        blocks.Add(new DocParagraph(string.IsNullOrWhiteSpace(r.Suggestions) ? "（无）" : r.Suggestions));
        blocks.Add(new DocParagraph(
            $"口径：统计{ReportWriter.Period(f)}受理的诉求（北京时间），与{before}（{f.PreviousFrom:M月d日}至{f.PreviousTo:M月d日}）比较；" +
            "响应率、解决率、满意率、按时办结率的定义与统计分析页相同；超期为报告生成时的状态。" +
            $"数据生成于 {Infrastructure.Web.Ui.Time(f.ComputedAt)}。个人信息已去除。", Note: true));
        return new DocDocument(r.Title, Subtitle(r, f), blocks, r.Title);
    }

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    private static void Cases(List<DocBlock> blocks, IReadOnlyList<TypicalCase> cases)
    {
        foreach (var c in cases)
        {
            blocks.Add(new DocHeading(2, $"{c.Number}　{c.Title}"));
            blocks.Add(new DocParagraph($"类别：{c.Category}；承办单位：{c.Unit}；回访：{c.Outcome}。", Note: true));
            blocks.Add(new DocParagraph($"诉求：{c.Content}"));
            blocks.Add(new DocParagraph($"答复：{c.Reply}"));
        }
    }

    private static DocImage Chart(IReadOnlyList<Measure> items, string title, string now, string before)
    {
        var top = items.Take(ReportFiguresBuilder.BreakdownListed).ToList();
        var svg = SvgBarChart.Draw(top.Select(m => new BarItem(m.Label, m.Current, m.Previous)).ToList(), now, before);
        return new DocImage(svg, SvgBarChart.Width, SvgBarChart.HeightFor(top.Count), $"图：{title}诉求量（{now}与{before}）");
    }

    private static DocTable Breakdown(string title, IReadOnlyList<Measure> items, string now, string before) =>
        new([title, now, before, "环比"], items.Take(ReportFiguresBuilder.BreakdownListed).Select(Row).ToList(), Numeric(1, 2, 3));

    private static DocTable Units(IReadOnlyList<UnitRank> units) => new(["单位", "受理量", "满意率", "n", "按时办结率"],
        units.Count == 0 ? [["（无：回访接通达到件数要求的单位均已列入上表，或没有）", "", "", "", ""]]
            : units.Select(u => (IReadOnlyList<string>)[u.Unit, Count(u.Received), u.Satisfaction.Text, Count(u.Satisfaction.Denominator), u.OnTime.Text]).ToList(),
        Numeric(1, 2, 3, 4));

    private static DocTable CaseTable(IReadOnlyList<CaseLine> cases, string noteHeader) => new(["编号", "诉求", "承办单位", "状态", noteHeader],
        cases.Count == 0 ? [["（无）", "", "", "", ""]] : cases.Select(c => (IReadOnlyList<string>)[c.Number, c.Title, c.Unit, c.Status, c.Note]).ToList());

    private static IReadOnlyList<string> Row(Measure m) => [m.Label, Count(m.Current), Count(m.Previous), Percent(m.Change)];

    private static IReadOnlyList<string> RateRow(string label, RateChange r) =>
        [label, r.Current.Text, r.Previous.Text, r.Delta is { } d ? $"{d:+0.0;-0.0;0} 个百分点" : "—"];

    public static string Percent(double? change) => change is { } c ? $"{c:+0.0;-0.0;0}%" : "—";

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static HashSet<int> Numeric(params int[] columns) => [.. columns];
}
