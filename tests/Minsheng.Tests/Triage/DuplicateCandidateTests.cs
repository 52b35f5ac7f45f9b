using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Triage;

/// <summary>
/// Which appeals intake compares a new text with: open ones registered within the window (180 days) and those closed
/// within the last 30 days, never merged or invalid ones, nor older ones (TriageSuggestions reads the open and the
/// recently closed as two index ranges, so a city's desk never reads all its open appeals). Runs on whichever engine
/// ./test picks.
/// </summary>
public sealed class DuplicateCandidateTests
{
    private const string Title = "幸福小区东门路面塌陷";
    private const string Content = "幸福小区东门外的人行道路面塌陷出一个大坑，老人孩子经过很危险，请尽快派人修复。";

    [Fact]
    public async Task Open_appeals_within_the_window_and_recently_closed_ones_are_candidates()
    {
        await using var app = await TestApp.StartAsync();
        HttpClient op = null!, desk = null!;
        async Task SignIn() => (op, desk) = (await app.ClientFor("operator"), await app.ClientFor("dispatcher"));
        await SignIn();
        Task<long> New(string type = "Complaint") => op.NewAppeal(app.County, new { title = Title, content = Content, type });
        async Task<long> Closed()
        {
            var id = await New("Consultation");
            await op.Post($"/api/appeals/{id}/direct-answer", new { content = "已解答。" }).Expect<AppealAnswer>(HttpStatusCode.OK);
            return id;
        }

        var oldOpen = await New();
        var oldClosed = await Closed();
        app.Clock.Advance(TimeSpan.FromDays(40));
        await SignIn(); // the sessions expired meanwhile
        var invalid = await New();
        await desk.Post($"/api/appeals/{invalid}/invalidate", new { reason = "重复录入。" }).Expect<AppealAnswer>(HttpStatusCode.OK);
        var recentClosed = await Closed();
        var recentOpen = await New();

        var s = await op.Post("/api/triage/suggest", new { title = Title, content = Content }).Expect(HttpStatusCode.OK);
        var found = s["duplicates"]!.AsArray().Select(d => d!["id"]!.GetValue<long>()).ToList();
        found.Order().ShouldBe(new[] { oldOpen, recentClosed, recentOpen }.Order(), s.ToJsonString());
        found.ShouldNotContain(oldClosed);
        found.ShouldNotContain(invalid);
        // Equal similarity: the latest registered first.
        found[0].ShouldBe(recentOpen);

        // The window: the first open appeal is now older than it, the later one not yet.
        var window = Minsheng.Features.Triage.TriageSuggestions.OpenWindowDays;
        app.Clock.Advance(TimeSpan.FromDays(window - 40 + 10));
        await SignIn();
        var later = await op.Post("/api/triage/suggest", new { title = Title, content = Content }).Expect(HttpStatusCode.OK);
        var laterFound = later["duplicates"]!.AsArray().Select(d => d!["id"]!.GetValue<long>()).ToList();
        laterFound.ShouldBe([recentOpen], later.ToJsonString());
    }
}
