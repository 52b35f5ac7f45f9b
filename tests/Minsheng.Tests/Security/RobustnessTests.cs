using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Infrastructure;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Security;

/// <summary>Each finding of the attack review, as the attacker sent it: a problem answer instead of a 500 or wrong data.</summary>
public sealed class RobustnessTests
{
    private static HttpRequestMessage Raw(HttpMethod method, string url, string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(method, url) { Content = content };
    }

    [Fact]
    public async Task An_unknown_charset_is_refused_with_415_not_a_500()
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.Anonymous().SendAsync(Raw(HttpMethod.Post, "/api/public/appeals", "{\"title\":\"路灯\"}", "application/json; charset=foo"));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        JsonNode.Parse(text)!["detail"]!.GetValue<string>().ShouldContain("foo");
        // The same on a page's form post: the error page, not a crash.
        var page = await app.Anonymous().SendAsync(Raw(HttpMethod.Post, "/submit", "title=x", "application/x-www-form-urlencoded; charset=foo"));
        page.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        // A known charset still goes through to validation.
        var utf8 = await app.Anonymous().SendAsync(Raw(HttpMethod.Post, "/api/public/appeals", "{}", "application/json; charset=utf-8"));
        ((int)utf8.StatusCode).ShouldBe(400);
    }

    [Fact]
    public async Task A_truncated_multipart_submission_is_a_400_not_a_500()
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.Anonymous().SendAsync(Raw(HttpMethod.Post, "/api/public/appeals/form", "[[[[[", "multipart/form-data; boundary=xyz"));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        JsonNode.Parse(text)!["errors"]!["body"].ShouldNotBeNull();
    }

    [Theory]
    [InlineData("TRACE", "/stats")]
    [InlineData("POST", "/directory")]
    [InlineData("PROPFIND", "/cases/1")]
    public async Task A_method_no_page_handler_takes_is_a_405(string method, string url)
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.Anonymous().SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        // POST without an antiforgery token stops at 400 before the page; the others reach the page and get 405.
        ((int)response.StatusCode).ShouldBeOneOf(400, 405);
        var admin = await app.ClientFor("admin");
        var signedIn = await admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        ((int)signedIn.StatusCode).ShouldBeLessThan(500);
    }

    [Fact]
    public async Task The_same_unit_user_or_category_created_at_once_answers_409_naming_the_field()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.ClientFor("admin");
        var cases = new (string Url, Func<int, object> Body, string Field)[]
        {
            ("/api/units", _ => new { code = "TC-RACE", name = "竞态村", kind = "Village", parentId = app.County.Town1.Id }, "code"),
            ("/api/categories", _ => new { code = "C-RACE", name = "竞态分类" }, "code"),
            ("/api/users", _ => new { username = "race", role = "Operator", unitId = app.County.County.Id, password = TestApp.Password }, "username"),
        };
        foreach (var (url, body, field) in cases)
        {
            var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => admin.Post(url, body(i))));
            var codes = responses.Select(r => (int)r.StatusCode).ToList();
            codes.Count(c => c == 201).ShouldBe(1, $"{url}: {string.Join(",", codes)}");
            foreach (var r in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            {
                var problem = JsonNode.Parse(await r.Content.ReadAsStringAsync())!;
                ((int)r.StatusCode).ShouldBeOneOf(400, 409);
                problem["errors"]![field].ShouldNotBeNull();
            }
        }
    }

    [Fact]
    public async Task A_unique_violation_of_the_engine_maps_to_409_with_the_field()
    {
        await using var app = await TestApp.StartAsync();
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        // Straight to the database, past the features' own duplicate checks, as the losing request of a race arrives.
        var county = await db.Units.FirstAsync(u => u.Id == app.County.County.Id);
        db.Units.Add(new Unit(app.County.Town1.Code, "重复", UnitKind.Township, county, null));
        var e = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        var problem = ProblemExceptionHandler.ToProblem(e).ShouldBeOfType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        problem.Status.ShouldBe(409);
        problem.Errors.Keys.ShouldBe(["code"]);
        problem.Errors["code"][0].ShouldContain("单位编码已存在");
    }

    [Theory]
    [InlineData("/error/100001", 404)]
    [InlineData("/error/500", 404)]
    [InlineData("/error/99", 404)]
    [InlineData("/error/403", 403)]
    [InlineData("/error/429", 429)]
    public async Task The_error_page_only_answers_real_status_codes(string url, int expected)
    {
        await using var app = await TestApp.StartAsync();
        var response = await app.Anonymous().GetAsync(url);
        ((int)response.StatusCode).ShouldBe(expected);
        (await response.Content.ReadAsStringAsync()).ShouldContain("返回首页");
    }

    [Fact]
    public async Task A_partial_put_of_the_rules_changes_only_what_it_names()
    {
        await using var app = await TestApp.StartAsync();
        var admin = await app.ClientFor("admin");
        await admin.Put("/api/time-limit-rules", new { maxExtensionDays = 15, bounceThreshold = 4 }).Expect(HttpStatusCode.OK);
        var empty = await admin.Put("/api/time-limit-rules", new { }).Expect(HttpStatusCode.BadRequest);
        empty["errors"]!["body"].ShouldNotBeNull();
        var changed = await admin.Put("/api/time-limit-rules", new { repeatWindowDays = 60 }).Expect(HttpStatusCode.OK);
        changed["repeatWindowDays"]!.GetValue<int>().ShouldBe(60);
        var rules = await admin.Expect("/api/time-limit-rules");
        rules["maxExtensionDays"]!.GetValue<int>().ShouldBe(15);
        rules["bounceThreshold"]!.GetValue<int>().ShouldBe(4);
        rules["repeatWindowDays"]!.GetValue<int>().ShouldBe(60);
        rules["returnWithinWorkingDays"]!.GetValue<int>().ShouldBe(2); // the default, never sent
        var bad = await admin.Put("/api/time-limit-rules", new { maxExtensionDays = 0 }).Expect(HttpStatusCode.BadRequest);
        bad["errors"]!["maxExtensionDays"].ShouldNotBeNull();
        (await admin.Expect("/api/time-limit-rules"))["maxExtensionDays"]!.GetValue<int>().ShouldBe(15);
    }

    [Fact]
    public async Task Appeal_numbers_are_fourteen_digits_and_old_twelve_digit_numbers_still_work()
    {
        await using var app = await TestApp.StartAsync();
        var op = await app.ClientFor("operator");
        var id = await op.NewAppeal(app.County);
        var number = (await op.Expect($"/api/appeals/{id}"))["summary"]!["number"]!.GetValue<string>();
        number.ShouldBe("20261116000001");
        // The 10,000th appeal of a day keeps the width: the counter is at 9,999.
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            await db.Database.ExecuteSqlRawAsync("update number_sequences set last_value = 9999 where day = '20261116'");
        }
        var later = await op.NewAppeal(app.County);
        (await op.Expect($"/api/appeals/{later}"))["summary"]!["number"]!.GetValue<string>().ShouldBe("20261116010000");

        // An appeal registered before the change keeps its 12-digit number for tracking and search.
        var submitted = await app.Anonymous().Post("/api/public/appeals", new
        {
            type = "Complaint", title = "旧编号查询", content = "旧编号的诉求仍然可以查询进度。", regionUnitId = app.County.Village1.Id,
        }).Expect(HttpStatusCode.Created);
        string code = submitted["queryCode"]!.GetValue<string>(), fresh = submitted["number"]!.GetValue<string>();
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            (await db.Database.ExecuteSqlInterpolatedAsync($"update appeals set number = {"202611150007"} where number = {fresh}")).ShouldBe(1);
        }
        (await app.Anonymous().Expect($"/api/public/appeals/202611150007?code={code}"))["title"]!.GetValue<string>().ShouldBe("旧编号查询");
        var found = await (await app.ClientFor("dispatcher")).Expect("/api/appeals?q=202611150007");
        found["items"]!.AsArray().Select(a => a!["number"]!.GetValue<string>()).ShouldBe(["202611150007"]);
    }

    [Fact]
    public async Task Read_state_is_per_person_and_only_addressees_may_mark_it()
    {
        await using var app = await TestApp.StartAsync();
        var id = await (await app.ClientFor("dispatcher")).NewAppeal(app.County);
        await (await app.ClientFor("dispatcher")).Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect(HttpStatusCode.OK);
        await (await app.ClientFor("leader")).Post($"/api/appeals/{id}/supervision-orders", new { instruction = "请三日内办结", dueAt = TestApp.Start.AddDays(3) })
            .Expect(HttpStatusCode.Created);
        var handler = await app.ClientFor("housing-handler");
        var head = await app.ClientFor("housing-head");
        var notice = (await handler.Expect("/api/notifications?unread=true")).AsArray().Single()!;
        var noticeId = notice["id"]!.GetValue<long>();
        notice["addressedToMe"]!.GetValue<bool>().ShouldBeTrue();

        // A dispatcher sees the unit's notice for information but may not mark it; another unit does not find it.
        var dispatcher = await app.ClientFor("dispatcher");
        var seen = (await dispatcher.Expect("/api/notifications")).AsArray().Single(n => n!["id"]!.GetValue<long>() == noticeId)!;
        seen["addressedToMe"]!.GetValue<bool>().ShouldBeFalse();
        (await dispatcher.Expect("/api/notifications?unread=true")).AsArray().ShouldBeEmpty();
        await dispatcher.Post($"/api/notifications/{noticeId}/read").Expect(HttpStatusCode.NotFound);
        await (await app.ClientFor("city-handler")).Post($"/api/notifications/{noticeId}/read").Expect(HttpStatusCode.NotFound);

        await handler.Post($"/api/notifications/{noticeId}/read").Expect(HttpStatusCode.NoContent);
        await handler.Post($"/api/notifications/{noticeId}/read").Expect(HttpStatusCode.NoContent); // twice is harmless
        (await handler.Expect("/api/notifications?unread=true")).AsArray().ShouldBeEmpty();
        // The head of the same unit has not read it yet.
        (await head.Expect("/api/notifications?unread=true")).AsArray().Select(n => n!["id"]!.GetValue<long>()).ShouldBe([noticeId]);
        // The inbox page counts it unread for the head only.
        (await (await head.GetAsync("/inbox?unread=true")).Content.ReadAsStringAsync()).ShouldContain($"notice-{noticeId}");
        (await (await handler.GetAsync("/inbox?unread=true")).Content.ReadAsStringAsync()).ShouldNotContain($"notice-{noticeId}");
    }

    [Fact]
    public async Task Only_a_consultation_can_be_answered_directly_through_the_api()
    {
        await using var app = await TestApp.StartAsync();
        var op = await app.ClientFor("operator");
        var complaint = await op.NewAppeal(app.County);
        var refused = await op.Post($"/api/appeals/{complaint}/direct-answer", new { content = "医保报销请带身份证到医保局办理。" }).Expect(HttpStatusCode.Conflict);
        refused["detail"]!.GetValue<string>().ShouldContain("只有咨询类诉求可以直接办结");
        (await op.Expect($"/api/appeals/{complaint}"))["summary"]!["status"]!.GetValue<string>().ShouldBe("Registered");
        var help = await op.NewAppeal(app.County, new { type = "Help" });
        await op.Post($"/api/appeals/{help}/direct-answer", new { content = "已告知办理渠道。" }).Expect(HttpStatusCode.Conflict);
        var consultation = await op.NewAppeal(app.County, new { type = "Consultation" });
        (await op.Post($"/api/appeals/{consultation}/direct-answer", new { content = "已按政策解答。" }).Expect(HttpStatusCode.OK))["summary"]!["status"]!
            .GetValue<string>().ShouldBe("Closed");
    }

    [Fact]
    public async Task Help_requests_are_answered_directly_only_where_configured()
    {
        await using var app = await TestApp.StartAsync(new() { ["DirectAnswer:AllowHelp"] = "true" });
        var op = await app.ClientFor("operator");
        var help = await op.NewAppeal(app.County, new { type = "Help" });
        await op.Post($"/api/appeals/{help}/direct-answer", new { content = "已告知办理渠道。" }).Expect(HttpStatusCode.OK);
        var complaint = await op.NewAppeal(app.County);
        await op.Post($"/api/appeals/{complaint}/direct-answer", new { content = "已答复。" }).Expect(HttpStatusCode.Conflict);
    }
}
