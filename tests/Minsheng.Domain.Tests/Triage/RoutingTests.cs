using Minsheng.Domain.Organization;
using Minsheng.Domain.Triage;

namespace Minsheng.Domain.Tests.Triage;

public class RoutingTests
{
    private static readonly RoutingUnit County = new(1, "测试县", UnitKind.County, null);
    private static readonly RoutingUnit Housing = new(2, "县住建局", UnitKind.Department, 1);
    private static readonly RoutingUnit Traffic = new(3, "县交通局", UnitKind.Department, 1);
    private static readonly RoutingUnit Chengguan = new(10, "城关镇", UnitKind.Township, 1);
    private static readonly RoutingUnit Shuanghe = new(11, "双河镇", UnitKind.Township, 1);
    private static readonly RoutingUnit Wangzhuang = new(20, "王庄村", UnitKind.Village, 10);
    private static readonly RoutingUnit Lijia = new(21, "李家社区", UnitKind.Village, 11);
    private static readonly RoutingUnit Li = new(22, "李村", UnitKind.Village, 11);
    private static readonly RoutingCategory Urban = new(100, "城乡建设", null);
    private static readonly RoutingCategory Roads = new(101, "道路设施", 100);

    private static RoutingSuggester Suggester(params RoutingRule[] rules) =>
        new([County, Housing, Traffic, Chengguan, Shuanghe, Wangzhuang, Lijia, Li], [Urban, Roads], rules, [new GazetteerAlias("老粮站", 20)]);

    [Fact]
    public void Finds_full_names_short_forms_and_gazetteer_aliases_in_order()
    {
        var found = Suggester().Places.Find("双河镇李家那边，还有王庄和老粮站附近");
        found.Select(m => (m.Text, m.Unit.Id)).ShouldBe([("双河镇", 11L), ("李家", 21L), ("王庄", 20L)]);
        Suggester().Places.Find("老粮站门口").Single().FromGazetteer.ShouldBeTrue();
    }

    [Fact]
    public void Short_forms_need_two_characters_and_the_longer_name_wins()
    {
        PlaceIndex.ShortForm("李村").ShouldBeNull();
        PlaceIndex.ShortForm("李家社区").ShouldBe("李家");
        PlaceIndex.ShortForm("城关镇").ShouldBe("城关");
        var found = Suggester().Places.Find("王庄村村口");
        found.Single().Text.ShouldBe("王庄村");
    }

    [Fact]
    public void Falls_back_to_the_township_of_the_mentioned_village_with_reasons()
    {
        var route = Suggester().Suggest("王庄村村口路灯不亮", null, null)!;
        route.UnitId.ShouldBe(Chengguan.Id);
        route.Reasons.ShouldContain("文中提到“王庄村”（城关镇）");
        route.Reasons.ShouldContain("属地：“王庄村”属于“城关镇”");
    }

    [Fact]
    public void The_most_specific_rule_wins()
    {
        var regionOnly = new RoutingRule(1, null, Chengguan.Id, Traffic.Id);
        var categoryOnly = new RoutingRule(2, Urban.Id, null, Traffic.Id);
        var both = new RoutingRule(3, Roads.Id, Chengguan.Id, Housing.Id, "城区道路");
        var s = Suggester(regionOnly, categoryOnly, both);

        var route = s.Suggest("王庄村道路破损", Roads.Id, null)!;
        route.UnitId.ShouldBe(Housing.Id);
        route.Reasons.ShouldContain("规则：分类“道路设施”+区域“城关镇” → 县住建局（城区道路）");

        // Elsewhere only the category rule applies (via the parent category).
        s.Suggest("双河镇道路破损", Roads.Id, null)!.Reasons.Last().ShouldBe("规则：分类“城乡建设” → 县交通局");
        // Without a category only the region rule applies.
        s.Suggest("王庄村噪声", null, null)!.Reasons.Last().ShouldBe("规则：区域“城关镇” → 县交通局");
    }

    [Fact]
    public void A_deeper_category_beats_its_parent_at_the_same_tier()
    {
        var s = Suggester(new RoutingRule(1, Urban.Id, null, Traffic.Id), new RoutingRule(2, Roads.Id, null, Housing.Id));
        s.Suggest("路面坑洼", Roads.Id, null)!.UnitId.ShouldBe(Housing.Id);
    }

    [Fact]
    public void Registered_region_counts_and_nothing_known_gives_no_route()
    {
        var s = Suggester();
        var route = s.Suggest("路灯不亮", null, Lijia.Id)!;
        route.UnitId.ShouldBe(Shuanghe.Id);
        route.Reasons.First().ShouldBe("登记区域“李家社区”");
        s.Suggest("路灯不亮", null, null).ShouldBeNull();
    }

    [Fact]
    public void An_alias_naming_two_units_is_ignored()
    {
        var s = new RoutingSuggester([County, Chengguan, Shuanghe, Wangzhuang], [], [],
            [new GazetteerAlias("河口", Chengguan.Id), new GazetteerAlias("河口", Shuanghe.Id)]);
        s.Places.Find("河口那边").ShouldBeEmpty();
    }

    [Fact]
    public void A_village_named_under_another_township_than_the_text_names_is_a_namesake()
    {
        var route = Suggester().Suggest("双河镇王庄村的路灯坏了", null, null)!;
        route.UnitId.ShouldBe(Shuanghe.Id);
        route.Reasons.ShouldNotContain(r => r.Contains("王庄村"));
        var agreeing = Suggester().Suggest("城关镇王庄村的路灯坏了", null, null)!;
        agreeing.UnitId.ShouldBe(Chengguan.Id);
        agreeing.Reasons.ShouldContain("文中提到“王庄村”（城关镇）");
    }
}
