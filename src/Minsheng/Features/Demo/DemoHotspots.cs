using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Analysis.HotTopics;
using Minsheng.Features.Appeals;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Demo;

/// <summary>
/// Hot spots for the demo: the generated appeals pick place and problem at random, so "the same problem at the same
/// place" rarely happens by chance. These few clusters — several people at one place over the last weeks, each in
/// their own words — give the topic page something real to find; then the topics of every jurisdiction are computed.
/// </summary>
public sealed class DemoHotspots(MinshengDb db, AuditedCommit commit, CurrentUser me, UnitTree tree, TimeProvider clock)
{
    /// <param name="Village">A village or community of the county, by name.</param>
    /// <param name="Titles">Ways people put it in a title; {p} is the place.</param>
    /// <param name="Details">Sentences of the content, combined at random; {p} is the place.</param>
    private sealed record Spot(string County, string Village, string Spot_, string Category, int Count, int WithinDays, string[] Titles, string[] Details);

    private static readonly Spot[] Spots =
    [
        new("MF", "南关社区", "南关社区东侧搅拌站", "C02-01", 14, 18,
            ["{p}噪音粉尘扰民", "{p}夜间施工噪音大", "{p}粉尘太大", "投诉{p}扰民", "{p}半夜还在生产"],
            ["{p}每天夜里十点以后还在生产，搅拌机和运输车噪音很大。", "粉尘飘进小区，窗台和晾的衣服上都是灰。", "家里老人孩子晚上睡不着觉。",
             "多次向物业反映没有结果，希望有关部门查一查有没有环评手续。", "请环保部门到现场检测噪音和粉尘，限制夜间生产。"]),
        new("MF", "王庄村", "王庄村", "C12-01", 9, 12,
            ["{p}自来水停水", "{p}停水三天了", "{p}自来水水质发黄", "{p}吃水困难"],
            ["{p}从上周开始自来水时有时无，最近三天完全停水。", "来水的时候水发黄有异味，不敢喝。", "村里老人多，只能到邻村去拉水。",
             "打供水站电话一直说在抢修，没有说什么时候恢复。", "请尽快恢复供水并告知原因。"]),
        new("MF", "凤凰台社区", "凤凰台社区滨河路", "C01-01", 8, 20,
            ["{p}路灯不亮", "{p}一整段路灯坏了", "{p}晚上漆黑一片", "反映{p}路灯故障"],
            ["{p}一整段路灯已经坏了半个多月。", "晚上出门散步的人多，路面漆黑，已经有人摔倒。", "旁边就是河道，没有照明很危险。",
             "请城管部门尽快维修路灯。"]),
        new("MF", "开发区社区", "开发区实验小学门口", "C10-04", 7, 14,
            ["{p}上下学拥堵", "{p}接送孩子堵车严重", "{p}交通秩序混乱"],
            ["每天早上七点半和下午放学时{p}堵得水泄不通。", "家长车辆乱停乱放，孩子过马路很危险。", "希望安排交警或协管员上下学时段疏导，施划临时停车位。"]),
        new("MF", "柳湾村", "柳湾村东头养猪场", "C02-02", 6, 16,
            ["{p}臭味扰民", "{p}污水直排", "{p}气味难闻"],
            ["{p}的臭味一到傍晚就飘到村里，窗户都不敢开。", "养殖污水直接排到旁边的沟塘，水已经发黑。", "请环保部门查处，督促整改。"]),
        new("MA", "安城社区", "安城社区幸福小区", "C01-03", 6, 15,
            ["{p}电梯经常故障", "{p}电梯困人", "{p}物业不修电梯"],
            ["{p}3号楼电梯这个月已经坏了好几次，上周还困了人。", "找物业只说报修了，一直没人来彻底修好。", "楼里老人多，上下楼很困难，请督促物业尽快维修。"]),
    ];

    /// <summary>How many appeals the hot spots add to the demo.</summary>
    public static int AppealCount => Spots.Sum(s => s.Count);

    public async Task<int> SeedAsync(Domain.TimeLimits.DeadlineSchedule schedule, TextWriter output, CancellationToken ct, int seed = 20261129)
    {
        var random = new Random(seed);
        var now = clock.GetUtcNow();
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var written = 0;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var numbers = new AppealNumbers(db);
            foreach (var spot in Spots)
            {
                if (units.FirstOrDefault(u => u.Code == spot.County) is not { } county) continue;
                var village = units.FirstOrDefault(u => u.Name == spot.Village && tree.IsWithin(u.Id, county.Id));
                if (village is null || !categories.TryGetValue(spot.Category, out var categoryId)) continue;
                var township = tree.Find(village.ParentId ?? village.Id);
                // The department the demo county gives the category to, else the township of the place.
                var area = spot.County == DemoCountyData.Area.Code ? DemoCountyData.Area : DemoCityData.Anxian;
                var owner = area.Departments.FirstOrDefault(d => d.CategoryCodes.Contains(spot.Category));
                var lead = units.FirstOrDefault(u => u.Code == owner?.Code) ?? units.First(u => u.Id == (township?.Id ?? village.Id));
                var desk = new Actor(null, "话务员小王", Role.Operator, county.Id, _ => true);
                var dispatcher = new Actor(null, "派单员李敏", Role.Dispatcher, county.Id, _ => true);
                var people = Enumerable.Range(0, spot.Count).Select(_ => $"13{random.Next(3, 10)}{random.Next(10000000, 99999999)}").ToList();
                for (var i = 0; i < spot.Count; i++)
                {
                    var at = now - TimeSpan.FromMinutes(random.NextDouble() * spot.WithinDays * 24 * 60);
                    // Every fifth call is someone calling again: the same person counts once among the people raising it.
                    var phone = i % 5 == 4 ? people[i - 3] : people[i];
                    var title = spot.Titles[random.Next(spot.Titles.Length)].Replace("{p}", spot.Spot_);
                    var content = string.Concat(spot.Details.OrderBy(_ => random.Next()).Take(random.Next(2, spot.Details.Length + 1))).Replace("{p}", spot.Spot_);
                    var channel = random.NextDouble() switch { < 0.6 => Channel.Hotline12345, < 0.8 => Channel.PublicPortal, _ => Channel.MessageBoard };
                    var draft = new AppealDraft(channel, AppealType.Complaint, categoryId, Tier.Timely, title, content, village.Id,
                        $"{county.Name}{township?.Name}{village.Name}", null, null, null, phone, null, null);
                    var appeal = Appeal.Register(draft, await numbers.NextAsync(at, ct), AppealNumbers.NewQueryCode(),
                        channel == Channel.PublicPortal ? Actor.Citizen : desk, at, jurisdictionId: county.Id);
                    var dispatchAt = at + TimeSpan.FromHours(0.5 + random.NextDouble() * 2);
                    if (dispatchAt < now) appeal.Dispatch(lead.Id, [], dispatcher, dispatchAt, schedule);
                    db.Appeals.Add(appeal);
                    written++;
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        // Topics of every jurisdiction and period, so the page shows them from the first start.
        var source = new TopicSource(db, tree, new AppealScope(db, me, tree));
        var refresh = new HotTopicRefresh(db, new HotTopicComputer(db, source, TopicEngine.Default, tree, clock), source, commit, me, tree, clock,
            Microsoft.Extensions.Options.Options.Create(new HotTopicSettings()));
        var pass = await refresh.RunAsync(ct);
        output.WriteLine($"热点问题：加入 {written} 件同地同类诉求，计算了 {pass.Recomputed} 个辖区时段的热点。");
        return written;
    }
}
