using Minsheng.Domain.Triage;

namespace Minsheng.Domain.Tests.Triage;

public class ReplyDepartmentsTests
{
    [Theory]
    [InlineData("网友您好！您的留言已收悉，市教育局高度重视，现答复如下：", "教育文体")]
    [InlineData("经市人社局劳动监察支队调查，该公司已补发工资。", "劳动和社会保障")]
    [InlineData("市住建局将您反映的问题交由市房屋交易管理中心办理。", "城乡建设")]
    [InlineData("市教育局会同市交通运输局对校车线路进行了调整。", null)] // two categories: no label
    [InlineData("A3区洋湖街道高度重视，立即组织力量调查处理。", null)] // a district body names no category
    [InlineData("我们将加强教育，提高服务意识。", null)] // a topic word is not a department
    public void A_reply_names_one_departments_category_or_none(string reply, string? category) =>
        ReplyDepartments.CategoryOf(reply).ShouldBe(category);

    [Fact]
    public void Weak_labels_skip_texts_that_repeat_the_excluded_set()
    {
        const string csv = "id,title,detail,reply\n"
            + "1,幼儿园收费太高,我家孩子上的民办幼儿园一学期收费八千元，希望教育部门管一管收费标准。,市教育局答复：已责成核查。\n"
            + "2,公交线路调整建议,建议八路公交车延长到高铁站，方便周边居民出行，谢谢。,市交通运输局答复：将研究。\n"
            + "3,小区路灯不亮,小区门口的路灯坏了一个月了，晚上出行很不安全。,街道答复：已修复。\n";
        var table = CsvTable.Read(new StringReader(csv));
        var labelled = new List<TriageDocument> { new("幼儿园收费太高", "我家孩子上的民办幼儿园一学期收费八千元，希望教育部门管一管收费标准。", "教育文体") };
        var weak = ReplyDepartments.WeakLabels(table, labelled);
        weak.ShouldHaveSingleItem().ShouldBe(new TriageDocument("公交线路调整建议", "建议八路公交车延长到高铁站，方便周边居民出行，谢谢。", "交通运输"));
        Should.Throw<FormatException>(() => ReplyDepartments.WeakLabels(CsvTable.Read(new StringReader("title,detail\na,b\n")), []));
    }

    [Fact]
    public void Weakly_labelled_texts_join_training_and_labels_outside_the_classes_are_ignored()
    {
        var rng = new Random(2);
        var weak = new List<TriageDocument>
        {
            TriageFixtures.Make(0, rng),
            new("关于户口迁移", "户口迁移手续办理太慢", "公安"), // not a class of the labelled set
        };
        var model = TriageTrainer.Train(TriageFixtures.Corpus(), TriageFixtures.Options with { WeakLabelWeight = 0.5f }, weak: weak);
        model.Labels.ShouldBe(TriageFixtures.Labels.Order(StringComparer.Ordinal).ToList());
    }
}
