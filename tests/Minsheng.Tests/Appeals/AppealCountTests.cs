using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Features.Appeals;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Appeals;

/// <summary>
/// Lists count their matches only up to a cap (at a million appeals an exact count reads the whole table on every
/// page): below the cap the count is exact, above it the list says so. Runs on whichever engine ./test picks.
/// </summary>
public sealed class AppealCountTests(SharedApp shared) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task The_count_is_exact_below_the_cap_and_stops_at_it_above()
    {
        using var desk = await shared.App.ClientFor("dispatcher");
        for (var i = 0; i < 4; i++) await desk.NewAppeal(shared.App.County, new { title = $"计数上限测试：井盖缺失{i}" });

        using var scope = shared.App.App.Services.CreateScope();
        var matching = scope.ServiceProvider.GetRequiredService<MinshengDb>().Appeals.Where(a => a.Title.Contains("计数上限测试"));
        (await AppealCount.BoundedAsync(matching, default, cap: 10)).ShouldBe((4, false));
        (await AppealCount.BoundedAsync(matching, default, cap: 4)).ShouldBe((4, false), "exactly the cap is still exact");
        (await AppealCount.BoundedAsync(matching, default, cap: 3)).ShouldBe((3, true));
        (await AppealCount.BoundedAsync(matching.OrderByDescending(a => a.CreatedAt), default, cap: 2)).ShouldBe((2, true), "an ordered list counts the same");

        var page = await desk.Expect<PageAnswer<AppealSummaryAnswer>>("/api/appeals?q=计数上限测试&pageSize=2");
        (page.Total, page.TotalCapped, page.Items.Count).ShouldBe((4, false, 2));
        (await desk.GetStringAsync("/appeals?q=计数上限测试")).ShouldContain("共 4 件");
    }
}
