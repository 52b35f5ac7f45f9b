using System.Net;
using System.Text.Json.Nodes;
using Minsheng.Tests.Analysis.Bulletins;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Instructions;

/// <summary>
/// 批示 → 交办 through the API: who sees a task, the report back by the lead unit's head, the leader's acceptance or
/// return, the monitor's reminders and escalations once per round, and a plan that comes back on its review date.
/// </summary>
public sealed class InstructionTaskTests
{
    private sealed record World(TestApp App, HttpClient Leader, long ItemId, long AppealId);

    private static async Task<World> IssuedItem(TestApp app)
    {
        using var desk = await app.ClientFor("operator");
        var appeal = await desk.NewAppeal(app.County, new { content = "我叫张三丰，电话13812345678，王庄村村口路灯坏了两个星期。" });
        using var analyst = await app.ClientFor("analyst");
        using var supervisor = await app.ClientFor("supervisor");
        var (_, itemId, _) = await BulletinKit.IssuedAsync(analyst, supervisor, appeal);
        return new World(app, await app.ClientFor("leader"), itemId, appeal);
    }

    private static async Task<JsonNode> Instruct(World w, int days = 5, object? target = null) =>
        await w.Leader.Post("/api/instructions", target ?? new
        {
            targetKind = "BulletinItem", targetRef = w.ItemId.ToString(), text = "请住建局牵头，五个工作日内修复并报告。",
            leadUnitId = w.App.County.Housing.Id, coUnitIds = new[] { w.App.County.CityMgmt.Id }, deadlineDays = days,
        }).Expect(HttpStatusCode.Created);

    private static long Id(JsonNode n) => n["id"]!.GetValue<long>();

    private static async Task<List<long>> ListIds(TestApp app, string user)
    {
        using var client = await app.ClientFor(user);
        return (await client.Expect("/api/instructions")).AsArray().Select(t => t!["id"]!.GetValue<long>()).ToList();
    }

    [Fact]
    public async Task A_unit_sees_only_its_tasks_and_only_the_lead_units_head_reports()
    {
        await using var app = await TestApp.StartAsync();
        var w = await IssuedItem(app);
        var task = await Instruct(w);
        var id = Id(task);
        task["targetTitle"]!.GetValue<string>().ShouldBe("王庄村路灯长期不亮");
        task["status"]!.GetValue<string>().ShouldBe("Assigned");

        (await ListIds(app, "housing-handler")).ShouldBe([id]);
        (await ListIds(app, "city-handler")).ShouldBe([id], "the co-unit sees it too");
        (await ListIds(app, "town1-handler")).ShouldBeEmpty();
        (await ListIds(app, "supervisor")).ShouldBe([id]);
        (await ListIds(app, "leader")).ShouldBe([id]);
        using (var town = await app.ClientFor("town1-handler")) await town.Expect($"/api/instructions/{id}", HttpStatusCode.NotFound);
        using (var analyst = await app.ClientFor("analyst")) await analyst.Expect("/api/instructions", HttpStatusCode.Forbidden);

        var report = new { outcome = "Done", text = "已更换路灯 12 盏，全部恢复照明。" };
        using (var handler = await app.ClientFor("housing-handler")) await handler.Post($"/api/instructions/{id}/report", report).Expect(HttpStatusCode.Forbidden);
        using (var coHead = await app.ClientFor("city-head"))
            (await coHead.Post($"/api/instructions/{id}/report", report).Expect<ProblemAnswer>(HttpStatusCode.Forbidden)).Detail!.ShouldContain("主办单位负责人");
        using var head = await app.ClientFor("housing-head");
        (await head.Post($"/api/instructions/{id}/report", report).Expect(HttpStatusCode.OK))["status"]!.GetValue<string>().ShouldBe("Reported");
        (await head.Post($"/api/instructions/{id}/report", report).Expect<ProblemAnswer>(HttpStatusCode.Conflict)).Detail!.ShouldContain("不能重复报告");

        (await w.Leader.Expect("/api/notifications")).AsArray().ShouldContain(n => n!["kind"]!.GetValue<string>() == "InstructionReported");
        var closed = await w.Leader.Post($"/api/instructions/{id}/accept").Expect(HttpStatusCode.OK);
        closed["status"]!.GetValue<string>().ShouldBe("Closed");
        closed["reportText"]!.GetValue<string>().ShouldBe(report.text);
        (await w.Leader.Post($"/api/instructions/{id}/accept").Expect<ProblemAnswer>(HttpStatusCode.Conflict)).Detail.ShouldBe("已闭环。");
        (await BulletinKit.AuditActions(app, "instruction.")).ShouldBe(["instruction.create", "instruction.report", "instruction.accept"]);
    }

    [Fact]
    public async Task The_unit_reads_the_appeal_behind_a_task_masked_and_without_a_link()
    {
        await using var app = await TestApp.StartAsync();
        var w = await IssuedItem(app);
        var task = await Instruct(w, target: new
        {
            targetKind = "Appeal", targetRef = w.AppealId.ToString(), text = "请尽快修复。", leadUnitId = app.County.Housing.Id, deadlineDays = 3,
        });
        using var handler = await app.ClientFor("housing-handler");
        var body = await handler.GetStringAsync($"/api/instructions/{Id(task)}");
        body.ShouldContain("路灯");
        body.ShouldNotContain("13812345678");
        body.ShouldNotContain("张三丰");
        var view = await handler.Expect($"/api/instructions/{Id(task)}");
        view["link"].ShouldBeNull();
        (await w.Leader.Expect($"/api/instructions/{Id(task)}"))["link"]!.GetValue<string>().ShouldBe($"/appeals/{w.AppealId}");
    }

    [Fact]
    public async Task Bad_input_names_the_field()
    {
        await using var app = await TestApp.StartAsync();
        var w = await IssuedItem(app);
        var bad = await w.Leader.Post("/api/instructions", new { targetKind = "BulletinItem", targetRef = w.ItemId.ToString(), text = "", leadUnitId = app.County.County.Id, deadlineDays = 0 })
            .Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        bad.Errors!.Keys.ShouldBe(["text", "deadlineDays"], ignoreOrder: true);
        var county = await w.Leader.Post("/api/instructions", new { targetKind = "BulletinItem", targetRef = w.ItemId.ToString(), text = "请办理。", leadUnitId = app.County.County.Id, deadlineDays = 3 })
            .Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        county.Errors!.Keys.ShouldBe(["leadUnitId"]);
        var item = await w.Leader.Post("/api/instructions", new { targetKind = "BulletinItem", targetRef = "999999", text = "请办理。", leadUnitId = app.County.Housing.Id, deadlineDays = 3 })
            .Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        item.Errors!.Keys.ShouldBe(["targetRef"]);
        // A topic or report is looked up like an appeal: one the leader cannot see (or that does not exist) is refused.
        foreach (var kind in new[] { "Topic", "Report" })
            (await w.Leader.Post("/api/instructions", new { targetKind = kind, targetRef = "999999", targetTitle = "搅拌站噪音扰民", text = "请办理。", leadUnitId = app.County.Housing.Id, deadlineDays = 3 })
                .Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["targetRef"], kind);

        var id = Id(await Instruct(w));
        using var head = await app.ClientFor("housing-head");
        var plan = await head.Post($"/api/instructions/{id}/report", new { outcome = "Plan", text = "需要财政立项。", planText = "", reviewOn = "2026-01-01" })
            .Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        plan.Errors!.Keys.ShouldBe(["planText", "reviewOn"], ignoreOrder: true);
        (await w.Leader.Post($"/api/instructions/{id}/return", new { reason = "", deadlineDays = 3 }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["reason"]);
        (await w.Leader.Post($"/api/instructions/{id}/return", new { reason = "不够", deadlineDays = 3 }).Expect<ProblemAnswer>(HttpStatusCode.Conflict)).Detail.ShouldBe("单位尚未报告办理情况，无需退回。");
    }

    [Fact]
    public async Task The_monitor_reminds_and_escalates_once_per_round_and_a_return_starts_a_new_round()
    {
        await using var app = await TestApp.StartAsync();
        var w = await IssuedItem(app);
        var task = await Instruct(w, days: 1);
        var id = Id(task);
        var due = task["dueAt"]!.GetValue<DateTimeOffset>();
        var prefix = $"instruction:{id}:";

        await app.RunMonitor();
        (await BulletinKit.NoticeKeys(app, prefix)).ShouldBeEmpty();
        app.Clock.Advance(due - app.Clock.GetUtcNow() - TimeSpan.FromHours(1)); // an hour before the deadline
        await app.RunMonitor();
        await app.RunMonitor();
        (await BulletinKit.NoticeKeys(app, prefix)).ShouldBe([$"{prefix}1:reminder"]);

        app.Clock.Advance(TimeSpan.FromDays(2)); // the working day after: 催办单
        await app.RunMonitor();
        await app.RunMonitor();
        (await BulletinKit.NoticeKeys(app, prefix)).ShouldBe([$"{prefix}1:reminder", $"{prefix}1:notice"]);

        app.Clock.Advance(TimeSpan.FromDays(7)); // more than three working days late: 督办
        await app.RunMonitor();
        await app.RunMonitor();
        (await BulletinKit.NoticeKeys(app, prefix)).ShouldBe([$"{prefix}1:reminder", $"{prefix}1:notice", $"{prefix}1:supervision"]);
        using (var supervisor = await app.ClientFor("supervisor"))
        {
            (await supervisor.Expect("/api/notifications")).AsArray().ShouldContain(n => n!["title"]!.GetValue<string>() == "督办单：领导批示交办事项");
            var list = (await supervisor.Expect("/api/instructions")).AsArray();
            list[0]!["overdue"]!.GetValue<bool>().ShouldBeTrue();
        }

        using var head = await app.ClientFor("housing-head");
        await head.Post($"/api/instructions/{id}/report", new { outcome = "Done", text = "已修复。" }).Expect(HttpStatusCode.OK);
        await app.RunMonitor();
        (await BulletinKit.NoticeKeys(app, prefix)).Count.ShouldBe(3, "a reported task is not chased");
        using var leader = await app.ClientFor("leader");
        var returned = await leader.Post($"/api/instructions/{id}/return", new { reason = "请补充照片。", deadlineDays = 1 }).Expect(HttpStatusCode.OK);
        returned["round"]!.GetValue<int>().ShouldBe(2);
        returned["status"]!.GetValue<string>().ShouldBe("Assigned");
        var due2 = returned["dueAt"]!.GetValue<DateTimeOffset>();
        app.Clock.Advance(due2 - app.Clock.GetUtcNow() - TimeSpan.FromHours(1));
        await app.RunMonitor();
        await app.RunMonitor();
        (await BulletinKit.NoticeKeys(app, prefix)).ShouldBe([$"{prefix}1:reminder", $"{prefix}1:notice", $"{prefix}1:supervision", $"{prefix}2:reminder"]);
    }

    [Fact]
    public async Task A_plan_comes_back_on_its_review_date_once_and_is_then_closed()
    {
        await using var app = await TestApp.StartAsync();
        var w = await IssuedItem(app);
        var id = Id(await Instruct(w));
        using (var head = await app.ClientFor("housing-head"))
            await head.Post($"/api/instructions/{id}/report", new { outcome = "Plan", text = "主路改造需财政立项，今年无法实施。", planText = "列入明年道路改造计划。", reviewOn = "2026-11-25" })
                .Expect(HttpStatusCode.OK);
        var planned = await w.Leader.Post($"/api/instructions/{id}/accept").Expect(HttpStatusCode.OK);
        planned["status"]!.GetValue<string>().ShouldBe("Planned");
        planned["dueForReview"]!.GetValue<bool>().ShouldBeFalse();

        var prefix = $"instruction-review:{id}:";
        app.Clock.Advance(TimeSpan.FromDays(8)); // 2026-11-24 09:30: the day before
        await app.RunMonitor();
        (await BulletinKit.NoticeKeys(app, prefix)).ShouldBeEmpty();
        app.Clock.Advance(TimeSpan.FromDays(1)); // the review date
        await app.RunMonitor();
        await app.RunMonitor();
        (await BulletinKit.NoticeKeys(app, prefix)).ShouldBe([$"{prefix}2026-11-25", $"{prefix}2026-11-25:unit"]);

        using var leader = await app.ClientFor("leader");
        var listed = (await leader.Expect("/api/instructions")).AsArray().Single()!;
        listed["dueForReview"]!.GetValue<bool>().ShouldBeTrue();
        (await leader.Expect("/api/notifications")).AsArray().ShouldContain(n => n!["kind"]!.GetValue<string>() == "InstructionReview");
        (await leader.Post($"/api/instructions/{id}/accept").Expect(HttpStatusCode.OK))["status"]!.GetValue<string>().ShouldBe("Closed");
    }
}
