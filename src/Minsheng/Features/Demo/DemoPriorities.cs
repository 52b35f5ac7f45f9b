using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Organization;
using Minsheng.Domain.Priorities;

namespace Minsheng.Features.Demo;

/// <summary>
/// A 每月一题 and two 未诉先办 plans for the demo county. The priority's problem is whichever of a few common complaints the
/// generated appeals raise most, led by the unit that handled most of them, so its before/after chart has real numbers.
/// </summary>
internal static class DemoPriorities
{
    private static readonly string[] Candidates = ["噪音", "停水", "路灯", "垃圾", "油烟", "工资", "占道", "漏水", "停车"];

    public static async Task SeedAsync(MinshengDb db, Unit county, IReadOnlyCollection<long> countyUnits, DateTimeOffset now, CancellationToken ct)
    {
        var ids = countyUnits.ToArray();
        var inCounty = db.Appeals.Where(a => a.JurisdictionId != null && ids.Contains(a.JurisdictionId.Value));
        var best = (Phrase: "", Count: 0);
        foreach (var c in Candidates)
        {
            var n = await inCounty.CountAsync(a => a.Title.Contains(c) || a.Content.Contains(c), ct);
            if (n > best.Count) best = (c, n);
        }
        if (best.Count == 0) return;
        var lead = await inCounty.Where(a => (a.Title.Contains(best.Phrase) || a.Content.Contains(best.Phrase)) && a.LeadUnitId != null)
            .GroupBy(a => a.LeadUnitId!.Value).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefaultAsync(ct);
        if (lead == 0) return;

        var today = ChinaTime.DateOf(now);
        var month = PriorityMonth.Of(today).AddMonths(-1);
        var set = now.AddDays(-(today.Day + 35)); // set in the last week of the month before
        var priority = new MonthlyPriority(county.Id, month.ToString(), $"集中整治群众反映的“{best.Phrase}”问题",
            $"近三个月全县共有 {best.Count} 件诉求反映“{best.Phrase}”问题，分布在多个乡镇，部分群众多次反映。", [best.Phrase], null, lead,
            "牵头单位建立问题清单，逐件回访核实；对反复出现的点位现场处置并建立长效机制；每周报送进展。", "民意分析组孙丽", set);
        var listed = priority.AddMilestone("建立问题清单并逐件回访核实", month.FirstDay.AddDays(9));
        priority.AddMilestone("完成反复反映点位的现场处置", month.FirstDay.AddDays(24));
        priority.AddMilestone("形成长效机制并报县政府", month.AddMonths(1).FirstDay.AddDays(14));
        db.Add(priority);
        await db.SaveChangesAsync(ct);
        priority.CompleteMilestone(listed.Id, "已梳理问题点位并完成回访。", set.AddDays(12));
        priority.Report("已梳理问题点位，对其中群众多次反映的点位开展现场处置。", lead, "牵头单位联络员", set.AddDays(13));
        priority.Publish(set.AddDays(1));

        var firstDept = await db.Units.Where(u => u.ParentId == county.Id && u.Kind == UnitKind.Department).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync(ct);
        db.Add(new ProactivePlan(county.Id, "供暖季前检修供热管网", "供暖前入户测温、检修老旧小区供热管网，公布报修电话。", ["暖气", "供暖"],
            firstDept, 11, 15, 30, "民意分析组孙丽", now));
        db.Add(new ProactivePlan(county.Id, "汛期前疏通排水管网", "汛前清淤、疏通易涝点排水设施，储备抽排设备。", ["积水", "内涝", "排水"],
            lead, 6, 1, 20, "民意分析组孙丽", now));
        await db.SaveChangesAsync(ct);
    }
}
