using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Public;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Portal;

/// <summary>POST /api/public/appeals/{number}/rating and GET /api/appeals/{id}/rating.</summary>
public sealed class RatingTests(PortalApp shared) : IClassFixture<PortalApp>
{
    private TestApp App => shared.App;

    [Fact]
    public async Task The_citizen_rates_the_reply_once_and_staff_in_scope_read_it()
    {
        var anon = App.Anonymous();
        var (number, code) = await anon.SubmitAsync();
        var id = await PortalKit.IdOf(App, number);
        var dispatcher = await App.ClientFor("dispatcher");

        // Before the reply: nothing to rate yet.
        (await anon.Expect<TrackingAnswer>($"/api/public/appeals/{number}?code={code}")).MayRate.ShouldBeFalse();
        var early = await anon.Post($"/api/public/appeals/{number}/rating", new { code, rating = "Satisfied" }).Expect<ProblemAnswer>(HttpStatusCode.Conflict);
        early.Title.ShouldBe("暂不能评价");
        (await dispatcher.GetAsync($"/api/appeals/{id}/rating")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await PortalKit.ReplyAsync(App, id);
        var tracked = await anon.Expect<TrackingAnswer>($"/api/public/appeals/{number}?code={code.ToLowerInvariant()}");
        tracked.MayRate.ShouldBeTrue();
        tracked.Reply.ShouldNotBeNull().ShouldContain("路灯");

        var rated = await anon.Post($"/api/public/appeals/{number}/rating", new { code, rating = "BasicallySatisfied", comment = "修得挺快，希望以后常检查。" })
            .Expect<TrackingAnswer>(HttpStatusCode.OK);
        rated.MayRate.ShouldBeFalse();
        rated.Rating.ShouldNotBeNull().RatingLabel.ShouldBe("基本满意");

        var again = await anon.Post($"/api/public/appeals/{number}/rating", new { code, rating = "Unsatisfied" }).Expect<ProblemAnswer>(HttpStatusCode.Conflict);
        again.Detail.ShouldBe("每件诉求只能评价一次。");

        var staff = await dispatcher.Expect<StaffRatingAnswer>($"/api/appeals/{id}/rating");
        staff.Rating.ShouldBe(CitizenRatingValue.BasicallySatisfied);
        staff.Comment.ShouldBe("修得挺快，希望以后常检查。");
        (await (await App.ClientFor("housing-handler")).Expect<StaffRatingAnswer>($"/api/appeals/{id}/rating")).RatingLabel.ShouldBe("基本满意");
        // Another department, the admin and anonymous callers do not.
        await (await App.ClientFor("city-handler")).Expect($"/api/appeals/{id}/rating", HttpStatusCode.NotFound);
        await (await App.ClientFor("admin")).Expect($"/api/appeals/{id}/rating", HttpStatusCode.NotFound);
        (await anon.GetAsync($"/api/appeals/{id}/rating")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var scope = App.App.Services.CreateScope();
        (await scope.ServiceProvider.GetRequiredService<MinshengDb>().AuditLog.AnyAsync(a => a.Action == "appeal.rate" && a.EntityId == number)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_code_or_number_gives_the_same_calm_404()
    {
        var anon = App.Anonymous();
        var (number, _) = await anon.SubmitAsync();
        var wrongCode = await anon.Post($"/api/public/appeals/{number}/rating", new { code = "WRONG1", rating = "Satisfied" }).Expect<ProblemAnswer>(HttpStatusCode.NotFound);
        var wrongNumber = await anon.Post("/api/public/appeals/209901010001/rating", new { code = "WRONG1", rating = "Satisfied" }).Expect<ProblemAnswer>(HttpStatusCode.NotFound);
        wrongCode.Detail.ShouldBe(wrongNumber.Detail);
        wrongCode.Detail.ShouldBe("受理编号或查询码不正确，请核对后再试。");
    }

    [Fact]
    public async Task Rating_input_is_validated_field_by_field()
    {
        var anon = App.Anonymous();
        var (number, code) = await anon.SubmitAsync();
        (await anon.Post($"/api/public/appeals/{number}/rating", new { rating = "Satisfied" }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).ErrorsOf("code").ShouldHaveSingleItem();
        (await anon.Post($"/api/public/appeals/{number}/rating", new { code }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).ErrorsOf("rating").ShouldHaveSingleItem();
        (await anon.Post($"/api/public/appeals/{number}/rating", new { code, rating = "Great" }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest)).ErrorsOf("rating").ShouldHaveSingleItem();
        (await anon.Post($"/api/public/appeals/{number}/rating", new { code, rating = "Satisfied", comment = new string('好', 501) }).Expect<ProblemAnswer>(HttpStatusCode.BadRequest))
            .ErrorsOf("comment").ShouldBe(["评价意见不能超过 500 个字。"]);
    }

    [Fact]
    public async Task Rating_is_rate_limited_like_tracking()
    {
        await using var app = await TestApp.StartAsync(new() { ["RateLimits:TrackingLookupsPerMinute"] = "2" });
        var anon = app.Anonymous();
        for (var i = 0; i < 2; i++) await anon.Post("/api/public/appeals/209901010001/rating", new { code = "X", rating = "Satisfied" }).Expect(HttpStatusCode.NotFound);
        await anon.Post("/api/public/appeals/209901010001/rating", new { code = "X", rating = "Satisfied" }).Expect(HttpStatusCode.TooManyRequests);
        // The tracking page shares the same budget.
        (await anon.GetAsync("/track")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
    }
}
