using System.Net;
using Minsheng.Domain.Appeals;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Appeals;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Appeal_travels_from_registration_to_closure_with_a_timeline_entry_per_step()
    {
        await using var app = await TestApp.StartAsync();
        var c = app.County;
        var op = await app.ClientFor("operator");
        var dispatcher = await app.ClientFor("dispatcher");
        var handler = await app.ClientFor("housing-handler");
        var head = await app.ClientFor("housing-head");

        var id = await op.NewAppeal(c);
        var registered = await op.Expect<AppealAnswer>($"/api/appeals/{id}");
        registered.Status.ShouldBe(AppealStatus.Registered);
        var number = registered.Number;
        number.ShouldBe("20261116000001");
        // The query code is the citizen's secret: the staff answer never carries it, so the test takes it from the appeal itself.
        (await op.GetAsync($"/api/appeals/{id}").ExpectText(HttpStatusCode.OK)).ShouldNotContain("queryCode", Case.Insensitive);
        var code = await QueryCode(app, id);
        code.ShouldMatch("^[2-9A-HJ-NP-Z]{6}$");

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await dispatcher.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = c.Housing.Id, comment = "请住建局办理" }).Expect(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromHours(1));
        await handler.Post($"/api/appeals/{id}/claim").Expect(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/contact", new { comment = "已电话联系群众，约定明天现场查看" }).Expect(HttpStatusCode.OK);
        await handler.Post($"/api/appeals/{id}/reply", new { content = "经现场查看，路灯线路老化，已于今日更换，恢复照明。" }).Expect(HttpStatusCode.OK);

        // Not replied until the unit head approves: the citizen sees no reply yet.
        var tracking = await app.Anonymous().Expect<TrackingAnswer>($"/api/public/appeals/{number}?code={code}");
        tracking.Number.ShouldBe(number);
        tracking.Reply.ShouldBeNull();
        tracking.MayRate.ShouldBeFalse();

        await head.Post($"/api/appeals/{id}/approve-reply").Expect(HttpStatusCode.OK);
        var closed = await dispatcher.Post($"/api/appeals/{id}/callback", new { outcome = "Satisfied", resolved = true, comment = "群众表示满意" }).Expect<AppealAnswer>(HttpStatusCode.OK);

        closed.Status.ShouldBe(AppealStatus.Closed);
        var steps = closed.Timeline.Select(t => $"{t.From}>{t.To}:{t.Action}").ToList();
        steps.ShouldBe(
        [
            ">Registered:Register",
            "Registered>Dispatched:Dispatch",
            "Dispatched>Claimed:Claim",
            "Claimed>InProgress:RecordContact",
            "InProgress>PendingApproval:SubmitReply",
            "PendingApproval>Replied:ApproveReply",
            "Replied>Closed:CallbackSatisfied",
        ]);
        var claim = closed.Timeline[2];
        (claim.ActorName, claim.ActorRole, claim.ActorUnit).ShouldBe(("housing-handler", "承办人", "县住房和城乡建设局"));
    }

    private static async Task<string> QueryCode(TestApp app, long id)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Minsheng.Data.MinshengDb>();
        return (await db.Appeals.FindAsync(id))!.QueryCode;
    }
}
