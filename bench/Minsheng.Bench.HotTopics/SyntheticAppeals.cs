using System.Text;
using Minsheng.Domain.Analysis;
using Minsheng.Domain.Calendar;

namespace Minsheng.Bench.HotTopics;

/// <summary>
/// Synthetic appeals from a seed: recurring topics (one problem at one generated place, Zipf-like sizes, raised by
/// several people over weeks) mixed with noise (a random problem at a random place, once). Titles and details are
/// assembled from varied phrasings and filler sentences so topics are not exact copies.
/// </summary>
public static class SyntheticAppeals
{
    private const string NameChars = "金银丽华盛泰康宁和平安福瑞祥兴隆鑫源景恒嘉禾天润星海翠湖碧桂新城锦绣美满春秋阳光绿洲东西南北中";
    private static readonly string[] PlaceSuffixes = ["小区", "花园", "家园", "新村", "路", "大道", "学院", "广场", "公馆", "社区"];

    private static readonly (string Problem, string[] Titles, string[] Details)[] Problems =
    [
        ("噪音扰民", ["{p}附近工地夜间施工噪音扰民", "{p}深夜施工太吵了", "投诉{p}工地噪音"], ["每天晚上十点以后还在施工，机器轰鸣声不断", "噪音严重影响居民休息，老人小孩睡不着"]),
        ("油烟直排", ["{p}临街餐馆油烟直排", "{p}底层商铺油烟扰民", "反映{p}夜宵摊油烟问题"], ["楼下餐馆没有安装排烟管道，油烟直接排到楼上", "夏天窗户都不敢开，到处是油烟味"]),
        ("停车收费", ["{p}物业乱收停车费", "{p}停车费太高", "关于{p}停车收费的问题"], ["物业每月停车费涨到三百元，没有任何公示", "业主车位被外来车辆占用，物业只管收费"]),
        ("停水", ["{p}经常停水", "{p}物业强行断水", "{p}停水没有通知"], ["这个月已经停水三次，没有任何提前通知", "家里老人没法做饭，洗澡也成问题"]),
        ("道路破损", ["{p}路面破损严重", "{p}道路坑洼不平", "请尽快修复{p}破损路面"], ["路面坑洞很多，雨天积水，电动车经常摔倒", "大货车来回碾压，道路已经烂了半年"]),
        ("路灯不亮", ["{p}路灯长期不亮", "{p}晚上一片漆黑", "{p}路灯损坏无人修"], ["晚上出行非常危险，已经有人摔伤", "路灯坏了几个月，多次反映没有人修"]),
        ("垃圾站臭味", ["{p}垃圾站臭气熏天", "{p}垃圾中转站选址不合理", "{p}垃圾清运不及时"], ["垃圾站离住宅楼不到二十米，夏天臭味难闻", "垃圾堆满了也没人清运，蚊蝇滋生"]),
        ("入学", ["{p}适龄儿童入学难", "{p}配套学校迟迟不开学", "{p}学位不足"], ["孩子今年要上小学，对口学校说学位已满", "开发商承诺的配套学校至今没有建好"]),
        ("房屋开裂", ["{p}房屋墙面开裂", "{p}楼板开裂质量堪忧", "{p}交房后出现质量问题"], ["交房不到一年，多户墙面和楼板出现裂缝", "开发商只做表面修补，问题没有解决"]),
        ("捆绑销售车位", ["{p}开发商捆绑销售车位", "{p}买房必须买车位", "{p}违规捆绑销售"], ["不买车位就不给办理交房手续", "车位价格远高于周边，业主被迫购买"]),
        ("搅拌站粉尘", ["{p}附近搅拌站粉尘污染", "{p}搅拌站噪音粉尘扰民", "{p}违建搅拌站何时拆除"], ["搅拌站日夜生产，灰尘落满阳台", "大型罐车进出，噪音和扬尘非常严重"]),
        ("公交线路", ["{p}缺少公交线路", "建议在{p}增设公交站", "{p}公交班次太少"], ["附近居民出行只能步行两公里去坐车", "早晚高峰等车要半个小时"]),
    ];

    private static readonly string[] Filler =
    [
        "希望相关部门尽快处理。", "已经多次向物业和社区反映，一直没有结果。", "请领导重视，给老百姓一个说法。",
        "周边还有很多住户也有同样的困扰。", "恳请政府出面协调解决。", "谢谢！", "我们是普通上班族，实在没有办法了。",
    ];

    public static List<TopicDocument> Generate(int count, int seed)
    {
        var rng = new Random(seed);
        var start = ChinaTime.At(new DateOnly(2025, 1, 1), TimeOnly.MinValue);
        var places = Enumerable.Range(0, Math.Max(50, count / 20)).Select(_ => Place(rng)).Distinct().ToArray();
        var topicCount = Math.Max(5, count / 40);
        var topics = Enumerable.Range(0, topicCount)
            .Select(_ => (Place: places[rng.Next(places.Length)], Problem: rng.Next(Problems.Length), Center: rng.Next(330))).ToArray();
        // Zipf-like topic sizes: topic k gets weight 1/(k+1); 60 % of the appeals belong to topics, 40 % are noise.
        var weights = Enumerable.Range(0, topicCount).Select(k => 1.0 / (k + 1)).ToArray();
        var cumulative = new double[topicCount];
        for (double s = 0, k = 0; k < topicCount; k++) cumulative[(int)k] = s += weights[(int)k];
        var docs = new List<TopicDocument>(count);
        for (var i = 0; i < count; i++)
        {
            string place; int problem; int day;
            if (rng.NextDouble() < 0.6)
            {
                var pick = Array.BinarySearch(cumulative, rng.NextDouble() * cumulative[^1]);
                var t = topics[pick < 0 ? Math.Min(~pick, topicCount - 1) : pick];
                (place, problem, day) = (t.Place, t.Problem, Math.Clamp(t.Center + (int)(rng.NextDouble() * 40 - 20), 0, 364));
            }
            else (place, problem, day) = (places[rng.Next(places.Length)], rng.Next(Problems.Length), rng.Next(365));
            var (_, titles, details) = Problems[problem];
            var title = titles[rng.Next(titles.Length)].Replace("{p}", place);
            var text = new StringBuilder();
            text.Append("我是").Append(place).Append("的居民，").Append(details[rng.Next(details.Length)]).Append('。');
            text.Append(details[rng.Next(details.Length)]).Append('。');
            for (var f = rng.Next(1, 4); f > 0; f--) text.Append(Filler[rng.Next(Filler.Length)]);
            var time = start.AddDays(day).AddSeconds(rng.Next(86_400));
            var likes = rng.NextDouble() < 0.8 ? 0 : (int)Math.Floor(-Math.Log(1 - rng.NextDouble()) * 5);
            docs.Add(new TopicDocument($"S{i + 1:D6}", $"U{rng.Next(count / 2 + 1)}", title, text.ToString(), time, likes));
        }
        return docs;
    }

    private static string Place(Random rng)
    {
        var district = $"A{rng.Next(1, 10)}区";
        var name = new string(Enumerable.Range(0, rng.Next(2, 4)).Select(_ => NameChars[rng.Next(NameChars.Length)]).ToArray());
        return district + name + PlaceSuffixes[rng.Next(PlaceSuffixes.Length)];
    }
}
