using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Analysis.HotTopics;
using Minsheng.Tests.Infrastructure;
using Minsheng.Tests.Portal;

namespace Minsheng.Tests.Analysis.HotTopics;

/// <summary>我也遇到 on a published case: one per browser (signed cookie), capped per address, counted into supporters.</summary>
public sealed class CaseSupportTests
{
    private static async Task<(TestApp App, long CaseId, long AppealId)> PublishedCase(Dictionary<string, string?>? settings = null)
    {
        var app = await TestApp.StartAsync(settings ?? new() { ["RateLimits:PublicSubmissionsPerMinute"] = "100" });
        var (number, _) = await app.Anonymous().SubmitAsync(new { regionUnitId = app.County.Village1.Id });
        var appealId = await PortalKit.IdOf(app, number);
        await PortalKit.CloseAsync(app, appealId);
        using var publicity = await app.ClientFor("publicity");
        var caseId = (await publicity.Post("/api/publicity/cases", new { appealId }).Expect(HttpStatusCode.Created))["id"]!.GetValue<long>();
        return (app, caseId, appealId);
    }

    private static async Task<(SupportAnswer Answer, string? Cookie)> Support(HttpClient client, long caseId, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/public/cases/{caseId}/support");
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var set = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(CaseSupports.CookieName + "=", StringComparison.Ordinal))
            : null;
        return (System.Text.Json.JsonSerializer.Deserialize<SupportAnswer>(body, AppJson.Options)!, set ?? cookie);
    }

    [Fact]
    public async Task One_per_browser_a_cap_per_address_and_the_count_feeds_supporters()
    {
        var (app, caseId, appealId) = await PublishedCase();
        await using var _ = app;
        var anon = app.Anonymous();

        var (first, cookie) = await Support(anon, caseId);
        (first.Outcome, first.Supporters, first.Supported).ShouldBe(("Added", 1, true));
        cookie.ShouldNotBeNull("the browser gets its signed id");
        var (again, _) = await Support(anon, caseId, cookie);
        (again.Outcome, again.Supporters).ShouldBe(("Already", 1));
        // A made-up cookie is no id: it counts as a new browser, which the address cap then limits.
        (await Support(anon, caseId, $"{CaseSupports.CookieName}=forged")).Answer.Outcome.ShouldBe("Added");

        // Test requests all come from one address: after five browsers, the sixth is thanked but not counted.
        for (var i = 0; i < 3; i++) (await Support(anon, caseId)).Answer.Outcome.ShouldBe("Added");
        var capped = (await Support(anon, caseId)).Answer;
        (capped.Outcome, capped.Supporters).ShouldBe(("AddressCap", 5));

        (await anon.PostAsync("/api/public/cases/987654/support", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await anon.GetAsync($"/cases/{caseId}").ExpectText(HttpStatusCode.OK);
        page.ShouldContain("<span id=\"support-count\">5</span>");

        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        (await db.Set<AppealSupporters>().SingleAsync(s => s.AppealId == appealId)).Supporters.ShouldBe(5);
        (await db.AuditLog.CountAsync(e => e.Action == "case.support" && e.Actor == "citizen")).ShouldBe(5);
        (await db.Set<CaseSupport>().Select(s => s.Address).Distinct().CountAsync()).ShouldBe(1);
        (await db.Set<CaseSupport>().AnyAsync(s => s.Address.Contains("unknown") || s.Address.Contains("127.0.0.1"))).ShouldBeFalse("addresses are kept only as keyed hashes");
        var docs = await scope.ServiceProvider.GetRequiredService<TopicSource>().LoadAsync(app.County.County.Id, TestApp.Start.AddDays(-1), app.Clock.GetUtcNow().AddMinutes(1), default);
        docs.Single(d => d.Id == appealId).Supporters.ShouldBe(5, "topic detection reads the supporters");
    }

    [Fact]
    public async Task Bursts_from_one_address_are_limited()
    {
        var (app, caseId, _) = await PublishedCase(new() { ["RateLimits:PublicSubmissionsPerMinute"] = "100", ["HotTopics:Supports:PerMinute"] = "2" });
        await using var _ = app;
        var anon = app.Anonymous();
        await Support(anon, caseId);
        await Support(anon, caseId);
        var limited = await anon.PostAsync($"/api/public/cases/{caseId}/support", null).Expect<ProblemAnswer>((HttpStatusCode)429);
        limited.Title.ShouldBe("请求过于频繁");
    }
}
