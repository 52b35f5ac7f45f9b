using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Portal;

/// <summary>/api/publicity (publish, unpublish, candidates, preview) and the anonymous /api/public/cases.</summary>
public sealed class PublicityTests(PortalApp shared) : IClassFixture<PortalApp>
{
    private TestApp App => shared.App;

    private const string Content = "我叫王小明，电话13812345678，身份证34112219800101123X，家住城关镇王庄村12号。村口路灯坏了两周，王小明多次反映无果。";

    private async Task<(long Id, string Number)> ClosedAppealAsync(string reply = "已联系王小明（13812345678）并更换路灯。")
    {
        var (number, _) = await App.Anonymous().SubmitAsync(new { content = Content, name = "王小明", phone = "13812345678" });
        var id = await PortalKit.IdOf(App, number);
        await PortalKit.CloseAsync(App, id, reply);
        return (id, number);
    }

    public static TheoryData<string, string> Endpoints() => new()
    {
        { "GET", "/api/publicity/candidates" }, { "GET", "/api/publicity/appeals/1/preview" }, { "GET", "/api/publicity/cases" },
        { "POST", "/api/publicity/cases" }, { "DELETE", "/api/publicity/cases/1" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Publicity_endpoints_need_a_login_and_the_publicity_role(string method, string path)
    {
        HttpRequestMessage Request() => new(new HttpMethod(method), path) { Content = method is "POST" ? JsonContent.Create(new { appealId = 1 }) : null };
        (await App.Anonymous().SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var user in new[] { "dispatcher", "supervisor", "admin", "housing-head" })
            (await (await App.ClientFor(user)).SendAsync(Request())).StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
    }

    [Fact]
    public async Task A_published_case_shows_no_phone_id_or_name_but_keeps_the_address()
    {
        var (id, number) = await ClosedAppealAsync();
        var publicity = await App.ClientFor("publicity");
        var candidates = await publicity.Expect<PageAnswer<PublicationCandidateAnswer>>($"/api/publicity/candidates?q={number}");
        candidates.Items.ShouldHaveSingleItem().AppealId.ShouldBe(id);

        var preview = await publicity.Expect<CasePreviewAnswer>($"/api/publicity/appeals/{id}/preview");
        preview.Content.ShouldBe("我叫某某，电话【已隐去】，身份证【已隐去】，家住城关镇王庄村12号。村口路灯坏了两周，某某多次反映无果。");

        var created = await publicity.Post("/api/publicity/cases", new { appealId = id }).Expect<PublicCaseAnswer>(HttpStatusCode.Created);
        var caseId = created.Id;
        // The whole answer, not only the fields a record reads, must be free of the personal data (the app writes Chinese unescaped).
        var text = await App.Anonymous().GetAsync($"/api/public/cases/{caseId}").ExpectText(HttpStatusCode.OK);
        var shown = await App.Anonymous().Expect<PublicCaseAnswer>($"/api/public/cases/{caseId}");
        text.ShouldNotContain("13812345678");
        text.ShouldNotContain("34112219800101123X");
        text.ShouldNotContain("王小明");
        shown.Content.ShouldContain("王庄村12号");
        shown.Reply.ShouldBe("已联系某某（【已隐去】）并更换路灯。");
        shown.Unit.ShouldBe("县住房和城乡建设局");

        var list = await App.Anonymous().Expect<PageAnswer<PublicCaseSummaryAnswer>>("/api/public/cases?q=路灯&size=50");
        list.Items.Select(i => i.Id).ShouldContain(caseId);
        (await publicity.Expect<PageAnswer<PublicationCandidateAnswer>>($"/api/publicity/candidates?q={number}")).Total.ShouldBe(0);
        (await publicity.Expect<PageAnswer<PublishedCaseRowAnswer>>($"/api/publicity/cases?q={number}")).Items.ShouldHaveSingleItem().Number.ShouldBe(number);

        var twice = await publicity.Post("/api/publicity/cases", new { appealId = id }).Expect<ProblemAnswer>(HttpStatusCode.Conflict);
        twice.Title.ShouldBe("已经公开");

        (await publicity.DeleteAsync($"/api/publicity/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await App.Anonymous().Expect($"/api/public/cases/{caseId}", HttpStatusCode.NotFound);
        (await publicity.DeleteAsync($"/api/publicity/cases/{caseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var scope = App.App.Services.CreateScope();
        var actions = await scope.ServiceProvider.GetRequiredService<MinshengDb>().AuditLog.Where(a => a.EntityId == number)
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        actions.ShouldContain("case.publish");
        actions.Last().ShouldBe("case.unpublish");
    }

    [Fact]
    public async Task The_officers_edits_are_published_and_redacted_again()
    {
        var (id, _) = await ClosedAppealAsync();
        var publicity = await App.ClientFor("publicity");
        var created = await publicity.Post("/api/publicity/cases", new
        {
            appealId = id, title = "王庄村路灯修复", content = "群众反映村口路灯损坏。王小明的电话是 138 1234 5678。", reply = "已更换路灯。",
        }).Expect<PublicCaseAnswer>(HttpStatusCode.Created);
        created.Title.ShouldBe("王庄村路灯修复");
        created.Content.ShouldBe("群众反映村口路灯损坏。某某的电话是 【已隐去】。");
        created.Reply.ShouldBe("已更换路灯。");
    }

    [Fact]
    public async Task Publishing_validates_its_input_and_the_appeal()
    {
        var publicity = await App.ClientFor("publicity");
        (await publicity.Post("/api/publicity/cases", new { }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).ErrorsOf("appealId").ShouldBe(["请选择要公开的诉求。"]);
        var (id, _) = await ClosedAppealAsync();
        var blank = await publicity.Post("/api/publicity/cases", new { appealId = id, title = " ", reply = new string('答', 5001) }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        blank.ErrorsOf("title").ShouldBe(["标题不能为空。"]);
        blank.ErrorsOf("reply").ShouldBe(["答复内容不能超过 5000 个字。"]);

        // An open appeal cannot be published; one that does not exist is a 404.
        var (open, _) = await App.Anonymous().SubmitAsync();
        var openId = await PortalKit.IdOf(App, open);
        (await publicity.Post("/api/publicity/cases", new { appealId = openId }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).ErrorsOf("appealId")
            .ShouldBe(["只有已办结并有答复的诉求可以公开。"]);
        await publicity.Expect($"/api/publicity/appeals/{openId}/preview", HttpStatusCode.NotFound);
        await publicity.Post("/api/publicity/cases", new { appealId = 999999 }).Expect(HttpStatusCode.NotFound);
        (await publicity.Expect<ProblemAnswer>("/api/publicity/candidates?size=0", HttpStatusCode.BadRequest)).ErrorsOf("size").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Public_case_listing_validates_paging()
    {
        (await App.Anonymous().Expect<ProblemAnswer>("/api/public/cases?size=500", HttpStatusCode.BadRequest)).ErrorsOf("size").ShouldHaveSingleItem();
        (await App.Anonymous().Expect<ProblemAnswer>("/api/public/cases?page=0", HttpStatusCode.BadRequest)).ErrorsOf("page").ShouldHaveSingleItem();
        (await App.Anonymous().Expect<ProblemAnswer>("/api/public/cases?page=x", HttpStatusCode.BadRequest)).ErrorsOf("page").ShouldHaveSingleItem();
        await App.Anonymous().Expect("/api/public/cases/999999", HttpStatusCode.NotFound);
    }
}
