using System.Text;

namespace Minsheng.Domain.Triage;

/// <summary>
/// A small RFC 4180 reader (quoted fields with "" escapes and line breaks inside them; CRLF or LF), so the
/// domain needs no CSV package. Problems surface as <see cref="FormatException"/> with a Chinese message.
/// </summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<string[]> Rows)
{
    public static CsvTable Read(TextReader reader)
    {
        // Blank lines are not records; a short or long record is an error, not something to guess about.
        var records = ReadRecords(reader).Where(r => r.Length > 1 || r[0].Length > 0).ToList();
        if (records.Count == 0) throw new FormatException("CSV 文件为空，缺少表头。");
        var header = records[0].Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        for (var r = 1; r < records.Count; r++)
            if (records[r].Length != header.Length)
                throw new FormatException($"CSV 第 {r + 1} 条记录有 {records[r].Length} 列，表头有 {header.Length} 列。");
        return new CsvTable(header, records.Skip(1).ToList());
    }

    public static CsvTable Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader);
    }

    public int Column(string name) => Header.ToList().IndexOf(name);

    /// <summary>
    /// Appeals as classifier input: title plus detail (or content); label when <paramref name="label"/> is
    /// true. Rows with an empty label are rejected, since silently dropping them would skew the scores.
    /// </summary>
    public IReadOnlyList<TriageDocument> ToDocuments(bool label)
    {
        var title = Required("title");
        var content = Column("detail") is >= 0 and var d ? d : Required("content");
        var labelColumn = label ? Required("label") : -1;
        return Rows.Select((r, i) =>
        {
            var l = label ? r[labelColumn].Trim() : null;
            if (l == "") throw new FormatException($"CSV 第 {i + 2} 条记录缺少类别标签（label 列）。");
            return new TriageDocument(r[title], r[content], l);
        }).ToList();
    }

    private int Required(string name) => Column(name) is >= 0 and var c ? c
        : throw new FormatException($"CSV 缺少“{name}”列；现有列：{string.Join(", ", Header)}。");

    public static IEnumerable<string[]> ReadRecords(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var atFieldStart = true;
        var line = 1;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') field.Append((char)reader.Read());
                    else quoted = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n' or '\r':
                    line++;
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    yield return fields.ToArray();
                    fields.Clear();
                    break;
                default:
                    field.Append((char)c);
                    atFieldStart = false;
                    break;
            }
        }
        if (quoted) throw new FormatException($"CSV 在第 {line} 行附近有未闭合的引号。");
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields.ToArray();
        }
    }
}
