using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Assessment;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Priorities;
using Minsheng.Features.Assessment;
using Minsheng.Features.Audit;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Demo;

/// <summary>
/// The assessment loop on the demo: last month frozen and published for every jurisdiction (红黑榜 on the dashboard and
/// the portal), with two score appeals of the demo county's 住建局 — one upheld and reflected in its score, one
/// rejected; and this month as a draft in its contest window with one appeal waiting for the office.
/// </summary>
public sealed class DemoAssessment(MinshengDb db, AssessmentDesk desk, AuditedCommit commit, CurrentUser me, UnitTree units, TimeProvider clock)
{
    public const string HousingCode = "MF-D01";

    public async Task SeedAsync(TextWriter output, CancellationToken ct)
    {
        me.ActAs("demo");
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var last = PriorityMonth.Of(today).AddMonths(-1).ToString();
        var current = PriorityMonth.Of(today).ToString();
        var housing = await db.Units.Where(u => u.Code == HousingCode).Select(u => (long?)u.Id).FirstOrDefaultAsync(ct);
        foreach (var j in units.Jurisdictions())
        {
            var p = await desk.DraftAsync(j.Id, last, open: true, ct);
            if (housing is { } h && units.IsWithin(h, j.Id))
            {
                var items = await ContestableAsync(p.Id, h, ct);
                if (items.Count >= 2)
                {
                    await FileAndRuleAsync(p, h, items[0], "该件诉求人反映的是物业合同纠纷，属民事争议，不在本单位职责范围内。", "已附物业服务合同及法律顾问意见。", true, "经核实，该事项属民事纠纷，不计入住建局考核，予以核减。", ct);
                    await FileAndRuleAsync(p, h, items[1], "群众对回复不满意是因为要求超出政策范围。", "政策文件：老旧小区改造实施方案。", false, "回访录音显示承办人未按约定时间上门，申诉理由不成立。", ct);
                }
            }
            await commit.RunAsync(async notes =>
            {
                var period = await db.Set<AssessmentPeriod>().FirstAsync(x => x.Id == p.Id, ct);
                period.CloseContest();
                await desk.RecomputeAsync(period, ct);
                period.Freeze(0, "demo", clock.GetUtcNow());
                period.Publish("demo", clock.GetUtcNow());
                notes.Record(AuditActions.AssessmentFreeze, p.Id.ToString(), p.Month);
                notes.Record(AuditActions.AssessmentPublish, p.Id.ToString(), p.Month);
            }, ct);

            var draft = await desk.DraftAsync(j.Id, current, open: true, ct);
            if (housing is { } h2 && units.IsWithin(h2, j.Id) && (await ContestableAsync(draft.Id, h2, ct)) is [var first, ..])
                await FileAndRuleAsync(draft, h2, first, "该件超期系因诉求人长期外出无法联系，已有多次联系记录。", "附：电话联系记录截图说明（3 次未接通）。", null, null, ct);
        }
        output.WriteLine($"演示考核：{last} 已冻结并发布红黑榜（住建局两件申诉：一件成立、一件不予支持），{current} 草稿处于申诉期，有一件申诉待审核。");
    }

    private async Task<IReadOnlyList<ItemDetail>> ContestableAsync(long periodId, long unitId, CancellationToken ct)
    {
        var json = await db.Set<AssessmentRow>().Where(r => r.PeriodId == periodId && r.UnitId == unitId).Select(r => r.DetailJson).FirstOrDefaultAsync(ct);
        // Prefer unsatisfied callbacks: the case the issue names ("this unsatisfied callback was outside our remit").
        return json is null ? [] : ScoreDetail.FromJson(json).Items.Where(i => i.Kind != ItemKind.Praise && i.Kind != ItemKind.Priority && i.Points < 0)
            .OrderBy(i => i.Metric == Metric.Satisfaction ? 0 : 1).ThenBy(i => i.At).ToList();
    }

    private Task FileAndRuleAsync(AssessmentPeriod p, long unitId, ItemDetail item, string reason, string evidence, bool? uphold, string? ruling, CancellationToken ct) =>
        commit.RunAsync(async notes =>
        {
            var label = item.Metric is { } m ? $"{Labels.AssessedMetric(m)}·{Labels.MetricMiss(m)}：{item.Label}" : item.Label;
            var a = new ScoreAppeal(p.Id, unitId, item.Key, label, reason, evidence, null, null, null, "住建局负责人", clock.GetUtcNow());
            db.Add(a);
            await db.SaveChangesAsync(ct);
            notes.Record(AuditActions.ScoreAppealFile, () => a.Id.ToString(), () => $"{p.Month} {item.Key}");
            if (uphold is { } u)
            {
                a.Rule(u, ruling, "考核办", clock.GetUtcNow());
                notes.Record(AuditActions.ScoreAppealRule, () => a.Id.ToString(), () => ruling);
            }
        }, ct);
}
