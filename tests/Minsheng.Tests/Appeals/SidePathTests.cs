using System.Net;
using Minsheng.Domain.Appeals;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Appeals;

/// <summary>The lifecycle's side paths over HTTP, each as the role that takes it.</summary>
public sealed class SidePathTests
{
    [Fact]
    public async Task Misrouted_appeal_is_returned_then_redispatched_to_the_right_unit()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var d = await app.ClientFor("dispatcher");
        var housing = await app.ClientFor("housing-handler");
        var id = await d.NewAppeal(c);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        await housing.Post($"/api/appeals/{id}/return", new { reason = "路灯归城管局管理" }).Expect(HttpStatusCode.OK);
        var back = await d.Post($"/api/appeals/{id}/accept-return").Expect<AppealAnswer>(HttpStatusCode.OK);
        back.Status.ShouldBe(AppealStatus.PendingDispatch);
        back.ReturnCount.ShouldBe(1);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.CityMgmt.Id }).Expect(HttpStatusCode.OK);
        await housing.Expect($"/api/appeals/{id}", HttpStatusCode.NotFound);
        (await (await app.ClientFor("city-handler")).Post($"/api/appeals/{id}/claim").Expect<AppealAnswer>(HttpStatusCode.OK)).Status.ShouldBe(AppealStatus.Claimed);
    }

    [Fact]
    public async Task Rejected_return_goes_back_to_the_unit()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(c);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        await (await app.ClientFor("housing-handler")).Post($"/api/appeals/{id}/return", new { reason = "不归我们管" }).Expect(HttpStatusCode.OK);
        (await d.Post($"/api/appeals/{id}/reject-return", new { reason = "属于住建局职责" }).Expect<AppealAnswer>(HttpStatusCode.OK)).Status.ShouldBe(AppealStatus.Dispatched);
    }

    [Fact]
    public async Task Extension_is_granted_once_and_co_units_contribute_to_the_reply()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var d = await app.ClientFor("dispatcher");
        var housing = await app.ClientFor("housing-handler");
        var city = await app.ClientFor("city-handler");
        var id = await d.NewAppeal(c, new { tier = "Coordinated" });
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id, coUnitIds = new[] { c.CityMgmt.Id } }).Expect(HttpStatusCode.OK);
        await city.Post($"/api/appeals/{id}/contribute", new { content = "城管局负责清理占道堆放物。" }).Expect(HttpStatusCode.OK);
        await city.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.Forbidden);
        await housing.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.OK);
        await housing.Post($"/api/appeals/{id}/extension", new { days = 5, reason = "需协调施工单位" }).Expect(HttpStatusCode.OK);
        var approved = await d.Post($"/api/appeals/{id}/approve-extension").Expect<AppealAnswer>(HttpStatusCode.OK);
        approved.ExtensionUsed.ShouldBeTrue();
        var again = await housing.Post($"/api/appeals/{id}/extension", new { days = 3, reason = "还需时间" }).Expect<ProblemAnswer>(HttpStatusCode.Conflict);
        again.Detail.ShouldNotBeNull().ShouldContain("已延期过一次");
        (await housing.Post($"/api/appeals/{id}/extension", new { days = 0, reason = "x" }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).ErrorsOf("days").ShouldNotBeEmpty();
        var timeline = await d.Expect<List<TimelineAnswer>>($"/api/appeals/{id}/timeline");
        timeline.ShouldContain(t => t.Action == AppealAction.Contribute && t.ActorUnit == "县城市管理局");
    }

    [Fact]
    public async Task Rejected_reply_goes_back_and_unsatisfied_callback_leads_to_redo()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var d = await app.ClientFor("dispatcher");
        var handler = await app.ClientFor("housing-handler");
        var head = await app.ClientFor("housing-head");
        var id = await d.NewAppeal(c);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/reply", new { content = "已处理。" }).Expect(HttpStatusCode.OK);
        (await head.Post($"/api/appeals/{id}/reject-reply", new { reason = "答复过于简单，请写明处理结果" }).Expect<AppealAnswer>(HttpStatusCode.OK)).Status.ShouldBe(AppealStatus.InProgress);
        await handler.Post($"/api/appeals/{id}/reply", new { content = "已更换路灯灯具两套，恢复照明。" }).Expect(HttpStatusCode.OK);
        await head.Post($"/api/appeals/{id}/approve-reply").Expect(HttpStatusCode.OK);
        (await d.Post($"/api/appeals/{id}/callback", new { outcome = "Unsatisfied", resolved = false, unitAtFault = true }).Expect<AppealAnswer>(HttpStatusCode.OK)).Status.ShouldBe(AppealStatus.ReReview);
        var redo = await d.Post($"/api/appeals/{id}/redo", new { reason = "现场核实路灯仍不亮" }).Expect<AppealAnswer>(HttpStatusCode.OK);
        redo.Status.ShouldBe(AppealStatus.Dispatched);
        redo.RedoCount.ShouldBe(1);
        redo.Reply.ShouldBeNull();
    }

    [Fact]
    public async Task Unreachable_citizen_is_retried_then_closed_with_a_reason()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var d = await app.ClientFor("dispatcher");
        var handler = await app.ClientFor("housing-handler");
        var id = await d.NewAppeal(c);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/reply", new { content = "已处理完毕。" }).Expect(HttpStatusCode.OK);
        await (await app.ClientFor("housing-head")).Post($"/api/appeals/{id}/approve-reply").Expect(HttpStatusCode.OK);
        await d.Post($"/api/appeals/{id}/close", new { reason = "联系不上" }).Expect(HttpStatusCode.Conflict);
        for (var i = 0; i < 3; i++)
            (await d.Post($"/api/appeals/{id}/callback", new { outcome = "NotReached" }).Expect<AppealAnswer>(HttpStatusCode.OK)).Status.ShouldBe(AppealStatus.Replied);
        (await d.Post($"/api/appeals/{id}/close", new { reason = "三次回访均未接通" }).Expect<AppealAnswer>(HttpStatusCode.OK)).Status.ShouldBe(AppealStatus.Closed);
    }

    [Fact]
    public async Task Duplicates_merge_closed_cases_reopen_and_any_case_can_be_escalated()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var op = await app.ClientFor("operator");
        var d = await app.ClientFor("dispatcher");
        var first = await op.NewAppeal(c, new { type = "Consultation" }); // answered directly below, which only a consultation may be
        var second = await op.NewAppeal(c);
        var merged = await d.Post($"/api/appeals/{second}/merge", new { targetId = first }).Expect<AppealAnswer>(HttpStatusCode.OK);
        merged.Status.ShouldBe(AppealStatus.Merged);
        merged.MergedIntoId.ShouldBe(first);
        await d.Post($"/api/appeals/{first}/merge", new { targetId = second }).Expect(HttpStatusCode.Conflict);

        var answered = await op.Post($"/api/appeals/{first}/direct-answer", new { content = "已按政策解答。" }).Expect<AppealAnswer>(HttpStatusCode.OK);
        answered.Status.ShouldBe(AppealStatus.Closed);
        (await (await app.ClientFor("supervisor")).Post($"/api/appeals/{first}/reopen", new { reason = "回头看发现问题未解决" }).Expect<AppealAnswer>(HttpStatusCode.OK)).Status.ShouldBe(AppealStatus.PendingDispatch);
        var escalated = await (await app.ClientFor("leader")).Post($"/api/appeals/{first}/escalate", new { reason = "涉及群体利益" }).Expect<AppealAnswer>(HttpStatusCode.OK);
        escalated.Summary.Tier.ShouldBe(Tier.HighLevel);
    }

    [Fact]
    public async Task List_filters_and_pages()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var op = await app.ClientFor("operator");
        for (var i = 0; i < 3; i++) await op.NewAppeal(c);
        await op.NewAppeal(c, new { type = "Suggestion", title = "建议增设健身器材", channel = "Mailbox", categoryId = c.Noise.Id });
        (await op.Expect<PageAnswer<AppealSummaryAnswer>>("/api/appeals?type=Suggestion")).Total.ShouldBe(1);
        (await op.Expect<PageAnswer<AppealSummaryAnswer>>("/api/appeals?channel=mailbox")).Total.ShouldBe(1);
        (await op.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?categoryId={c.Roads.Id}")).Total.ShouldBe(3);
        (await op.Expect<PageAnswer<AppealSummaryAnswer>>("/api/appeals?q=健身器材")).Total.ShouldBe(1);
        (await op.Expect<PageAnswer<AppealSummaryAnswer>>("/api/appeals?status=Registered&tier=Timely")).Total.ShouldBe(4);
        var page = await op.Expect<PageAnswer<AppealSummaryAnswer>>("/api/appeals?pageSize=3&page=2");
        page.Items.Count.ShouldBe(1);
        page.Total.ShouldBe(4);
        (page.PageNumber, page.PageSize).ShouldBe((2, 3));
        var from = Uri.EscapeDataString(TestApp.Start.AddDays(1).ToString("O"));
        (await op.Expect<PageAnswer<AppealSummaryAnswer>>($"/api/appeals?from={from}")).Total.ShouldBe(0);
    }

    [Fact]
    public async Task Numbers_follow_the_china_date_with_a_daily_sequence()
    {
        await using var app = await TestApp.StartAsync();
        var op = await app.ClientFor("operator");
        var a = await op.Expect<AppealAnswer>($"/api/appeals/{await op.NewAppeal(app.County)}");
        var b = await op.Expect<AppealAnswer>($"/api/appeals/{await op.NewAppeal(app.County)}");
        app.Clock.Advance(TimeSpan.FromHours(16)); // 17:30 UTC is 01:30 the next day in China
        op = await app.ClientFor("operator"); // the night shift signs in again: tokens last one working day
        var next = await op.Expect<AppealAnswer>($"/api/appeals/{await op.NewAppeal(app.County)}");
        a.Number.ShouldBe("20261116000001");
        b.Number.ShouldBe("20261116000002");
        next.Number.ShouldBe("20261117000001");
    }
}
