using System.Net;
using System.Text;
using Minsheng.Domain.Appeals;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Appeals;

public sealed class ConflictAndValidationTests
{
    [Fact]
    public async Task Illegal_transition_answers_409_naming_status_and_action()
    {
        await using var app = await TestApp.StartAsync();
        var dispatcher = await app.ClientFor("dispatcher");
        var id = await dispatcher.NewAppeal(app.County);
        await dispatcher.Post($"/api/appeals/{id}/invalidate", new { reason = "测试电话" }).Expect(HttpStatusCode.OK);

        var problem = await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect<ProblemAnswer>(HttpStatusCode.Conflict);
        problem.Status.ShouldBe(409);
        problem.CurrentStatus.ShouldBe("Invalid");
        problem.Action.ShouldBe("Dispatch");
        problem.Detail.ShouldNotBeNull().ShouldContain("无效");
        problem.Detail.ShouldContain("派单");
    }

    [Fact]
    public async Task Two_concurrent_dispatches_give_one_success_and_one_409()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var a = await app.ClientFor("dispatcher");
        var b = await app.ClientFor("dispatcher");
        var id = await a.NewAppeal(c);
        var version = (await a.Expect<AppealAnswer>($"/api/appeals/{id}")).Version;
        var responses = await Task.WhenAll(
            a.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id, version }),
            b.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.CityMgmt.Id, version }));
        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        var timeline = await a.Expect<List<TimelineAnswer>>($"/api/appeals/{id}/timeline");
        timeline.Count(t => t.Action == AppealAction.Dispatch).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_dispatches_without_versions_still_act_once()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var a = await app.ClientFor("dispatcher");
        var id = await a.NewAppeal(c);
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            a.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = i % 2 == 0 ? c.Housing.Id : c.CityMgmt.Id })));
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
    }

    [Fact]
    public async Task Stale_version_is_refused()
    {
        await using var app = await TestApp.StartAsync();
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(app.County);
        await d.Post($"/api/appeals/{id}/escalate", new { reason = "重大事项", version = 1 }).Expect(HttpStatusCode.OK);
        var problem = await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id, version = 1 }).Expect<ProblemAnswer>(HttpStatusCode.Conflict);
        problem.Title.ShouldBe("诉求已被他人修改");
    }

    [Fact]
    public async Task An_action_posted_without_a_body_is_the_empty_request_not_a_500()
    {
        await using var app = await TestApp.StartAsync();
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(app.County);
        // 派单 needs a unit: the empty request is refused naming it.
        var problem = await d.PostAsync($"/api/appeals/{id}/dispatch", null).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        problem.Fields.ShouldContain("leadUnitId");
        await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK);
        // 签收 needs nothing: the empty request claims.
        var handler = await app.ClientFor("housing-handler");
        var claimed = await handler.PostAsync($"/api/appeals/{id}/claim", new StringContent("null", Encoding.UTF8, "application/json"))
            .Expect<AppealAnswer>(HttpStatusCode.OK);
        claimed.Status.ShouldBe(AppealStatus.Claimed);
    }

    [Fact]
    public async Task Malformed_appeal_gets_400_with_every_field_named()
    {
        await using var app = await TestApp.StartAsync();
        var op = await app.ClientFor("operator");
        var problem = await op.Post("/api/appeals", new
        {
            channel = "Hotline12345", type = "Complaint", title = "", content = new string('长', 5001), citizenPhone = "12345",
            latitude = 95.0, longitude = 117.0, categoryId = 99999,
        }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        problem.Fields.ShouldBe(["title", "content", "citizenPhone", "latitude"], ignoreOrder: true);
        problem.ErrorsOf("citizenPhone").ShouldHaveSingleItem().ShouldContain("电话号码格式不正确");
    }

    [Theory]
    [InlineData("{\"channel\":\"Fax\",\"type\":\"Complaint\",\"title\":\"t\",\"content\":\"c\"}", "channel")]
    [InlineData("{\"channel\":\"Hotline12345\",\"type\":3,\"title\":\"t\",\"content\":\"c\"}", "type")]
    [InlineData("{\"channel\":\"Hotline12345\",\"type\":\"Complaint\",\"title\":\"t\",\"content\":\"c\",\"categoryId\":\"abc\"}", "categoryId")]
    [InlineData("{\"channel\":\"Hotline12345\",\"type\":\"Complaint\",\"title\":\"t\",\"content\":\"c\",\"categoryId\":424242}", "categoryId")]
    [InlineData("{\"channel\":\"Hotline12345\",\"type\":\"Complaint\",\"title\":\"t\",\"content\":\"c\",\"regionUnitId\":424242}", "regionUnitId")]
    [InlineData("{\"type\":\"Complaint\",\"title\":\"t\",\"content\":\"c\"}", "channel")]
    [InlineData("{not json", "body")]
    [InlineData("", "body")]
    public async Task Bad_bodies_get_400_naming_the_field(string json, string field)
    {
        await using var app = await TestApp.StartAsync();
        var op = await app.ClientFor("operator");
        var response = await op.PostAsync("/api/appeals", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await Task.FromResult(response).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        problem.ErrorsOf(field).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Workflow_bodies_are_validated()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var d = await app.ClientFor("dispatcher");
        var id = await d.NewAppeal(c);
        (await d.Post($"/api/appeals/{id}/dispatch", new { }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).ErrorsOf("leadUnitId").ShouldNotBeEmpty();
        (await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = 987654 }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).ErrorsOf("leadUnitId").ShouldNotBeEmpty();
        (await d.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id, coUnitIds = new[] { c.Housing.Id } }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).ErrorsOf("coUnitIds").ShouldNotBeEmpty();
        (await d.Post($"/api/appeals/{id}/invalidate", new { reason = "" }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).ErrorsOf("reason").ShouldNotBeEmpty();
        (await d.Post($"/api/appeals/{id}/merge", new { targetId = 987654 }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).ErrorsOf("targetId").ShouldNotBeEmpty();
        (await d.Post($"/api/appeals/{id}/callback", new { outcome = "Happy" }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).ErrorsOf("outcome").ShouldNotBeEmpty();
        await d.Expect("/api/appeals/987654", HttpStatusCode.NotFound);
        await d.Post("/api/appeals/987654/claim").Expect(HttpStatusCode.NotFound);
        (await d.Expect<ProblemAnswer>("/api/appeals?status=Lost", HttpStatusCode.BadRequest)).ErrorsOf("status").ShouldNotBeEmpty();
        (await d.Expect<ProblemAnswer>("/api/appeals?pageSize=1000", HttpStatusCode.BadRequest)).ErrorsOf("pageSize").ShouldNotBeEmpty();
        (await d.Expect<ProblemAnswer>("/api/appeals?page=2147483647", HttpStatusCode.BadRequest)).ErrorsOf("page").ShouldNotBeEmpty();
        (await d.Expect<ProblemAnswer>("/api/appeals?from=yesterday", HttpStatusCode.BadRequest)).ErrorsOf("from").ShouldNotBeEmpty();
        (await d.Expect<ProblemAnswer>("/api/appeals?page=x", HttpStatusCode.BadRequest)).ErrorsOf("page").ShouldNotBeEmpty();
        (await (await app.ClientFor("supervisor")).Expect<ProblemAnswer>("/api/audit?page=99999999", HttpStatusCode.BadRequest)).ErrorsOf("page").ShouldNotBeEmpty();
    }
}
