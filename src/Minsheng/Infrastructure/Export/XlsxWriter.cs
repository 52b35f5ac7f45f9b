using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Minsheng.Domain.Calendar;

namespace Minsheng.Infrastructure.Export;

/// <summary>
/// The product's Excel exports (统计表, 台账): one sheet, a bold header row, then rows of plain values.
/// Numbers become numeric cells Excel can sum; null an empty cell; times are written in China time;
/// anything else as text. Strings go inline, so the file needs no shared-string table.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint BoldStyle = 1;

    public static byte[] Write(string sheetName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();

            var widths = headers.Select(Width).ToArray();
            var data = new SheetData();
            data.Append(Row(1, headers.Cast<object?>().ToList(), BoldStyle, widths));
            uint index = 2;
            foreach (var row in rows) data.Append(Row(index++, row, null, widths));

            var columns = new Columns(widths.Select((w, i) => new Column
            {
                Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Min(60, w + 2), CustomWidth = true,
            }));
            // The header stays in view while scrolling a long table.
            var views = new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 });
            sheetPart.Worksheet = new Worksheet(views, columns, data);

            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(sheetName) }));
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, uint? style, double[] widths)
    {
        var row = new Row { RowIndex = index };
        for (var i = 0; i < values.Count; i++)
        {
            var cell = Cell(values[i]);
            cell.CellReference = ColumnName(i) + index;
            if (style is { } s) cell.StyleIndex = s;
            row.Append(cell);
            if (i < widths.Length) widths[i] = Math.Max(widths[i], Width(Text(values[i])));
        }
        return row;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        byte or short or int or long or float or double or decimal => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0"),
        },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Text(value)) { Space = SpaceProcessingModeValues.Preserve }) },
    };

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTimeOffset t => ChinaTime.ToChina(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Clean(value.ToString() ?? ""),
    };

    /// <summary>XML cannot carry most control characters; a stray one in user text must not break the file.</summary>
    private static string Clean(string s)
    {
        if (!s.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r'))) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) if (c >= 0x20 || c is '\t' or '\n' or '\r') sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Roughly the characters' display width: CJK characters take two columns.</summary>
    private static double Width(string s) => s.Sum(c => c > 0x2E80 ? 2 : 1);

    /// <summary>A, B, ..., Z, AA, AB, ...</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        if (clean.Length == 0) clean = "Sheet1";
        return clean.Length > 31 ? clean[..31] : clean;
    }

    /// <summary>Style 0 is Excel's default; style 1 is the bold header.</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }) { Count = 2 });
}
