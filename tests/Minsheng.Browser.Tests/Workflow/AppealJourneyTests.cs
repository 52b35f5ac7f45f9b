using System.Net;
using Minsheng.Browser.Tests.Infrastructure;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Appeals.Actions;
using OpenQA.Selenium;

namespace Minsheng.Browser.Tests.Workflow;

/// <summary>
/// One appeal through every desk and unit page: dispatched on the workbench, claimed, contacted and answered
/// in the unit inbox, approved by the head, called back from the callback queue — each step by clicking.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AppealJourneyTests(BrowserFixture f)
{
    private Infrastructure.Browser B => f.Browser;

    private async Task<(long Id, string Number)> PublicAppeal(string title, string type = "Complaint")
    {
        using var http = new HttpClient { BaseAddress = new Uri(f.App.BaseUrl) };
        var receipt = await http.Post("/api/public/appeals", new
        {
            type, categoryId = f.App.County.Roads.Id, title, content = title + "，已经持续一周，请相关部门尽快处理。",
            regionUnitId = f.App.County.Village1.Id, name = "李秀英", phone = "13912344321",
        }).Expect<ReceiptAnswer>(HttpStatusCode.Created);
        using var desk = await f.App.ApiAs("dispatcher");
        var found = (await desk.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?q={receipt.Number}")).Items.ShouldHaveSingleItem();
        found.Number.ShouldBe(receipt.Number);
        return (found.Id, receipt.Number);
    }

    /// <summary>
    /// Opens the action's form on the appeal page (its summary shows the descriptor's label), fills it and sends it.
    /// The slug, label and form come from the action's descriptor, as the page renders them.
    /// </summary>
    private void Perform(WorkflowAction action, Action? fill = null)
    {
        B.TextOf($"details#act-{action.Slug} > summary").ShouldBe(action.Label);
        B.Click(action.Label); // opens the <details> form
        fill?.Invoke();
        B.Find($"details#act-{action.Slug}[open] form button[type=submit]").Click();
    }

    /// <summary>The page's answer after the action succeeded.</summary>
    private void WaitForDone(WorkflowAction action) => B.WaitForText($"已完成“{action.Label}”");

    /// <summary>A citizen files on the portal's form; returns the receipt.</summary>
    private (string Number, string Code) SubmitOnPortal(string title)
    {
        B.SignOut();
        B.Open("/submit");
        B.ClickOn("input[name=type][value=Complaint]");
        B.Select("categoryId", "道路设施");
        B.Fill("title", title);
        B.Fill("content", title + "，已经持续一周，晚上出行很危险，请相关部门尽快处理。");
        B.Select("township", "城关镇");
        B.WaitUntil(_ => B.TextsOf("#village option").Contains("王庄村"), "the township's villages");
        B.Select("village", "王庄村");
        B.Fill("name", "李秀英");
        B.Fill("phone", "13912344321");
        B.Click("提交");
        B.WaitForPath("/submitted");
        return (B.TextOf("#receipt-number"), B.TextOf("#receipt-code"));
    }

    [Fact]
    public async Task An_appeal_goes_from_the_portal_through_the_desk_and_the_unit_to_closure_and_the_citizens_rating()
    {
        var (number, code) = SubmitOnPortal("城关镇王庄村路面塌陷");
        using (var lookup = await f.App.ApiAs("dispatcher"))
            (await lookup.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?q={number}")).Items.ShouldHaveSingleItem().Channel.ShouldBe(Channel.PublicPortal);

        // Dispatcher: the workbench lists it; dispatch to the housing bureau from the appeal page.
        B.SignIn("dispatcher");
        B.Open("/dispatch");
        B.WaitForText(number);
        B.Screenshot("dispatch-workbench");
        B.Click(number);
        B.WaitForText("办理操作");
        B.Screenshot("appeal-detail-dispatcher");
        Perform(WorkflowActions.Dispatch, () =>
        {
            B.Select("leadUnitId", "县住房和城乡建设局");
            B.Fill("comment", "请尽快核实处理。");
        });
        WaitForDone(WorkflowActions.Dispatch);
        B.TextOf(".badge").ShouldBe("已派单");

        // Handler: the inbox shows it waiting; claim, record contact, submit a reply.
        B.SignIn("housing-handler");
        B.Path_.ShouldBe("/unit");
        B.WaitForText(number);
        B.Screenshot("unit-inbox");
        B.Click(number);
        Perform(WorkflowActions.Claim);
        WaitForDone(WorkflowActions.Claim);
        Perform(WorkflowActions.Contact, () => B.Fill("comment", "已电话联系群众，约定明日现场查看。"));
        WaitForDone(WorkflowActions.Contact);
        Perform(WorkflowActions.Reply, () => B.Fill("content", "经现场核查，塌陷路面已于今日修复完毕。"));
        WaitForDone(WorkflowActions.Reply);
        B.Screenshot("appeal-detail-handler");

        // Head: approves the reply from the approval queue.
        B.SignIn("housing-head");
        B.Open("/unit/approvals");
        B.WaitForText(number);
        B.Click(number);
        Perform(WorkflowActions.ApproveReply);
        WaitForDone(WorkflowActions.ApproveReply);

        // Operator: the callback queue; a satisfied callback closes the appeal.
        B.SignIn("operator");
        B.Open("/callbacks");
        B.WaitForText(number);
        B.Screenshot("callback-queue");
        B.Click(number);
        Perform(WorkflowActions.Callback, () =>
        {
            B.Check("input[name=outcome][value=Satisfied]");
            B.Check("input[name=resolved][value=true]");
            B.Fill("comment", "群众表示满意。");
        });
        WaitForDone(WorkflowActions.Callback);
        B.TextOf(".badge").ShouldBe("办结");

        var id = long.Parse(new Uri(B.Driver.Url).AbsolutePath.Split('/')[^1]);
        using var api = await f.App.ApiAs("dispatcher");
        var detail = await api.Expect<AppealAnswer>($"/api/appeals/{id}");
        detail.Number.ShouldBe(number);
        detail.Status.ShouldBe(AppealStatus.Closed);
        detail.Actions.ShouldBe([AppealAction.Register, AppealAction.Dispatch, AppealAction.Claim, AppealAction.RecordContact,
            AppealAction.SubmitReply, AppealAction.ApproveReply, AppealAction.CallbackSatisfied]);

        // The citizen sees the outcome and the reply with the number and code, and rates it; staff see the rating.
        B.SignOut();
        B.Open($"/track?number={number}");
        B.Fill("code", code);
        B.Click("查询");
        B.WaitForText("评价答复");
        B.TextOf("#status").ShouldBe("办结");
        B.TextOf("#reply").ShouldContain("塌陷路面已于今日修复完毕");
        B.Text.ShouldNotContain("已电话联系群众"); // internal steps stay internal
        B.ClickOn("input[name=rating][value=Satisfied]");
        B.Click("提交评价");
        B.WaitForText("感谢您的评价");
        B.SignIn("dispatcher");
        B.Open($"/appeals/{id}");
        B.TextOf("#citizen-rating").ShouldContain("满意");
    }

    [Fact]
    public async Task A_dispatch_without_a_lead_unit_is_answered_next_to_the_field()
    {
        var (id, _) = await PublicAppeal("双河镇集市噪声扰民");
        B.SignIn("dispatcher");
        B.Open($"/appeals/{id}");
        Perform(WorkflowActions.Dispatch, () => B.Select("leadUnitId", "请选择"));
        B.WaitForText("请选择主办单位");
        B.AttributeOf("#dispatch-lead", "aria-invalid").ShouldBe("true");
        B.TextOf("#leadUnitId-error").ShouldBe("请选择主办单位。");
        B.AttributeOf($"details#act-{WorkflowActions.Dispatch.Slug}", "open").ShouldNotBeNull();
        B.Screenshot("dispatch-field-error");
    }

    [Fact]
    public async Task A_report_about_a_unit_shows_its_handler_no_identity()
    {
        using var desk = await f.App.ApiAs("operator");
        var id = await desk.NewAppeal(f.App.County, new
        {
            type = "Report", title = "住建局工作人员违规收费", content = "住建局某工作人员办理业务时违规收取费用。",
            subjectUnitId = f.App.County.Housing.Id, citizenName = "王建国", citizenPhone = "13700001111",
        });
        using var dispatcher = await f.App.ApiAs("dispatcher");
        (await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = f.App.County.Housing.Id, overrideReason = "收费事项仅该局可查处" })
            .Expect<AppealAnswer>(HttpStatusCode.OK)).Summary.LeadUnitId.ShouldBe(f.App.County.Housing.Id);

        B.SignIn("housing-handler");
        B.Open($"/appeals/{id}");
        B.WaitForText("诉求人信息依规不向本单位显示");
        var html = B.Html;
        html.ShouldNotContain("王建国");
        html.ShouldNotContain("王**");
        html.ShouldNotContain("1111");
        B.Has("#citizen").ShouldBeFalse();
        B.Screenshot("confidential-report-handler");

        // The desk sees the complainant masked, and unmasking is logged with its reason.
        B.SignIn("dispatcher");
        B.Open($"/appeals/{id}");
        B.TextOf("#citizen").ShouldContain("王**");
        B.Click("查看完整信息");
        B.Fill("reason", "核实举报线索");
        B.ClickOn("details[open] form button[type=submit]");
        B.WaitForText("本次查阅已登记");
        B.TextOf("#citizen").ShouldContain("13700001111");
        using var supervisor = await f.App.ApiAs("supervisor");
        var log = await supervisor.Expect<List<AccessAnswer>>("/api/access-log");
        log.ShouldContain(e => e.Reason == "核实举报线索" && e.AppealId == id && e.Username == "dispatcher");
    }

    [Fact]
    public async Task The_unit_inbox_fits_a_phone()
    {
        var (id, number) = await PublicAppeal("王庄村自来水水压不足");
        using var dispatcher = await f.App.ApiAs("dispatcher");
        (await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = f.App.County.Housing.Id }).Expect<AppealAnswer>(HttpStatusCode.OK))
            .Status.ShouldBe(AppealStatus.Dispatched);

        using var phone = new Infrastructure.Browser(f.App.BaseUrl, 390, 844);
        phone.SignIn("housing-handler");
        phone.WaitForText(number);
        Overflow(phone).ShouldBeLessThanOrEqualTo(0, "the inbox scrolls sideways on a phone");
        phone.Screenshot("unit-inbox-phone");
        phone.Click(number);
        phone.WaitForText("办理操作");
        Overflow(phone).ShouldBeLessThanOrEqualTo(0, "the appeal page scrolls sideways on a phone");
        phone.Screenshot("appeal-detail-phone");
    }

    private static long Overflow(Infrastructure.Browser b) =>
        (long)b.Run("return document.documentElement.scrollWidth - document.documentElement.clientWidth;")!;
}
