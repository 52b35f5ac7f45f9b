using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Calendar;
using Minsheng.Domain.Instructions;
using Minsheng.Domain.Notifications;
using Minsheng.Domain.TimeLimits;
using Minsheng.Features.Analysis.Bulletins;
using Minsheng.Features.Appeals;
using Minsheng.Features.Instructions;
using Minsheng.Infrastructure;

namespace Minsheng.Features.Demo;

/// <summary>
/// The demo county's 《民意参考》 第1期, issued three days ago with three items drawn from its appeals (the two categories
/// raised most in the last 60 days, and the suggestions), reviewed by the supervisor, and the county leader's instruction
/// on the first item, assigned to the housing bureau (the demo head's unit) and still open.
/// </summary>
public static class DemoBulletins
{
    public static async Task SeedAsync(MinshengDb db, UnitTree units, DeadlineSchedule schedule, DateTimeOffset now, CancellationToken ct)
    {
        var county = await db.Units.FirstAsync(u => u.Code == DemoCountyData.CountyCode, ct);
        var housing = await db.Units.FirstAsync(u => u.Code == DemoCountyData.Departments[0].Code, ct);
        var people = await db.Users.Where(u => u.Username == "analyst" || u.Username == "supervisor" || u.Username == "leader")
            .ToDictionaryAsync(u => u.Username, ct);
        var (analyst, supervisor, leader) = (people["analyst"], people["supervisor"], people["leader"]);
        var text = new AppealText(units);
        var recent = db.Appeals.Where(a => a.JurisdictionId == county.Id && a.CreatedAt >= now.AddDays(-60));

        // The housing bureau's commonest category first, so the instruction below goes to the unit that owns it.
        var housingCodes = DemoCountyData.Departments[0].CategoryCodes;
        var byCategory = await recent.Where(a => a.CategoryId != null).GroupBy(a => a.CategoryId!.Value)
            .Select(g => new { Id = g.Key, N = g.Count() }).ToListAsync(ct);
        var categories = await db.Categories.ToDictionaryAsync(c => c.Id, ct);
        var ranked = byCategory.OrderByDescending(c => housingCodes.Contains(categories[c.Id].Code)).ThenByDescending(c => c.N).Select(c => categories[c.Id]).ToList();
        var drafts = new List<(string Title, string Problem, List<long> Ids)>();
        foreach (var category in ranked.Take(2))
        {
            var ids = await recent.Where(a => a.CategoryId == category.Id).OrderByDescending(a => a.CreatedAt).Select(a => a.Id).Take(40).ToListAsync(ct);
            drafts.Add(($"群众集中反映{category.Name}方面问题", $"近两个月，群众通过热线、留言板等渠道集中反映{category.Name}方面的问题，部分问题反复出现。", ids));
        }
        var suggestions = await recent.Where(a => a.Type == AppealType.Suggestion).OrderByDescending(a => a.CreatedAt).Select(a => a.Id).Take(40).ToListAsync(ct);
        if (suggestions.Count > 0) drafts.Add(("群众对改进公共服务的意见建议", "群众就公共服务和城乡管理提出了一批意见建议，值得在制定工作计划时吸收。", suggestions));
        if (drafts.Count == 0) return;

        var issuedAt = now.AddDays(-3);
        var bulletin = new Bulletin(county.Id, $"{county.Name}人民政府办公室", analyst.Id, analyst.DisplayName, issuedAt.AddHours(-6));
        db.Add(bulletin);
        await db.SaveChangesAsync(ct);
        var items = new List<BulletinItem>();
        foreach (var (title, problem, ids) in drafts)
        {
            var (facts, _) = await ItemFactsReader.ReadAsync(db.Appeals, ids, text, units, ct);
            var lead = facts!.Handling.Contains("主要承办单位：") ? facts.Handling.Split("主要承办单位：")[1].Split('（')[0] : "相关职能部门";
            var item = new BulletinItem(bulletin.Id, items.Count + 1, title, problem, facts,
                $"建议由{lead}牵头，对反映集中的点位逐一排查，建立问题台账，限期整改并向群众反馈；一时难以解决的，纳入年度工作计划。", null, issuedAt.AddHours(-6));
            items.Add(item);
            db.Add(item);
        }
        bulletin.Review(supervisor.Id, supervisor.DisplayName, items.Count, issuedAt.AddHours(-2));
        bulletin.Issue(analyst.DisplayName, ChinaTime.ToChina(issuedAt).Year, 1, issuedAt);
        await db.SaveChangesAsync(ct);
        db.Notifications.Add(new Notification($"bulletin:{bulletin.Id}", NotificationKind.BulletinIssued, Audience.Leaders, county.Id, null, null,
            $"《民意参考》{BulletinNumbering.Label(bulletin.Year, bulletin.Number)}", $"{bulletin.IssuingOffice}编发的《民意参考》已签发，请阅示：/bulletins/{bulletin.Id}", null, issuedAt));

        var first = items[0];
        var instructedAt = now.AddDays(-2);
        var due = schedule.Time.AddWorkingDays(instructedAt, 10).Due;
        var task = new Instruction(county.Id, new InstructionTarget(InstructionTargetKind.BulletinItem, first.Id.ToString(), first.Title, BulletinItemId: first.Id),
            "请县住建局牵头，会同相关乡镇逐一排查，十个工作日内报告整改情况。", leader.Id, leader.DisplayName, housing.Id, [], due, instructedAt);
        db.Add(task);
        await db.SaveChangesAsync(ct);
        db.Add(new InstructionEvent(task.Id, "assign", leader.DisplayName, task.Text, instructedAt));
        db.Notifications.Add(new Notification($"instruction-assign:{task.Id}:{housing.Id}", NotificationKind.InstructionAssigned, Audience.Unit, housing.Id, null, null,
            $"批示交办：{first.Title}", $"{leader.DisplayName}批示：{task.Text}（主办，请于 {ChinaTime.ToChina(due):yyyy-MM-dd HH:mm} 前办理并报告办理情况：/instructions/{task.Id}）", due, instructedAt));
        await db.SaveChangesAsync(ct);
    }
}
