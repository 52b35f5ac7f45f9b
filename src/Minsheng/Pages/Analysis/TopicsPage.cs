using System.Globalization;
using System.Text;

namespace Minsheng.Pages.Analysis;

/// <summary>Shared bits of the topic pages: the sparkline as inline SVG (no script, no inline style) and number formats.</summary>
public static class TopicsPage
{
    public static readonly (int Days, string Label)[] Periods = [(7, "近7天"), (30, "近30天"), (90, "近90天")];

    /// <summary>A polyline of the daily counts scaled into a 120×28 box; the last day is marked with a dot.</summary>
    public static string SparklinePoints(IReadOnlyList<int> daily, double width = 120, double height = 28)
    {
        if (daily.Count == 0) return "";
        var max = Math.Max(1, daily.Max());
        var step = daily.Count == 1 ? 0 : width / (daily.Count - 1);
        var sb = new StringBuilder();
        for (var i = 0; i < daily.Count; i++)
        {
            var x = i * step;
            var y = height - 2 - (height - 4) * daily[i] / max;
            sb.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
        }
        return sb.ToString().TrimEnd();
    }

    public static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string TrendCss(string trend) => trend.StartsWith("上升", StringComparison.Ordinal) ? "trend up"
        : trend.StartsWith("下降", StringComparison.Ordinal) ? "trend down" : trend == "新出现" ? "trend new" : "trend";
}
