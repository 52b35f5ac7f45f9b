using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Analysis.Bulletins;

/// <summary>《民意参考》 through the API: figures from the source appeals, the draft → reviewed → issued workflow with its refusals, numbering per year.</summary>
public sealed class BulletinWorkflowTests
{
    private static async Task<long[]> ThreeAppealsByTwoPeople(TestApp app)
    {
        using var desk = await app.ClientFor("operator");
        return
        [
            await desk.NewAppeal(app.County, new { content = "我是张三丰，电话13812345678，王庄村村口路灯坏了两个星期，晚上出行很不方便。" }),
            await desk.NewAppeal(app.County, new { content = "王庄村路灯还是不亮，上次反映后没人来修。" }),
            await desk.NewAppeal(app.County, new { type = "Suggestion", citizenName = "李四", citizenPhone = "13900001111", content = "建议给王庄村主路加装太阳能路灯。" }),
        ];
    }

    [Fact]
    public async Task An_item_counts_appeals_and_distinct_people_and_quotes_them_without_personal_data()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await ThreeAppealsByTwoPeople(app);
        using var analyst = await app.ClientFor("analyst");
        var (id, _) = await BulletinKit.DraftAsync(analyst, ids);

        var item = (await analyst.Expect($"/api/bulletins/{id}"))["items"]![0]!;
        item["appealCount"]!.GetValue<int>().ShouldBe(3);
        item["peopleCount"]!.GetValue<int>().ShouldBe(2, "two appeals share 张三丰's phone");
        item["ordinal"]!.GetValue<string>().ShouldBe("一");
        var voices = item["voices"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        voices.Count.ShouldBe(3);
        voices.ShouldContain(v => v.Contains("路灯"));
        string.Join("", voices).ShouldNotContain("13812345678");
        string.Join("", voices).ShouldNotContain("张三丰");
        item["handling"]!.GetValue<string>().ShouldContain("共 3 件");
        item["problem"]!.GetValue<string>().ShouldContain("2 位群众");
    }

    [Fact]
    public async Task Review_needs_a_second_person_an_edit_voids_it_and_an_issued_bulletin_is_final()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await ThreeAppealsByTwoPeople(app);
        using var analyst = await app.ClientFor("analyst");
        using var supervisor = await app.ClientFor("supervisor");
        var (id, itemId) = await BulletinKit.DraftAsync(analyst, ids);

        var own = await analyst.Post($"/api/bulletins/{id}/review").Expect<ProblemAnswer>(HttpStatusCode.Conflict);
        own.Detail.ShouldBe("审核须由另一位分析员或督查员完成。");
        (await analyst.Post($"/api/bulletins/{id}/issue").Expect<ProblemAnswer>(HttpStatusCode.Conflict)).Detail!.ShouldContain("须经审核后才能签发");

        (await supervisor.Post($"/api/bulletins/{id}/review").Expect(HttpStatusCode.OK))["status"]!.GetValue<string>().ShouldBe("Reviewed");
        await analyst.Put($"/api/bulletins/{id}/items/{itemId}", new { title = "王庄村路灯长期不亮（修订）", problem = "路灯坏了。", handling = "正在维修。" })
            .Expect(HttpStatusCode.OK);
        (await analyst.Expect($"/api/bulletins/{id}"))["summary"]!["status"]!.GetValue<string>().ShouldBe("Draft", "an edit voids the review");
        (await analyst.Post($"/api/bulletins/{id}/issue").Expect<ProblemAnswer>(HttpStatusCode.Conflict)).Title.ShouldBe("《民意参考》尚未审核");

        await supervisor.Post($"/api/bulletins/{id}/review").Expect(HttpStatusCode.OK);
        var issued = await supervisor.Post($"/api/bulletins/{id}/issue").Expect(HttpStatusCode.OK);
        issued["numberLabel"]!.GetValue<string>().ShouldBe("2026年第1期");
        (await analyst.Post($"/api/bulletins/{id}/issue").Expect<ProblemAnswer>(HttpStatusCode.Conflict)).Detail.ShouldBe("本期已经签发，不能重复签发。");
        (await analyst.Put($"/api/bulletins/{id}/items/{itemId}", new { title = "改", problem = "改", handling = "改" }).Expect<ProblemAnswer>(HttpStatusCode.Conflict))
            .Detail!.ShouldContain("不能再修改");
        (await analyst.Post($"/api/bulletins/{id}/items", new { title = "再加一条", appealIds = ids }).Expect<ProblemAnswer>(HttpStatusCode.Conflict))
            .Title.ShouldBe("《民意参考》已签发");

        (await BulletinKit.AuditActions(app, "bulletin.")).ShouldBe(
            ["bulletin.create", "bulletin.item-add", "bulletin.review", "bulletin.item-edit", "bulletin.review", "bulletin.issue"]);
    }

    [Fact]
    public async Task Numbers_count_up_within_a_year_and_restart_in_the_next()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await ThreeAppealsByTwoPeople(app);
        using var analyst = await app.ClientFor("analyst");
        using var supervisor = await app.ClientFor("supervisor");
        var (draftOnly, _) = await BulletinKit.DraftAsync(analyst, ids); // never issued: takes no number
        var first = (await BulletinKit.IssuedAsync(analyst, supervisor, ids)).Issued;
        var second = (await BulletinKit.IssuedAsync(analyst, supervisor, ids)).Issued;
        first["number"]!.GetValue<int>().ShouldBe(1);
        second["number"]!.GetValue<int>().ShouldBe(2);
        (await analyst.Expect($"/api/bulletins/{draftOnly}"))["summary"]!["number"].ShouldBeNull();

        app.Clock.Advance(TimeSpan.FromDays(50)); // 2027-01-05
        using var analyst2 = await app.ClientFor("analyst");
        using var supervisor2 = await app.ClientFor("supervisor");
        var next = (await BulletinKit.IssuedAsync(analyst2, supervisor2, ids)).Issued;
        next["numberLabel"]!.GetValue<string>().ShouldBe("2027年第1期");
    }

    [Fact]
    public async Task Leaders_read_issued_bulletins_only_and_are_told_when_one_is_issued()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await ThreeAppealsByTwoPeople(app);
        using var analyst = await app.ClientFor("analyst");
        using var supervisor = await app.ClientFor("supervisor");
        using var leader = await app.ClientFor("leader");
        var (draft, _) = await BulletinKit.DraftAsync(analyst, ids);
        var (issued, _, _) = await BulletinKit.IssuedAsync(analyst, supervisor, ids);

        var list = (await leader.Expect("/api/bulletins")).AsArray().Select(b => b!["id"]!.GetValue<long>()).ToList();
        list.ShouldBe([issued]);
        await leader.Expect($"/api/bulletins/{draft}", HttpStatusCode.NotFound);
        var inbox = (await leader.Expect("/api/notifications")).AsArray();
        inbox.ShouldContain(n => n!["kind"]!.GetValue<string>() == "BulletinIssued" && n["title"]!.GetValue<string>().Contains("2026年第1期"));
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_roles_outside_the_workflow_are_refused()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await ThreeAppealsByTwoPeople(app);
        using var analyst = await app.ClientFor("analyst");
        using var leader = await app.ClientFor("leader");
        using var handler = await app.ClientFor("housing-handler");
        var id = (await analyst.Post("/api/bulletins", new { }).Expect(HttpStatusCode.Created))["id"]!.GetValue<long>();

        var empty = await analyst.Post($"/api/bulletins/{id}/items", new { title = "", appealIds = Array.Empty<long>() }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        empty.Errors!.Keys.ShouldBe(["title", "appealIds"], ignoreOrder: true);
        var unknown = await analyst.Post($"/api/bulletins/{id}/items", new { title = "x", appealIds = new[] { ids[0], 987654 } }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        unknown.Errors!["appealIds"][0].ShouldContain("987654");
        await analyst.Post($"/api/bulletins/{id}/items", new { title = "x", appealIds = "abc" }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);

        await leader.Post("/api/bulletins", new { }).Expect(HttpStatusCode.Forbidden);
        await leader.Post($"/api/bulletins/{id}/review").Expect(HttpStatusCode.Forbidden);
        await handler.Expect("/api/bulletins", HttpStatusCode.Forbidden);
        await analyst.Expect($"/api/bulletins/{id + 1000}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_print_page_is_an_official_bulletin_and_the_editor_offers_suggestions()
    {
        await using var app = await TestApp.StartAsync();
        var ids = await ThreeAppealsByTwoPeople(app);
        using var analyst = await app.ClientFor("analyst");
        using var supervisor = await app.ClientFor("supervisor");
        var (id, _, _) = await BulletinKit.IssuedAsync(analyst, supervisor, ids);

        var (draft, _) = await BulletinKit.DraftAsync(analyst, ids);
        var editor = await PageText(app, "analyst", $"/bulletins/{draft}");
        editor.ShouldContain("添加条目");
        editor.ShouldContain("建议给王庄村主路加装太阳能路灯", Case.Sensitive, "suggestion-type appeals are offered by default");

        var print = await PageText(app, "leader", $"/bulletins/{id}/print");
        print.ShouldContain("<h1>民意参考</h1>");
        print.ShouldContain("2026年第1期");
        print.ShouldContain("一、王庄村路灯长期不亮");
        print.ShouldContain("测试县人民政府办公室");
        print.ShouldNotContain("13812345678");
        var read = await PageText(app, "leader", $"/bulletins/{id}");
        read.ShouldContain("/instructions/new?kind=BulletinItem");
    }

    /// <summary>A page as the signed-in browser gets it (the login cookie).</summary>
    internal static async Task<string> PageText(TestApp app, string user, string path)
    {
        var client = app.Anonymous();
        var login = await client.Post("/api/auth/login", new { username = user, password = TestApp.Password });
        login.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Add("Cookie", login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("minsheng=")));
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        return await response.Content.ReadAsStringAsync();
    }
}
