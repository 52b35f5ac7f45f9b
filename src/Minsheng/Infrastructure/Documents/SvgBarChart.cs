using System.Globalization;
using System.Net;
using System.Text;

namespace Minsheng.Infrastructure.Documents;

/// <summary>One bar: its label, this period's value and, optionally, the previous period's for comparison.</summary>
public sealed record BarItem(string Label, double Value, double? Previous = null);

/// <summary>
/// Horizontal bar charts drawn as plain SVG on the server: nothing to wait for when Chromium prints (no script,
/// no animation), the same picture in the page, the PDF and (rendered to PNG) the Word file.
/// </summary>
public static class SvgBarChart
{
    public const int Width = 640;
    private const int Row = 28, Top = 30, LabelWidth = 150, Right = 70;
    private const string Current = "#c0392b", Before = "#b8b8b8";
    private const string Font = "Noto Sans CJK SC, SimHei, sans-serif";

    public static int HeightFor(int bars) => Top + Math.Max(1, bars) * Row + 12;

    /// <summary>The chart; with previous values a grey bar under each red one and a legend naming both periods.</summary>
    public static string Draw(IReadOnlyList<BarItem> items, string currentName, string? previousName = null)
    {
        var height = HeightFor(items.Count);
        var max = Math.Max(1, items.Select(i => Math.Max(i.Value, i.Previous ?? 0)).DefaultIfEmpty(0).Max());
        var span = Width - LabelWidth - Right;
        var compare = previousName is not null && items.Any(i => i.Previous is not null);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" font-family=\"{Font}\" font-size=\"13\" role=\"img\">");
        sb.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        Legend(sb, 0, Current, currentName);
        if (compare) Legend(sb, 150, Before, previousName!);
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            var y = Top + i * Row;
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" fill=\"#222\">{E(Clip(it.Label))}</text>");
            var barHeight = compare ? 12 : 18;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{Len(it.Value, max, span):0.#}\" height=\"{barHeight}\" fill=\"{Current}\"/>");
            if (compare && it.Previous is { } p)
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 16}\" width=\"{Len(p, max, span):0.#}\" height=\"8\" fill=\"{Before}\"/>");
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + Len(it.Value, max, span) + 6:0.#}\" y=\"{y + 15}\" fill=\"#222\">{Number(it.Value)}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void Legend(StringBuilder sb, int x, string color, string name)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth + x}\" y=\"6\" width=\"14\" height=\"10\" fill=\"{color}\"/>");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + x + 20}\" y=\"16\" fill=\"#444\" font-size=\"12\">{E(name)}</text>");
    }

    private static double Len(double value, double max, int span) => Math.Max(value > 0 ? 1 : 0, value / max * span);

    private static string Number(double v) => v.ToString(v == Math.Floor(v) ? "0" : "0.0", CultureInfo.InvariantCulture);

    private static string Clip(string label) => label.Length <= 10 ? label : label[..9] + "…";

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
