using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Triage;

/// <summary>
/// The test county with thirty appeals registered and dispatched through the API (道路设施 as 投诉 to
/// 住建局, 噪声扰民 as 求助 to 城管局) and both models trained from them, shared by one test class.
/// </summary>
public sealed class TrainedCounty : IAsyncLifetime
{
    public static readonly (string Title, string Content)[] RoadTexts =
    [
        ("王庄村路面坑洼积水", "王庄村主干道路面坑洼不平，下雨天积水很深，电动车经过经常打滑摔倒，请修补路面。"),
        ("人行道地砖松动", "新华路人行道地砖大面积松动翘起，老人走路容易绊倒，希望尽快重新铺设地砖。"),
        ("窨井盖缺失", "解放路与人民路交叉口的窨井盖丢失，只用树枝围着，夜间车辆很危险，请尽快补装井盖。"),
        ("桥面护栏损坏", "河西大桥桥面护栏被车撞坏一段，至今没有修复，行人靠近很危险，请修复护栏。"),
        ("道路塌陷", "建设路中段路面出现塌陷，形成一个大坑，车辆只能绕行，请尽快修复塌陷路面。"),
        ("减速带脱落", "学校门前减速带螺丝松脱，减速带横在路中间，影响通行，请重新安装减速带。"),
        ("路灯杆倾斜", "东头路灯杆严重倾斜，随时可能倒下砸到行人，请派人扶正或更换路灯杆。"),
        ("乡村公路破损", "通往镇上的乡村公路沥青路面破损严重，坑槽连片，客车颠簸厉害，请安排养护修路。"),
        ("路面裂缝", "城北新修的水泥路面才用一年就出现很多裂缝，怀疑工程质量有问题，请检查并修补路面。"),
        ("排水沟堵塞路面积水", "幸福路两侧排水沟被泥沙堵塞，路面长期积水，车辆通行困难，请疏通排水沟修整路面。"),
        ("盲道被破坏", "文化路盲道砖块破损缺失，盲人无法正常通行，请修复盲道和人行道。"),
        ("道路标线模糊", "环城路的道路标线已经磨损模糊，晚上看不清车道，容易发生事故，请重新施划标线。"),
        ("路面修补不平", "前几天修补的路面高出一截，车辆经过颠簸严重，请重新铣刨找平路面。"),
        ("桥梁伸缩缝破损", "跨河桥伸缩缝钢板翘起，车辆经过发出巨响还可能扎破轮胎，请尽快维修桥梁。"),
        ("巷道路面未硬化", "老街巷道一直是泥土路，一下雨满是泥浆，居民出行很难，请硬化巷道路面。"),
    ];

    public static readonly (string Title, string Content)[] NoiseTexts =
    [
        ("广场舞音响太吵", "小区广场每晚跳广场舞，音响开得震耳欲聋，一直到十点以后，严重影响休息，请管一管噪音。"),
        ("夜间施工噪音", "附近工地每天夜里十二点还在打桩施工，噪音巨大，孩子无法入睡，请查处夜间违规施工。"),
        ("KTV噪音扰民", "楼下新开的KTV每天唱到凌晨，歌声和喇叭声扰民，请执法部门处理噪音。"),
        ("装修噪音", "楼上住户装修天天电钻敲墙，周末早上七点就开始，噪音太大，请协调装修时间。"),
        ("烧烤店喧哗", "夜市烧烤店食客喝酒划拳喧哗到深夜，吵得居民睡不着觉，请整治噪音。"),
        ("商铺高音喇叭", "沿街商铺门口用高音喇叭循环播放促销广告，噪音刺耳，请制止商铺喇叭扰民。"),
        ("养殖场风机噪音", "养殖场风机昼夜轰鸣，噪音传到村里，村民晚上无法休息，请检测噪音。"),
        ("空调外机噪音", "对面饭店的空调外机对着居民窗户，嗡嗡的噪音整夜不停，请督促整改。"),
        ("摩托车炸街", "每天深夜有改装摩托车在街上轰油门炸街，噪音吓人，请查处噪音扰民。"),
        ("早市叫卖声扰民", "早市商贩凌晨四点就用喇叭叫卖，噪音吵醒整栋楼的居民，请规范早市经营。"),
        ("酒吧音乐扰民", "酒吧音乐低音炮震得窗户发抖，每晚持续到两点，请查处酒吧噪音。"),
        ("工厂机器轰鸣", "工业园区一家工厂机器二十四小时轰鸣，附近小区噪音超标，请检测噪音。"),
        ("公园音箱扰民", "公园广场有人用大音箱唱歌，从早唱到晚，噪音扰民，请管理音箱音量。"),
        ("麻将馆吵闹", "楼下麻将馆通宵营业，洗牌声吵闹声不断，严重扰民，请查处麻将馆噪音。"),
        ("狗整夜狂叫", "邻居家养的几条狗整夜狂叫，噪音让人无法入睡，多次沟通无果，请社区协调。"),
    ];

    public TestApp App { get; private set; } = null!;
    public List<long> RoadIds { get; } = [];
    public List<long> NoiseIds { get; } = [];

    /// <summary>The phone of the n-th road appeal: every fixture appeal has its own caller.</summary>
    public static string RoadPhone(int n) => $"1390000{n:D4}";

    public async Task InitializeAsync()
    {
        // Thirty appeals are enough for a test; the product's default minimum is fifty.
        App = await TestApp.StartAsync(new Dictionary<string, string?> { ["Triage:MinTrainingAppeals"] = "20" });
        var c = App.County;
        var desk = await App.ClientFor("operator");
        var dispatcher = await App.ClientFor("dispatcher");
        for (var i = 0; i < RoadTexts.Length; i++)
            RoadIds.Add(await Register(desk, dispatcher, RoadTexts[i], c.Roads.Id, "Complaint", RoadPhone(i), c.Housing.Id));
        for (var i = 0; i < NoiseTexts.Length; i++)
            NoiseIds.Add(await Register(desk, dispatcher, NoiseTexts[i], c.Noise.Id, "Help", $"1370000{i:D4}", c.CityMgmt.Id));
        var admin = await App.ClientFor("admin");
        var outcomes = await admin.Post("/api/triage/retrain").Expect(HttpStatusCode.OK);
        foreach (var o in outcomes.AsArray()) o!["version"]!.GetValue<int>().ShouldBe(1, o.ToJsonString());
    }

    private async Task<long> Register(HttpClient desk, HttpClient dispatcher, (string Title, string Content) text, long categoryId,
        string type, string phone, long leadUnitId)
    {
        var c = App.County;
        var id = await desk.NewAppeal(c, new
        {
            title = text.Title, content = text.Content, categoryId, type, citizenPhone = phone,
            regionUnitId = c.Town2.Id, address = (string?)null,
        });
        await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId }).Expect(HttpStatusCode.OK);
        return id;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
