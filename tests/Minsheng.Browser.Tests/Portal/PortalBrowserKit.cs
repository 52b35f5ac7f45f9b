using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Browser.Tests.Infrastructure;
using Minsheng.Data;
using Minsheng.Domain.Appeals;

namespace Minsheng.Browser.Tests.Portal;

/// <summary>Arranging portal data through the API and the database, so each test stands on its own.</summary>
public static class PortalBrowserKit
{
    /// <summary>A real 1×1 PNG, written to a temporary file for the file input.</summary>
    public static string PngFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"minsheng-photo-{Guid.NewGuid():N}.png");
        File.WriteAllBytes(path, Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="));
        return path;
    }

    public static async Task<long> IdOf(BrowserApp app, string number)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MinshengDb>().Appeals.Where(a => a.Number == number).Select(a => a.Id).SingleAsync();
    }

    public static async Task<int> PhotoCount(BrowserApp app, string number)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MinshengDb>().Appeals.Where(a => a.Number == number).SelectMany(a => a.Attachments).CountAsync();
    }

    /// <summary>Dispatched to the housing bureau, replied and approved; with <paramref name="close"/> also a satisfied callback.</summary>
    public static async Task ReplyAsync(BrowserApp app, long id, string reply, bool close = false)
    {
        using var dispatcher = await app.ApiAs("dispatcher");
        using var handler = await app.ApiAs("housing-handler");
        using var head = await app.ApiAs("housing-head");
        await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect<AppealAnswer>(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/claim").Expect<AppealAnswer>(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/reply", new { content = reply }).Expect<AppealAnswer>(HttpStatusCode.OK);
        (await head.Post($"/api/appeals/{id}/approve-reply").Expect<AppealAnswer>(HttpStatusCode.OK)).Status.ShouldBe(AppealStatus.Replied);
        if (close)
            (await dispatcher.Post($"/api/appeals/{id}/callback", new { outcome = "Satisfied", resolved = true }).Expect<AppealAnswer>(HttpStatusCode.OK))
                .Status.ShouldBe(AppealStatus.Closed);
    }

    /// <summary>A closed appeal submitted through the public API; returns its id and number.</summary>
    public static async Task<(long Id, string Number)> ClosedAppealAsync(BrowserApp app, string title, string content, string? name = null, string? phone = null)
    {
        using var anon = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var number = (await anon.Post("/api/public/appeals", new { type = "Complaint", title, content, name, phone })
            .Expect<ReceiptAnswer>(HttpStatusCode.Created)).Number;
        var id = await IdOf(app, number);
        await ReplyAsync(app, id, "经现场查看，问题已整改完毕，感谢您的监督。", close: true);
        return (id, number);
    }

    /// <summary>
    /// Waits for a page load to land on <paramref name="path"/> showing <paramref name="text"/> (the wait reads the old
    /// page again while it unloads).
    /// </summary>
    public static void Arrive(this Infrastructure.Browser browser, string path, string text)
    {
        browser.WaitForPath(path);
        browser.WaitForText(text);
    }

    /// <summary>True when the page is no wider than the window: nothing to scroll sideways on a phone.</summary>
    public static bool FitsWidth(Infrastructure.Browser browser) =>
        Convert.ToInt64(browser.Run("return document.documentElement.scrollWidth - window.innerWidth;")) <= 0;
}
