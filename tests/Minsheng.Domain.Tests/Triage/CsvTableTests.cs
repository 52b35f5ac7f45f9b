using Minsheng.Domain.Triage;

namespace Minsheng.Domain.Tests.Triage;

public class CsvTableTests
{
    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_line_breaks()
    {
        const string csv = "\uFEFFid,user,title,time,detail,label\r\n"
            + "1,U1,\"路灯不亮，晚上太黑\",2020/1/8 13:54:22,\"第一行\r\n第二行，说\"\"请修\"\"\",城乡建设\r\n"
            + "\r\n"
            + "2,U2,学校收费,2020-01-09 08:00:00,\"\",教育文体";
        var table = CsvTable.Read(new StringReader(csv));
        table.Header.ShouldBe(["id", "user", "title", "time", "detail", "label"]);
        table.Rows.Count.ShouldBe(2);
        var docs = table.ToDocuments(label: true);
        docs[0].ShouldBe(new TriageDocument("路灯不亮，晚上太黑", "第一行\r\n第二行，说\"请修\"", "城乡建设"));
        docs[1].ShouldBe(new TriageDocument("学校收费", "", "教育文体"));
    }

    [Fact]
    public void Missing_column_is_reported_in_chinese()
    {
        var table = CsvTable.Read(new StringReader("id,title,detail\n1,标题,内容\n"));
        Should.Throw<FormatException>(() => table.ToDocuments(label: true)).Message.ShouldContain("缺少“label”列");
        table.ToDocuments(label: false).Single().Label.ShouldBeNull();
    }

    [Fact]
    public void Unclosed_quote_and_ragged_rows_are_errors()
    {
        Should.Throw<FormatException>(() => CsvTable.Read(new StringReader("a,b\n\"x,1\n"))).Message.ShouldContain("引号");
        Should.Throw<FormatException>(() => CsvTable.Read(new StringReader("a,b\n1,2,3\n"))).Message.ShouldContain("列");
        Should.Throw<FormatException>(() => CsvTable.Read(new StringReader(""))).Message.ShouldContain("为空");
    }

    [Fact]
    public void Empty_label_is_rejected_rather_than_silently_dropped()
    {
        var table = CsvTable.Read(new StringReader("title,detail,label\n标题,内容, \n"));
        Should.Throw<FormatException>(() => table.ToDocuments(label: true)).Message.ShouldContain("缺少类别标签");
    }
}
