using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Portal;

/// <summary>Helpers for the portal tests: images as bytes, multipart submissions, and an appeal driven to closure.</summary>
public static class PortalKit
{
    /// <summary>A real 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01];

    public static readonly byte[] Webp = [.. "RIFF"u8, 0x1A, 0x00, 0x00, 0x00, .. "WEBPVP8L"u8, 0x0D, 0x00, 0x00, 0x00];

    public static readonly byte[] Gif = [.. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00];

    /// <summary>A PNG signature followed by padding up to <paramref name="size"/> bytes.</summary>
    public static byte[] PngOfSize(int size)
    {
        var bytes = new byte[size];
        Png.AsSpan(0, 8).CopyTo(bytes);
        return bytes;
    }

    public static MultipartFormDataContent Form(object? fields = null, params (string Name, byte[] Bytes)[] photos)
    {
        var form = new MultipartFormDataContent();
        var values = new Dictionary<string, string?>
        {
            ["type"] = "Complaint",
            ["title"] = "王庄村路灯不亮",
            ["content"] = "王庄村村口的路灯坏了两个星期，晚上出行不便，请尽快维修。",
        };
        if (fields is not null)
            foreach (var p in fields.GetType().GetProperties()) values[p.Name] = p.GetValue(fields)?.ToString();
        foreach (var (k, v) in values)
            if (v is not null) form.Add(new StringContent(v), k);
        foreach (var (name, bytes) in photos)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "photos", name);
        }
        return form;
    }

    public static async Task<(string Number, string Code)> SubmitAsync(this HttpClient anonymous, object? fields = null, params (string, byte[])[] photos)
    {
        var receipt = await anonymous.PostAsync("/api/public/appeals/form", Form(fields, photos)).Expect<ReceiptAnswer>(HttpStatusCode.Created);
        return (receipt.Number, receipt.QueryCode);
    }

    public static async Task<long> IdOf(TestApp app, string number)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MinshengDb>().Appeals.Where(a => a.Number == number).Select(a => a.Id).SingleAsync();
    }

    /// <summary>Dispatch to the housing bureau, claim, reply, approve: the citizen now sees the reply.</summary>
    public static async Task ReplyAsync(TestApp app, long id, string reply = "经现场查看，路灯线路老化，已于今日更换，恢复照明。")
    {
        var dispatcher = await app.ClientFor("dispatcher");
        var handler = await app.ClientFor("housing-handler");
        await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect<AppealAnswer>(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/claim").Expect<AppealAnswer>(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/reply", new { content = reply }).Expect<AppealAnswer>(HttpStatusCode.OK);
        var approved = await (await app.ClientFor("housing-head")).Post($"/api/appeals/{id}/approve-reply").Expect<AppealAnswer>(HttpStatusCode.OK);
        approved.Status.ShouldBe(AppealStatus.Replied); // the reply itself is masked for staff, so its text is checked where citizens read it
    }

    /// <summary>Replied, then a satisfied callback closes it.</summary>
    public static async Task CloseAsync(TestApp app, long id, string reply = "经现场查看，路灯线路老化，已于今日更换，恢复照明。")
    {
        await ReplyAsync(app, id, reply);
        (await (await app.ClientFor("dispatcher")).Post($"/api/appeals/{id}/callback", new { outcome = "Satisfied", resolved = true }).Expect<AppealAnswer>(HttpStatusCode.OK))
            .Status.ShouldBe(AppealStatus.Closed);
    }

    /// <summary>For the tests outside Portal/ that still read problems as JsonNode; Portal's own read <see cref="ProblemAnswer.ErrorsOf"/>.</summary>
    public static string[] Errors(this JsonNode problem, string field) =>
        problem["errors"]?[field]?.AsArray().Select(e => e!.GetValue<string>()).ToArray() ?? [];
}
