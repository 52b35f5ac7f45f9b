using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Features.Public;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Portal;

/// <summary>POST /api/public/appeals/form and the photos behind GET /api/appeals/{id}/attachments/{attachmentId}.</summary>
public sealed class SubmissionTests(PortalApp shared) : IClassFixture<PortalApp>
{
    private TestApp App => shared.App;

    [Fact]
    public async Task A_submission_with_photos_stores_them_and_staff_in_scope_can_view_them()
    {
        var (number, code) = await App.Anonymous().SubmitAsync(new { regionUnitId = App.County.Village1.Id, name = "李四", phone = "13900001111" },
            ("路灯.png", PortalKit.Png), ("现场.jpg", PortalKit.Jpeg));
        code.Length.ShouldBeGreaterThan(0);
        var id = await PortalKit.IdOf(App, number);

        var dispatcher = await App.ClientFor("dispatcher");
        var detail = await dispatcher.Expect<AppealAnswer>($"/api/appeals/{id}");
        detail.Summary.Channel.ShouldBe(Channel.PublicPortal);
        var attachments = detail.Attachments;
        attachments.Select(a => a.FileName).ShouldBe(["路灯.png", "现场.jpg"]);
        attachments.Select(a => a.ContentType).ShouldBe(["image/png", "image/jpeg"]);

        var pngId = attachments[0].Id;
        var response = await dispatcher.GetAsync($"/api/appeals/{id}/attachments/{pngId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(PortalKit.Png);

        // Not dispatched to the housing bureau, wrong appeal id, admin: all 404; no login: 401.
        (await (await App.ClientFor("housing-handler")).GetAsync($"/api/appeals/{id}/attachments/{pngId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await App.ClientFor("admin")).GetAsync($"/api/appeals/{id}/attachments/{pngId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await dispatcher.GetAsync($"/api/appeals/{id + 1000}/attachments/{pngId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await App.Anonymous().GetAsync($"/api/appeals/{id}/attachments/{pngId}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Once dispatched to the housing bureau, its handler sees the photo too.
        await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = App.County.Housing.Id }).Expect(HttpStatusCode.OK);
        (await (await App.ClientFor("housing-handler")).GetAsync($"/api/appeals/{id}/attachments/{pngId}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Three_photos_of_each_accepted_type_are_fine()
    {
        var (number, _) = await App.Anonymous().SubmitAsync(null, ("a.png", PortalKit.Png), ("b.jpg", PortalKit.Jpeg), ("c.webp", PortalKit.Webp));
        using var scope = App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var appeal = await db.Appeals.Include(a => a.Attachments).SingleAsync(a => a.Number == number);
        appeal.Attachments.Select(a => a.ContentType).ShouldBe(["image/png", "image/jpeg", "image/webp"]);
        var keys = appeal.Attachments.Select(a => a.StorageKey).ToList();
        (await db.Set<AttachmentBlob>().CountAsync(b => keys.Contains(b.StorageKey))).ShouldBe(3);
    }

    [Fact]
    public async Task More_than_three_photos_are_refused_on_the_photos_field()
    {
        var problem = await App.Anonymous().PostAsync("/api/public/appeals/form",
            PortalKit.Form(null, ("1.png", PortalKit.Png), ("2.png", PortalKit.Png), ("3.png", PortalKit.Png), ("4.png", PortalKit.Png))).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        problem.ErrorsOf("photos").ShouldHaveSingleItem().ShouldContain("最多上传 3 张照片");
    }

    [Fact]
    public async Task A_photo_over_five_megabytes_is_refused_by_name()
    {
        var problem = await App.Anonymous().PostAsync("/api/public/appeals/form",
            PortalKit.Form(null, ("大图.png", PortalKit.PngOfSize((int)PhotoUploads.MaxBytes + 1)))).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        problem.ErrorsOf("photos").ShouldHaveSingleItem().ShouldBe("照片“大图.png”超过 5 MB，请压缩后再上传。");
    }

    [Fact]
    public async Task A_file_that_is_not_jpeg_png_or_webp_is_refused_whatever_its_name()
    {
        var problem = await App.Anonymous().PostAsync("/api/public/appeals/form",
            PortalKit.Form(null, ("伪装.png", PortalKit.Gif), ("脚本.jpg", "<script>alert(1)</script>"u8.ToArray()))).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        problem.ErrorsOf("photos").ShouldBe(["“伪装.png”不是 JPEG、PNG 或 WebP 格式的图片。", "“脚本.jpg”不是 JPEG、PNG 或 WebP 格式的图片。"]);
    }

    [Fact]
    public async Task A_body_over_the_request_limit_gets_a_chinese_413_naming_photos()
    {
        var response = await App.Anonymous().PostAsync("/api/public/appeals/form", PortalKit.Form(null, ("巨大.png", PortalKit.PngOfSize(17 * 1024 * 1024))));
        var problem = await Task.FromResult(response).Expect<ProblemAnswer>(HttpStatusCode.RequestEntityTooLarge);
        problem.Title.ShouldBe("提交内容过大");
        problem.ErrorsOf("photos").ShouldBe([PhotoUploads.TooLargeMessage]);
    }

    [Fact]
    public async Task Text_and_photo_problems_are_reported_together()
    {
        var problem = await App.Anonymous().PostAsync("/api/public/appeals/form",
            PortalKit.Form(new { type = "", title = "", content = " ", phone = "12345" }, ("x.gif", PortalKit.Gif))).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        problem.ErrorsOf("type").ShouldBe(["请选择诉求性质。"]);
        problem.ErrorsOf("title").ShouldBe(["标题不能为空。"]);
        problem.ErrorsOf("content").ShouldBe(["诉求内容不能为空。"]);
        problem.ErrorsOf("phone").ShouldHaveSingleItem().ShouldContain("电话号码格式不正确");
        problem.ErrorsOf("photos").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Unreadable_form_values_name_their_field()
    {
        var problem = await App.Anonymous().PostAsync("/api/public/appeals/form", PortalKit.Form(new { type = "Bribe", categoryId = "abc" }))
            .Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        problem.ErrorsOf("type").ShouldHaveSingleItem().ShouldContain("取值无效");
        problem.ErrorsOf("categoryId").ShouldHaveSingleItem().ShouldContain("不是有效的编号");
        var json = await App.Anonymous().PostAsync("/api/public/appeals/form", JsonContent.Create(new { title = "x" })).Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        json.ErrorsOf("body").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_refused_submission_leaves_neither_appeal_nor_photo_bytes_behind()
    {
        using var scope = App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var appeals = await db.Appeals.CountAsync();
        var blobs = await db.Set<AttachmentBlob>().CountAsync();
        // The category is checked inside RegisterAppeal, after the photo bytes were handed to the unit of work.
        var problem = await App.Anonymous().PostAsync("/api/public/appeals/form", PortalKit.Form(new { categoryId = 999999 }, ("a.png", PortalKit.Png)))
            .Expect<ProblemAnswer>(HttpStatusCode.BadRequest);
        problem.ErrorsOf("categoryId").ShouldBe(["分类不存在。"]);
        (await db.Appeals.CountAsync()).ShouldBe(appeals);
        (await db.Set<AttachmentBlob>().CountAsync()).ShouldBe(blobs);
    }

    [Fact]
    public async Task The_json_endpoint_still_registers_a_portal_appeal_as_the_citizen()
    {
        var receipt = await App.Anonymous().Post("/api/public/appeals", new { type = "Suggestion", title = "建议增设公交站", content = "建议在王庄村口增设公交站点。" })
            .Expect<ReceiptAnswer>(HttpStatusCode.Created);
        using var scope = App.App.Services.CreateScope();
        var appeal = await scope.ServiceProvider.GetRequiredService<MinshengDb>().Appeals.Include(a => a.Timeline)
            .SingleAsync(a => a.Number == receipt.Number);
        appeal.Channel.ShouldBe(Channel.PublicPortal);
        appeal.Timeline.Single().ActorName.ShouldBe("群众");
    }

    [Fact]
    public async Task The_submit_page_turns_an_oversized_post_back_to_the_form_with_the_size_rule()
    {
        var client = App.Anonymous();
        var response = await client.PostAsync("/submit", PortalKit.Form(null, ("巨大.png", PortalKit.PngOfSize(17 * 1024 * 1024))));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/submit?toolarge=true");
        var page = await client.GetStringAsync("/submit?toolarge=true");
        page.ShouldContain(PhotoUploads.TooLargeMessage);
        page.ShouldContain("id=\"photos-error\"");
    }
}
