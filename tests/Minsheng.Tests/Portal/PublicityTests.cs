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
        var candidates = await publicity.Expect($"/api/publicity/candidates?q={number}");
        candidates["items"]!.AsArray().ShouldHaveSingleItem()!["appealId"]!.GetValue<long>().ShouldBe(id);

        var preview = await publicity.Expect($"/api/publicity/appeals/{id}/preview");
        preview["content"]!.GetValue<string>().ShouldBe("我叫某某，电话【已隐去】，身份证【已隐去】，家住城关镇王庄村12号。村口路灯坏了两周，某某多次反映无果。");

        var created = await publicity.Post("/api/publicity/cases", new { appealId = id }).Expect(HttpStatusCode.Created);
        var caseId = created["id"]!.GetValue<long>();
        var shown = await App.Anonymous().Expect($"/api/public/cases/{caseId}");
        var text = shown.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        text.ShouldNotContain("13812345678");
        text.ShouldNotContain("34112219800101123X");
        text.ShouldNotContain("王小明");
        shown["content"]!.GetValue<string>().ShouldContain("王庄村12号");
        shown["reply"]!.GetValue<string>().ShouldBe("已联系某某（【已隐去】）并更换路灯。");
        shown["unit"]!.GetValue<string>().ShouldBe("县住房和城乡建设局");

        var list = await App.Anonymous().Expect("/api/public/cases?q=路灯&size=50");
        list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<long>()).ShouldContain(caseId);
        (await publicity.Expect($"/api/publicity/candidates?q={number}"))["total"]!.GetValue<int>().ShouldBe(0);
        (await publicity.Expect($"/api/publicity/cases?q={number}"))["items"]!.AsArray().ShouldHaveSingleItem();

        var twice = await publicity.Post("/api/publicity/cases", new { appealId = id }).Expect(HttpStatusCode.Conflict);
        twice["title"]!.GetValue<string>().ShouldBe("已经公开");

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
        }).Expect(HttpStatusCode.Created);
        created["title"]!.GetValue<string>().ShouldBe("王庄村路灯修复");
        created["content"]!.GetValue<string>().ShouldBe("群众反映村口路灯损坏。某某的电话是 【已隐去】。");
        created["reply"]!.GetValue<string>().ShouldBe("已更换路灯。");
    }

    [Fact]
    public async Task Publishing_validates_its_input_and_the_appeal()
    {
        var publicity = await App.ClientFor("publicity");
        (await publicity.Post("/api/publicity/cases", new { }).Expect(HttpStatusCode.BadRequest)).Errors("appealId").ShouldBe(["请选择要公开的诉求。"]);
        var (id, _) = await ClosedAppealAsync();
        var blank = await publicity.Post("/api/publicity/cases", new { appealId = id, title = " ", reply = new string('答', 5001) }).Expect(HttpStatusCode.BadRequest);
        blank.Errors("title").ShouldBe(["标题不能为空。"]);
        blank.Errors("reply").ShouldBe(["答复内容不能超过 5000 个字。"]);

        // An open appeal cannot be published; one that does not exist is a 404.
        var (open, _) = await App.Anonymous().SubmitAsync();
        var openId = await PortalKit.IdOf(App, open);
        (await publicity.Post("/api/publicity/cases", new { appealId = openId }).Expect(HttpStatusCode.BadRequest)).Errors("appealId")
            .ShouldBe(["只有已办结并有答复的诉求可以公开。"]);
        await publicity.Expect($"/api/publicity/appeals/{openId}/preview", HttpStatusCode.NotFound);
        await publicity.Post("/api/publicity/cases", new { appealId = 999999 }).Expect(HttpStatusCode.NotFound);
        (await publicity.Expect("/api/publicity/candidates?size=0", HttpStatusCode.BadRequest)).Errors("size").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Public_case_listing_validates_paging()
    {
        (await App.Anonymous().Expect("/api/public/cases?size=500", HttpStatusCode.BadRequest)).Errors("size").ShouldHaveSingleItem();
        (await App.Anonymous().Expect("/api/public/cases?page=0", HttpStatusCode.BadRequest)).Errors("page").ShouldHaveSingleItem();
        (await App.Anonymous().Expect("/api/public/cases?page=x", HttpStatusCode.BadRequest)).Errors("page").ShouldHaveSingleItem();
        await App.Anonymous().Expect("/api/public/cases/999999", HttpStatusCode.NotFound);
    }
}
