using System.Net;
using Minsheng.Features.Analysis.Reports;
using Minsheng.Features.Notifications;

namespace Minsheng.Tests.Analysis.Reports;

/// <summary>Draft → edited text (figures kept) → issued to the leaders, who read issued reports only.</summary>
public sealed class ReportWorkflowTests(ReportWorld w) : IClassFixture<ReportWorld>
{
    [Fact]
    public async Task Editing_changes_the_text_and_keeps_the_figures()
    {
        var draft = await w.WeeklyAsync("2026-W44");
        var analyst = await w.ClientFor("analyst");
        var edited = await analyst.Put($"/api/reports/{draft.Report.Id}",
                new { title = "测试县周报（修订）", summary = "本周诉求平稳。", analysis = "无异常。", suggestions = "继续保持。", version = draft.Version })
            .Expect<ReportView>(HttpStatusCode.OK);
        edited.Report.Title.ShouldBe("测试县周报（修订）");
        edited.Text.ShouldBe(new ReportText("本周诉求平稳。", "无异常。", "继续保持。"));
        edited.Version.ShouldBe(draft.Version + 1);
        var again = await analyst.Expect<ReportView>($"/api/reports/{draft.Report.Id}");
        System.Text.Json.JsonSerializer.Serialize(again.Figures).ShouldBe(System.Text.Json.JsonSerializer.Serialize(draft.Figures));

        // A stale version is refused, as is an empty summary.
        (await analyst.Put($"/api/reports/{draft.Report.Id}", new { title = "x", summary = "y", version = draft.Version })
            .Expect<ProblemAnswer>(HttpStatusCode.Conflict)).Title.ShouldBe("报告当前状态不能执行此操作");
        (await analyst.Put($"/api/reports/{draft.Report.Id}", new { title = "x", summary = " " })
            .Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).Fields.ShouldBe(["summary"]);
    }

    [Fact]
    public async Task Issuing_tells_the_leaders_and_makes_the_report_final()
    {
        var draft = await w.WeeklyAsync("2026-W43");
        var leader = await w.ClientFor("leader");
        (await leader.GetAsync($"/api/reports/{draft.Report.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // drafts are not theirs
        (await leader.Expect<List<ReportListItem>>("/api/reports")).ShouldNotContain(r => r.Id == draft.Report.Id);

        var analyst = await w.ClientFor("analyst");
        var issued = await analyst.Post($"/api/reports/{draft.Report.Id}/issue", new { version = draft.Version }).Expect<ReportView>(HttpStatusCode.OK);
        issued.Report.Status.ShouldBe(ReportStatus.Issued);
        issued.IssuedBy.ShouldBe("analyst");

        var inbox = await leader.Expect<List<NotificationView>>("/api/notifications?unread=true");
        var notice = inbox.Where(n => n.Body.Contains($"/reports/{draft.Report.Id}")).ShouldHaveSingleItem();
        notice.KindLabel.ShouldBe("报告签发");
        notice.Title.ShouldBe("周报：测试县群众诉求办理周报");
        (await leader.Expect<ReportView>($"/api/reports/{draft.Report.Id}")).Text.Summary.ShouldBe(draft.Text.Summary);
        (await leader.Expect<List<ReportListItem>>("/api/reports")).ShouldContain(r => r.Id == draft.Report.Id);

        (await analyst.Post($"/api/reports/{draft.Report.Id}/issue").Expect<ProblemAnswer>(HttpStatusCode.Conflict)).Detail.ShouldBe("报告已签发过。");
        (await analyst.Put($"/api/reports/{draft.Report.Id}", new { title = "x", summary = "y" }).Expect<ProblemAnswer>(HttpStatusCode.Conflict))
            .Detail.ShouldBe("报告已签发，不能再修改。");
        // The supervisor's inbox gets nothing: the report is for the leaders.
        (await (await w.ClientFor("supervisor")).Expect<List<NotificationView>>("/api/notifications")).ShouldNotContain(n => n.Body.Contains($"/reports/{draft.Report.Id}"));
    }

    [Fact]
    public async Task Writes_are_audited_with_their_own_actions()
    {
        var draft = await w.WeeklyAsync("2026-W42");
        var analyst = await w.ClientFor("analyst");
        await analyst.Put($"/api/reports/{draft.Report.Id}", new { title = "t", summary = "s" }).Expect(HttpStatusCode.OK);
        await analyst.Post($"/api/reports/{draft.Report.Id}/issue").Expect(HttpStatusCode.OK);
        using var scope = w.App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Minsheng.Data.MinshengDb>();
        var id = draft.Report.Id.ToString();
        var actions = db.AuditLog.Where(e => e.EntityId == id && e.Action.StartsWith("report.")).OrderBy(e => e.Id).Select(e => new { e.Action, e.Actor }).ToList();
        actions.Select(a => a.Action).ShouldBe(["report.create", "report.edit", "report.issue"]);
        actions.ShouldAllBe(a => a.Actor == "analyst");
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("supervisor")]
    [InlineData("dispatcher")]
    public async Task Only_analysts_write(string user)
    {
        var client = await w.ClientFor(user);
        (await client.Post("/api/reports", new { period = "2026-W40" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
