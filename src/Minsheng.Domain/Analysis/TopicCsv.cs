using System.Globalization;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Triage;

namespace Minsheng.Domain.Analysis;

/// <summary>
/// Message-board rows (id,user,title,time,detail,likes[,dislikes]) as topic documents, for the CLI verb and the
/// benchmark. Times are China time in the forms the board exports; an unreadable time or like count names its row
/// in a <see cref="FormatException"/> with a Chinese message rather than being guessed.
/// </summary>
public static class TopicCsv
{
    private static readonly string[] TimeFormats =
        ["yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy/M/d", "yyyy-M-d"];

    public static List<TopicDocument> Read(string path) => ToDocuments(CsvTable.Read(path));

    public static List<TopicDocument> Read(TextReader reader) => ToDocuments(CsvTable.Read(reader));

    public static List<TopicDocument> ToDocuments(CsvTable table)
    {
        int Col(string name) => table.Column(name) is >= 0 and var c ? c
            : throw new FormatException($"缺少“{name}”列；需要列 id,user,title,time,detail,likes，现有列：{string.Join(", ", table.Header)}。");
        var (id, user, title, time, detail) = (Col("id"), Col("user"), Col("title"), Col("time"), Col("detail"));
        var likes = table.Column("likes");
        var docs = new List<TopicDocument>(table.Rows.Count);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            var line = r + 2;
            if (!TryParseTime(row[time], out var at))
                throw new FormatException($"第 {line} 条记录（id {row[id]}）的时间“{row[time]}”无法识别，应为 YYYY/M/D H:MM:SS、YYYY-MM-DD HH:MM:SS 或 YYYY-MM-DD。");
            var support = 0;
            if (likes >= 0 && row[likes].Trim() is { Length: > 0 } l && !int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out support))
                throw new FormatException($"第 {line} 条记录（id {row[id]}）的点赞数“{l}”不是整数。");
            var person = row[user].Trim();
            docs.Add(new TopicDocument(row[id].Trim(), person.Length == 0 ? null : person, row[title], row[detail], at, Math.Max(0, support)));
        }
        return docs;
    }

    /// <summary>A board time (China time, no offset written) as an instant.</summary>
    public static bool TryParseTime(string text, out DateTimeOffset time)
    {
        var ok = DateTime.TryParseExact(text.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local);
        time = ok ? new DateTimeOffset(local, ChinaTime.Offset) : default;
        return ok;
    }
}
