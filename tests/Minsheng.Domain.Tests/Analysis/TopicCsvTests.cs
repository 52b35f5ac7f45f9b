using Minsheng.Domain.Analysis;

namespace Minsheng.Domain.Tests.Analysis;

public class TopicCsvTests
{
    private const string Header = "id,user,title,time,detail,likes,dislikes\n";

    [Fact]
    public void Reads_rows_with_both_time_forms_and_line_breaks_in_fields()
    {
        var docs = TopicCsv.Read(new StringReader(Header +
            "1,u1,标题一,2019/2/28 11:25:05,\"第一行\n第二行\",3,0\n" +
            "2,u2,标题二,2019-12-15 12:32:11,内容,0,0\n" +
            "3,,标题三,2019-08-01,内容,,0\n"));
        docs.Count.ShouldBe(3);
        docs[0].Text.ShouldBe("第一行\n第二行");
        docs[0].Supporters.ShouldBe(3);
        docs[0].Time.ShouldBe(new DateTimeOffset(2019, 2, 28, 11, 25, 5, TimeSpan.FromHours(8)));
        docs[1].Time.ShouldBe(new DateTimeOffset(2019, 12, 15, 12, 32, 11, TimeSpan.FromHours(8)));
        docs[2].Time.ShouldBe(new DateTimeOffset(2019, 8, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        docs[2].PersonKey.ShouldBeNull();
        docs[2].Supporters.ShouldBe(0);
    }

    [Fact]
    public void An_unreadable_time_names_the_row_in_chinese()
    {
        var e = Should.Throw<FormatException>(() => TopicCsv.Read(new StringReader(Header + "7,u1,标题,昨天下午,内容,0,0\n")));
        e.Message.ShouldContain("第 2 条记录");
        e.Message.ShouldContain("昨天下午");
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var e = Should.Throw<FormatException>(() => TopicCsv.Read(new StringReader("id,user,title,detail\n1,u,t,d\n")));
        e.Message.ShouldContain("“time”");
    }

    [Fact]
    public void A_non_numeric_like_count_is_refused()
    {
        Should.Throw<FormatException>(() => TopicCsv.Read(new StringReader(Header + "1,u,t,2019/1/1 1:00:00,d,很多,0\n")))
            .Message.ShouldContain("点赞数");
    }
}
