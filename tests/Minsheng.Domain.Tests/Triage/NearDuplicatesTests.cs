using Minsheng.Domain.Triage;

namespace Minsheng.Domain.Tests.Triage;

public class NearDuplicatesTests
{
    private const string Original = "A市金星路与银河路交叉口的红绿灯已经坏了一个多星期，早晚高峰车辆乱成一团，行人过马路非常危险，"
        + "附近还有一所小学，孩子们上下学都要经过这里。恳请交警部门尽快派人修复信号灯，并在高峰期安排人员疏导交通。";

    [Fact]
    public void Finds_a_lightly_edited_repost_and_leaves_unrelated_texts_alone()
    {
        var texts = new[]
        {
            Original,
            "小区垃圾站长期无人清理，夏天臭气熏天，蚊蝇滋生，严重影响居民生活，希望环卫部门每天按时清运。",
            "转发：" + Original.Replace("一个多星期", "十来天").Replace("恳请", "强烈要求") + "大家一起顶！",
            "本人于去年在某培训机构报名学习，交了八千元学费，现在机构关门跑路，老板联系不上，请教育局帮忙追回学费。",
            "A市金星路有一家餐馆油烟很大，每天中午和晚上排放油烟，楼上住户无法开窗，请环保部门检查。",
        };
        var groups = NearDuplicates.FindGroups(texts);
        groups.Count.ShouldBe(1);
        groups[0].ShouldBe([0, 2]);
    }

    [Fact]
    public void Identical_texts_form_one_group_and_empty_texts_none()
    {
        var groups = NearDuplicates.FindGroups([Original, "", Original, Original, " "]);
        groups.Single().ShouldBe([0, 2, 3]);
    }

    [Fact]
    public void Jaccard_of_shingle_sets()
    {
        var a = NearDuplicates.Shingles("一二三四五", 3);
        var b = NearDuplicates.Shingles("二三四五六", 3);
        a.Length.ShouldBe(3);
        NearDuplicates.Jaccard(a, b).ShouldBe(2.0 / 4, 1e-9);
        NearDuplicates.Jaccard(a, a).ShouldBe(1.0);
    }
}
