using Minsheng.Infrastructure.Documents;

namespace Minsheng.Features.Analysis.Bulletins;

/// <summary>
/// 《民意参考》 as a file, through the same document toolkit as the weekly report: the issue's items as blocks, with a chart of
/// how many appeals and people each item stands for; Word or PDF through <see cref="DocumentFiles"/>.
/// </summary>
public sealed class BulletinExport(DocumentFiles files)
{
    public const string PdfType = DocumentFiles.PdfType;

    public Task<byte[]> DocxAsync(BulletinView bulletin, CancellationToken ct) => files.DocxAsync(Build(bulletin), ct);

    public Task<byte[]> PdfAsync(BulletinView bulletin, CancellationToken ct) => files.PdfAsync(Build(bulletin), ct);

    public static string FileName(BulletinView b, string extension) => $"民意参考_{b.Summary.NumberLabel}.{extension}";

    public static DocDocument Build(BulletinView b)
    {
        var s = b.Summary;
        var date = s.IssuedAt is { } at ? Domain.Calendar.ChinaTime.ToChina(at).ToString("yyyy年M月d日") : "（未签发）";
        var blocks = new List<DocBlock>
        {
            new DocParagraph($"本期要目：{string.Join("；", b.Items.Select(i => $"{i.Ordinal}、{i.Title}"))}。"),
        };
        if (b.Items.Count > 0)
            blocks.Add(new DocImage(
                SvgBarChart.Draw(b.Items.Select(i => new BarItem($"{i.Ordinal}、{i.Title}", i.AppealCount, i.PeopleCount)).ToList(), "诉求件数", "反映人数"),
                SvgBarChart.Width, SvgBarChart.HeightFor(b.Items.Count), "各条目涉及的诉求件数与反映人数"));
        foreach (var i in b.Items)
        {
            blocks.Add(new DocHeading(1, $"{i.Ordinal}、{i.Title}"));
            blocks.Add(new DocParagraph($"【问题】{i.Problem}"));
            blocks.Add(new DocParagraph($"【反映情况】涉及诉求 {i.AppealCount} 件，{i.PeopleCount} 人反映。"));
            foreach (var voice in i.Voices) blocks.Add(new DocParagraph($"【群众声音】“{voice}”", Note: true));
            blocks.Add(new DocParagraph($"【办理情况】{i.Handling}"));
            blocks.Add(new DocParagraph($"【分析建议】{i.Recommendation}"));
        }
        return new DocDocument("民意参考", $"{s.NumberLabel}　{s.IssuingOffice}　{date}", blocks, $"民意参考 {s.NumberLabel}");
    }
}
