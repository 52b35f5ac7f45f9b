using System.Net;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Pages;

/// <summary>The unit inbox's 即将到期 / 已超期 tabs follow the sign-for clock as time passes.</summary>
public sealed class UnitInboxTests
{
    [Fact]
    public async Task An_unclaimed_appeal_moves_from_due_soon_to_overdue_as_its_sign_for_deadline_passes()
    {
        await using var app = await TestApp.StartAsync();
        using var desk = await app.ClientFor("dispatcher");
        var id = await desk.NewAppeal(app.County, new { title = "收件箱测试：楼道灯不亮" });
        var dispatched = await desk.Post($"/api/appeals/{id}/dispatch", new { leadUnitId = app.County.Housing.Id }).Expect<AppealAnswer>(HttpStatusCode.OK);
        var number = dispatched.Number;
        var signFor = dispatched.Summary.Deadlines.SignFor.ShouldNotBeNull();
        async Task<(bool Soon, bool Overdue)> Tabs()
        {
            using var handler = await app.ClientFor("housing-handler"); // signed in afresh: a token expires as days pass
            return ((await handler.GetStringAsync("/unit?tab=soon")).Contains(number), (await handler.GetStringAsync("/unit?tab=overdue")).Contains(number));
        }

        app.Clock.Advance(signFor - app.Clock.GetUtcNow() - TimeSpan.FromHours(1));
        (await Tabs()).ShouldBe((true, false));
        app.Clock.Advance(TimeSpan.FromHours(2));
        (await Tabs()).ShouldBe((false, true));
    }
}
