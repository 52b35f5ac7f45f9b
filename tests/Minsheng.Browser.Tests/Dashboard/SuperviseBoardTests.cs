using Microsoft.EntityFrameworkCore;
using Minsheng.Browser.Tests.Infrastructure;
using Minsheng.Data;
using Minsheng.Domain.Accountability;
using OpenQA.Selenium;

namespace Minsheng.Browser.Tests.Dashboard;

[Collection(BrowserCollection.Name)]
public sealed class SuperviseBoardTests(BrowserFixture f)
{
    private Infrastructure.Browser B => f.Browser;

    [Fact]
    public async Task A_supervisor_finds_an_overdue_appeal_and_issues_a_supervision_order_on_it()
    {
        var (id, number) = await Arrange.OverdueAppeal(f.App, "督办测试：农贸市场排水沟堵塞", f.App.County.CityMgmt.Id);

        B.SignIn("supervisor");
        B.Path_.ShouldBe("/supervise");
        B.Select("unit", "县城市管理局");
        B.Click("筛选");
        B.WaitUntil(d => d.Url.Contains("unit="), "the filtered board");
        B.WaitForText(number);
        var row = $"tr:has(a[href='/appeals/{id}'])";
        B.TextOf(row).ShouldContain("签收");
        B.TextOf($"{row} td[data-label='超期时长']").ShouldContain("工作");
        B.Screenshot("supervise-overdue");

        B.ClickIn(row, "督办");
        B.WaitUntil(d => d.Url.Contains("/supervise/orders"), "the order form");
        B.AttributeOf("#appeal", "value").ShouldBe(number);
        B.ClickOn("input[name=kind][value=AssignmentLetter]");
        B.Fill("instruction", "请城管局两日内清理排水沟并报告结果");
        B.Click("下发");
        B.WaitForText($"已对诉求 {number} 下发交办函，已通知县城市管理局");
        B.TextOf("section[aria-labelledby=orders-title] table").ShouldContain("请城管局两日内清理排水沟并报告结果");
        B.Screenshot("supervise-orders");

        // The unit hears of it in its inbox, as the API promises.
        using var head = await f.App.ApiAs("city-head");
        var inbox = await head.Expect<List<NotificationAnswer>>("/api/notifications");
        inbox.ShouldContain(n => n.Body.Contains("请城管局两日内清理排水沟并报告结果") && n.AppealId == id);
    }

    [Fact]
    public void A_supervision_order_without_instruction_or_on_an_unknown_appeal_names_the_fields()
    {
        B.SignIn("leader");
        B.Open("/supervise/orders");
        B.Fill("appeal", "209901019999");
        B.Click("下发");
        B.WaitForText("找不到编号为 209901019999 的诉求");
        B.AttributeOf("#appeal", "aria-invalid").ShouldBe("true");
        B.IsShown("#appeal-error").ShouldBeTrue();
    }

    [Fact]
    public async Task A_supervisor_confirms_a_lead_and_asks_to_publish_it_and_a_leader_approves()
    {
        var (appealId, number) = await Arrange.DispatchedAppeal(f.App, "线索测试：小区电梯停运", f.App.County.Housing.Id);
        var leadId = await Arrange.Lead(f.App, appealId, f.App.County.Housing.Id, $"{number} 签收超期 3 个工作日");
        var dismissId = await Arrange.Lead(f.App, appealId, f.App.County.Housing.Id, $"{number} 首次联系超期");

        B.SignIn("supervisor");
        B.Open("/supervise/leads?status=Open");
        var lead = $"#lead-{leadId}";
        B.TextOf(lead).ShouldContain(number);
        B.ClickIn(lead, "认定");
        B.ClickOn($"{lead} input[name=measure][value=Talk]");
        B.Type($"#comment-{leadId}", "约谈住建局分管负责人");
        B.Screenshot("supervise-leads");
        B.ClickIn(lead, "确认认定");
        B.WaitForText($"已认定线索 #{leadId}");

        // Dismissing needs a reason: the error shows in that lead's own form, which stays open.
        var other = $"#lead-{dismissId}";
        B.ClickOn(By.XPath($"//*[@id='lead-{dismissId}']//summary[normalize-space()='不予采纳']"));
        B.ClickOn(By.XPath($"//*[@id='lead-{dismissId}']//button[normalize-space()='不予采纳']"));
        B.WaitForText("不予采纳的理由不能为空");
        B.AttributeOf($"{other} #reason-{dismissId}", "aria-invalid").ShouldBe("true");
        B.Type($"{other} #reason-{dismissId}", "经核实已按期签收，系统记录延迟");
        B.ClickOn(By.XPath($"//*[@id='lead-{dismissId}']//button[normalize-space()='不予采纳']"));
        B.WaitForText($"线索 #{dismissId} 已不予采纳");

        B.Open("/supervise/leads?status=Confirmed");
        B.TextOf($"#lead-{leadId}").ShouldContain("措施：约谈");
        B.ClickIn(lead, "申请曝光");
        B.AcceptConfirm();
        B.WaitForText("待领导批准");

        // Approving publication is the leader's; the supervisor's page offers no button for it and the handler refuses.
        B.Has($"#lead-{leadId} form[action*=ApprovePublication]").ShouldBeFalse();
        PostFromPage($"/supervise/leads?handler=ApprovePublication", leadId);
        B.WaitForPath("/denied");

        B.SignIn("leader");
        B.Open("/supervise/leads?status=PublicationRequested");
        B.Has($"#lead-{leadId} summary").ShouldBeFalse(); // leaders neither confirm nor dismiss
        B.ClickIn(lead, "批准曝光");
        B.AcceptConfirm();
        B.WaitForText($"已批准线索 #{leadId} 在曝光台公开");

        using var scope = f.App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var saved = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == leadId);
        (saved.Status, saved.Measure, saved.Decision).ShouldBe((LeadStatus.Published, AccountabilityMeasure.Talk, "约谈住建局分管负责人"));
        (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == dismissId)).Status.ShouldBe(LeadStatus.Dismissed);
    }

    /// <summary>Submits a form the page does not offer, with the page's own antiforgery token, as a crafted request would.</summary>
    private void PostFromPage(string action, long id) =>
        B.Run("""
            const f = document.createElement('form');
            f.method = 'post'; f.action = arguments[0];
            for (const [k, v] of [['id', arguments[1]], ['__RequestVerificationToken', document.querySelector('meta[name=csrf-token]').content]]) {
              const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i);
            }
            document.body.appendChild(f); f.submit();
            """, action, id.ToString());
}
