using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Features.Demo;

namespace Minsheng.Bench;

/// <summary>
/// Registers appeals through the same RegisterAppeal use case the API calls (validation, number counter,
/// audit chain, one durable transaction each) from several workers and reports appeals per second.
/// </summary>
public static class RegisterBench
{
    public static async Task<int> RunAsync(string database, int count, int workers)
    {
        var app = WebApp.Build([], DatabaseTarget.Parse(database), b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.Configuration["Monitor:Enabled"] = "false";
        });
        await WebApp.MigrateAsync(app.Services);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(TextWriter.Null, default, appealCount: 0);

        long[] villages, categories;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
            villages = await db.Units.Where(u => u.Kind == UnitKind.Village).Select(u => u.Id).ToArrayAsync();
            categories = await db.Categories.Where(c => c.ParentId != null).Select(c => c.Id).ToArrayAsync();
        }
        var before = await CountAsync(app);
        var operatorActor = new Actor(null, "基准测试话务员", Role.Operator, null, _ => true);
        var next = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var text = new DemoTextGenerator(random);
            while (Interlocked.Increment(ref next) <= count)
            {
                using var scope = app.Services.CreateScope();
                var register = scope.ServiceProvider.GetRequiredService<RegisterAppeal>();
                var body = text.Appeal(AppealType.Complaint, "C01-01", "城关镇", "王庄村");
                var draft = new AppealDraft(Channel.Hotline12345, AppealType.Complaint, categories[random.Next(categories.Length)], Tier.Timely,
                    body.Title, body.Content, villages[random.Next(villages.Length)], null, null, null, text.CitizenName(), text.MobilePhone(), null, null);
                await register.ExecuteAsync(draft, operatorActor, default);
            }
        })));
        stopwatch.Stop();
        var added = await CountAsync(app) - before;
        if (added != count) throw new InvalidOperationException($"expected {count} new appeals, found {added}");
        Console.WriteLine($"register engine={Args.Engine(database)} appeals={count} workers={workers} " +
                          $"seconds={stopwatch.Elapsed.TotalSeconds:F1} appeals_per_second={count / stopwatch.Elapsed.TotalSeconds:F0}");
        await app.DisposeAsync();
        return 0;
    }

    private static async Task<int> CountAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MinshengDb>().Appeals.CountAsync();
    }
}
