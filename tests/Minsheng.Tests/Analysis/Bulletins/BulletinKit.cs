using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Analysis.Bulletins;

/// <summary>Steps shared by the bulletin and instruction tests, each through the product's API.</summary>
public static class BulletinKit
{
    /// <summary>A bulletin drafted by <paramref name="analyst"/> with one item on the appeals, reviewed by <paramref name="reviewer"/>, issued.</summary>
    public static async Task<(long BulletinId, long ItemId, JsonNode Issued)> IssuedAsync(HttpClient analyst, HttpClient reviewer, params long[] appealIds)
    {
        var (id, itemId) = await DraftAsync(analyst, appealIds);
        await reviewer.Post($"/api/bulletins/{id}/review").Expect(HttpStatusCode.OK);
        var issued = await analyst.Post($"/api/bulletins/{id}/issue").Expect(HttpStatusCode.OK);
        return (id, itemId, issued);
    }

    public static async Task<(long BulletinId, long ItemId)> DraftAsync(HttpClient analyst, params long[] appealIds)
    {
        var id = (await analyst.Post("/api/bulletins", new { }).Expect(HttpStatusCode.Created))["id"]!.GetValue<long>();
        var item = await analyst.Post($"/api/bulletins/{id}/items", new
        {
            title = "王庄村路灯长期不亮", appealIds, recommendation = "建议县住建局牵头排查全村路灯。",
        }).Expect(HttpStatusCode.Created);
        return (id, item["id"]!.GetValue<long>());
    }

    /// <summary>The keys of the notifications whose key starts so, oldest first.</summary>
    public static async Task<List<string>> NoticeKeys(TestApp app, string prefix)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        return await db.Notifications.Where(n => n.Key.StartsWith(prefix)).OrderBy(n => n.Id).Select(n => n.Key).ToListAsync();
    }

    public static async Task<List<string>> AuditActions(TestApp app, string prefix)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        return await db.AuditLog.Where(a => a.Action.StartsWith(prefix)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }
}
