using System.Net;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Appeals;

public sealed class DurabilityTests
{
    [Fact]
    public async Task An_acknowledged_appeal_is_in_the_database_before_the_201()
    {
        await using var app = await TestApp.StartAsync();
        var receipt = await app.Anonymous().Post("/api/public/appeals", new { type = "Help", title = "老人走失求助", content = "家中老人早上出门未归，请求帮助寻找。" })
            .Expect<ReceiptAnswer>(HttpStatusCode.Created);
        // A separate connection, outside the app's context, sees the committed row.
        var options = new DbContextOptionsBuilder<MinshengDb>();
        app.Database.Target.Configure(options);
        await using var db = new MinshengDb(options.Options);
        var number = receipt.Number;
        (await db.Appeals.CountAsync(a => a.Number == number)).ShouldBe(1);
        (await db.Timeline.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Migrating_twice_changes_nothing()
    {
        await using var app = await TestApp.StartAsync();
        using var scope = app.App.Services.CreateScope();
        var applied = await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync();
        applied.ShouldBeEmpty();
    }
}
