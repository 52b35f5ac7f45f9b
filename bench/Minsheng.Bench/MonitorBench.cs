using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Demo;
using Minsheng.Features.Monitor;
using Minsheng.Features.TimeLimits;

namespace Minsheng.Bench;

/// <summary>
/// Open appeals dispatched over the last 15 working days, all left alone, then monitor passes at a
/// faked "now": the first pass finds every reminder, 催办单 and 督办单 due; later passes at the same
/// moment and an hour on show the steady state the background service runs in.
/// </summary>
public static class MonitorBench
{
    public static async Task<int> RunAsync(string database, int count)
    {
        var clock = new BenchClock(new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero)); // Friday 10:00 China
        var app = WebApp.Build([], DatabaseTarget.Parse(database), b =>
        {
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            b.Configuration["Monitor:Enabled"] = "false";
            b.Services.AddSingleton<TimeProvider>(clock);
        });
        await WebApp.MigrateAsync(app.Services);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(TextWriter.Null, default, appealCount: 0);
        var setup = Stopwatch.StartNew();
        await CreateOpenAppealsAsync(app, clock.Now, count);
        Console.Error.WriteLine($"setup: {count} dispatched appeals in {setup.Elapsed.TotalSeconds:F0} s");

        var passes = new List<string>();
        async Task Pass(string name)
        {
            using var scope = app.Services.CreateScope();
            var sw = Stopwatch.StartNew();
            var report = await scope.ServiceProvider.GetRequiredService<MonitorPass>().RunAsync(default);
            sw.Stop();
            passes.Add($"{name}={sw.Elapsed.TotalSeconds:F2}s(checked={report.AppealsChecked},notices={report.NotificationsCreated},leads={report.LeadsRaised})");
        }
        await Pass("first");
        await Pass("again");
        clock.Now = clock.Now.AddHours(1);
        await Pass("hour_later");
        clock.Now = clock.Now.AddHours(1);
        await Pass("two_hours_later");
        Console.WriteLine($"monitor engine={Args.Engine(database)} open_appeals={count} {string.Join(" ", passes)}");
        await app.DisposeAsync();
        return 0;
    }

    private static async Task CreateOpenAppealsAsync(WebApplication app, DateTimeOffset now, int count)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var schedule = scope.ServiceProvider.GetRequiredService<TimeLimitCache>().Schedule;
        var units = await db.Units.Where(u => u.Kind == UnitKind.Department || u.Kind == UnitKind.Township).Select(u => u.Id).ToArrayAsync();
        var random = new Random(7);
        var text = new DemoTextGenerator(random);
        var desk = new Actor(null, "基准测试", Role.Dispatcher, null, _ => true);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < count; i++)
        {
            var at = now - TimeSpan.FromHours(random.NextDouble() * 21 * 24);
            var body = text.Appeal(AppealType.Complaint, "C01-01", "城关镇", "王庄村");
            var draft = new AppealDraft(Channel.Hotline12345, AppealType.Complaint, null, Tier.Timely, body.Title, body.Content,
                null, null, null, null, null, null, null, null);
            var appeal = Appeal.Register(draft, $"B{i:D9}", "BENCH1", desk, at);
            appeal.Dispatch(units[random.Next(units.Length)], [], desk, at, schedule: schedule);
            db.Appeals.Add(appeal);
            if (i % 2000 == 1999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
    }
}
