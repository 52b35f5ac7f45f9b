using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.TimeLimits;

public sealed class AccountabilityTests
{
    [Fact]
    public async Task Bouncing_between_units_raises_one_lead_with_the_returns_as_evidence()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(c);
        var units = new[] { (c.Housing.Id, "housing-handler"), (c.CityMgmt.Id, "city-handler"), (c.Housing.Id, "housing-handler") };
        foreach (var (unit, user) in units)
        {
            await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = unit }).Expect(HttpStatusCode.OK);
            await (await app.ClientFor(user)).Post($"/api/appeals/{id}/return", new { reason = "不属于本单位职责" }).Expect(HttpStatusCode.OK);
            await d.Post($"/api/appeals/{id}/accept-return").Expect(HttpStatusCode.OK);
        }
        await app.RunMonitor();
        await app.RunMonitor();
        var leads = await (await app.ClientFor("supervisor")).Expect("/api/leads?status=Open");
        var bounced = leads.AsArray().Single(l => l!["rule"]!.GetValue<string>() == "Bounced")!;
        bounced["ruleLabel"]!.GetValue<string>().ShouldBe("推诿扯皮");
        bounced["evidenceTimelineIds"]!.AsArray().Count.ShouldBe(3);
    }

    [Fact]
    public async Task Repeat_complaints_and_unsatisfied_redo_raise_leads_that_supervisors_decide_and_leaders_publish()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var op = await app.ClientFor("operator");
        var d = await app.ClientFor("dispatcher");
        var handler = await app.ClientFor("housing-handler");
        var head = await app.ClientFor("housing-head");
        long last = 0;
        for (var i = 0; i < 3; i++)
        {
            last = await op.NewAppeal(c, new { citizenPhone = "13700001111", address = $"第 {i} 处" });
            app.Clock.Advance(TimeSpan.FromHours(1));
        }
        await d.Post($"/api/appeals/{last}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        for (var round = 0; round < 2; round++)
        {
            await handler.Post($"/api/appeals/{last}/claim").Expect(HttpStatusCode.OK);
            await handler.Post($"/api/appeals/{last}/reply", new { content = "已处理。" }).Expect(HttpStatusCode.OK);
            await head.Post($"/api/appeals/{last}/approve-reply").Expect(HttpStatusCode.OK);
            await d.Post($"/api/appeals/{last}/callback", new { outcome = "Unsatisfied", unitAtFault = true }).Expect(HttpStatusCode.OK);
            if (round == 0) await d.Post($"/api/appeals/{last}/redo", new { reason = "问题未解决" }).Expect(HttpStatusCode.OK);
        }
        await app.RunMonitor();

        var supervisor = await app.ClientFor("supervisor");
        var leads = (await supervisor.Expect("/api/leads")).AsArray();
        var repeat = leads.Single(l => l!["rule"]!.GetValue<string>() == "RepeatComplaint")!;
        repeat["evidenceAppealIds"]!.AsArray().Count.ShouldBe(3);
        repeat["summary"]!.GetValue<string>().ShouldContain("同一电话");
        repeat["summary"]!.GetValue<string>().ShouldNotContain("13700001111");
        var unsatisfied = leads.Single(l => l!["rule"]!.GetValue<string>() == "UnsatisfiedAfterRedo")!;
        var leadId = unsatisfied["id"]!.GetValue<long>();

        (await supervisor.Post($"/api/leads/{leadId}/confirm", new { }).Expect(HttpStatusCode.BadRequest))["errors"]!["measure"].ShouldNotBeNull();
        await supervisor.Post($"/api/leads/{leadId}/confirm", new { measure = "Talk", comment = "约谈住建局分管负责人" }).Expect(HttpStatusCode.OK);
        await supervisor.Post($"/api/leads/{leadId}/dismiss", new { reason = "重复" }).Expect(HttpStatusCode.Conflict);
        await supervisor.Post($"/api/leads/{leadId}/request-publication").Expect(HttpStatusCode.OK);
        await supervisor.Post($"/api/leads/{leadId}/approve-publication").Expect(HttpStatusCode.Forbidden);
        (await app.Anonymous().Expect("/api/public/exposure")).AsArray().ShouldBeEmpty();
        await (await app.ClientFor("leader")).Post($"/api/leads/{leadId}/approve-publication").Expect(HttpStatusCode.OK);
        var exposure = await app.Anonymous().Expect("/api/public/exposure");
        exposure[0]!["unit"]!.GetValue<string>().ShouldBe("县住房和城乡建设局");
        exposure[0]!["measure"]!.GetValue<string>().ShouldBe("约谈");

        var repeatId = repeat["id"]!.GetValue<long>();
        (await supervisor.Post($"/api/leads/{repeatId}/dismiss", new { reason = "" }).Expect(HttpStatusCode.BadRequest))["errors"]!["reason"].ShouldNotBeNull();
        (await supervisor.Post($"/api/leads/{repeatId}/dismiss", new { reason = "三件反映的是不同路段" }).Expect(HttpStatusCode.OK))["statusLabel"]!.GetValue<string>().ShouldBe("不予采纳");
        await supervisor.Post("/api/leads/987654/dismiss", new { reason = "x" }).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Supervisors_and_leaders_issue_supervision_orders_to_the_lead_unit()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(c);
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id }).Expect(HttpStatusCode.OK);
        var leader = await app.ClientFor("leader");
        var due = TestApp.Start.AddDays(2);
        var order = await leader.Post($"/api/appeals/{id}/supervision-orders", new { kind = "AssignmentLetter", instruction = "请住建局三日内解决并报结果", dueAt = due })
            .Expect(HttpStatusCode.Created);
        order["kindLabel"]!.GetValue<string>().ShouldBe("交办函");
        var bad = await leader.Post($"/api/appeals/{id}/supervision-orders", new { instruction = "", dueAt = TestApp.Start.AddDays(-1) }).Expect(HttpStatusCode.BadRequest);
        bad["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["instruction", "dueAt"], ignoreOrder: true);
        await leader.Post("/api/appeals/987654/supervision-orders", new { instruction = "x", dueAt = due }).Expect(HttpStatusCode.NotFound);
        var inbox = await (await app.ClientFor("housing-head")).Expect("/api/notifications?unread=true");
        var notice = inbox.AsArray().Single()!;
        notice["body"]!.GetValue<string>().ShouldContain("请住建局三日内解决并报结果");
        await (await app.ClientFor("housing-head")).Post($"/api/notifications/{notice["id"]}/read").Expect(HttpStatusCode.NoContent);
        (await (await app.ClientFor("housing-head")).Expect("/api/notifications?unread=true")).AsArray().ShouldBeEmpty();
        (await (await app.ClientFor("supervisor")).Expect($"/api/supervision-orders?appealId={id}")).AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Leaders_get_a_daily_digest_of_high_level_appeals()
    {
        await using var app = await TestApp.StartAsync();
        var d = await app.ClientFor("dispatcher");
        await d.NewAppeal(app.County, new { tier = "HighLevel", title = "化工园区异味扰民" });
        await app.RunMonitor();
        await app.RunMonitor();
        var inbox = await (await app.ClientFor("leader")).Expect("/api/notifications");
        var digest = inbox.AsArray().Single(n => n!["kind"]!.GetValue<string>() == "HighLevelDigest")!;
        digest["body"]!.GetValue<string>().ShouldContain("化工园区异味扰民");
    }
}
