using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Minsheng.Data;
using Minsheng.Domain.Notifications;
using Minsheng.Features.Monitor;
using Minsheng.Tests.Infrastructure;

namespace Minsheng.Tests.Monitor;

/// <summary>
/// Delivery one row at a time, with a real sender that fails for the notifications the test names (a gateway
/// that refuses them): earlier rows are not sent again, later rows are not held up, the failing row waits its
/// delay and is parked after Monitor:MaxDeliveryAttempts failures.
/// </summary>
public sealed class NotificationDeliveryTests
{
    /// <summary>Refuses the named keys (a given number of times, or always) and records every hand-off in order.</summary>
    private sealed class GatewaySender : INotificationSender
    {
        private readonly ConcurrentDictionary<string, int> _failuresLeft = new();
        public ConcurrentQueue<(string Key, bool Ok)> Attempts { get; } = new();

        public string Name => "gateway";

        public void Refuse(string key, int times = int.MaxValue) => _failuresLeft[key] = times;

        public IReadOnlyList<string> Sent => Attempts.Where(a => a.Ok).Select(a => a.Key).ToList();

        public int AttemptsOf(string key) => Attempts.Count(a => a.Key == key);

        public Task SendAsync(Notification notification, CancellationToken ct)
        {
            if (_failuresLeft.TryGetValue(notification.Key, out var left) && left > 0)
            {
                _failuresLeft[notification.Key] = left - 1;
                Attempts.Enqueue((notification.Key, false));
                throw new HttpRequestException("短信网关拒收：号码无效");
            }
            Attempts.Enqueue((notification.Key, true));
            return Task.CompletedTask;
        }
    }

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Monitor:MaxDeliveryAttempts"] = "3",
        ["Monitor:DeliveryRetrySeconds"] = "60",
    };

    private static async Task<(TestApp App, GatewaySender Gateway)> StartAsync()
    {
        var gateway = new GatewaySender();
        var app = await TestApp.StartAsync(Settings, s => s.AddSingleton<INotificationSender>(gateway));
        return (app, gateway);
    }

    private static async Task AddAsync(TestApp app, params string[] keys)
    {
        using var scope = app.App.Services.CreateScope();
        var now = app.Clock.GetUtcNow();
        var rows = keys.Select(k => new Notification(k, NotificationKind.ManualSupervision, Audience.Supervisors, app.County.County.Id, null, null,
            $"督办单：{k}", "请按期办理。", null, now)).ToList();
        (await scope.ServiceProvider.GetRequiredService<SqlWriter>().AddAsync(rows, default)).ShouldBe(keys.Length);
    }

    private static async Task<int> DeliverAsync(Microsoft.AspNetCore.Builder.WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationDelivery>().DeliverAsync(default);
    }

    private static async Task<Notification> RowAsync(TestApp app, string key)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MinshengDb>().Notifications.AsNoTracking().SingleAsync(n => n.Key == key);
    }

    [Fact]
    public async Task A_failing_row_neither_resends_the_rows_before_it_nor_blocks_those_after_and_is_parked_after_the_limit()
    {
        var (app, gateway) = await StartAsync();
        await using var _ = app;
        await AddAsync(app, "d:1", "d:2", "d:3", "d:4", "d:5");
        gateway.Refuse("d:3");

        (await DeliverAsync(app.App)).ShouldBe(4);
        gateway.Attempts.Select(a => a.Key).ShouldBe(["d:1", "d:2", "d:3", "d:4", "d:5"]);
        gateway.Sent.ShouldBe(["d:1", "d:2", "d:4", "d:5"]);
        var failed = await RowAsync(app, "d:3");
        failed.SentAt.ShouldBeNull();
        failed.DeliveryAttempts.ShouldBe(1);
        failed.LastError.ShouldBe("gateway: HttpRequestException: 短信网关拒收：号码无效");
        failed.NextAttemptAt.ShouldBe(TestApp.Start.AddSeconds(60));
        failed.ParkedAt.ShouldBeNull();
        (await RowAsync(app, "d:5")).SentAt.ShouldBe(TestApp.Start);

        // Not before its delay: a second round right away, and one a second short of it, leave it alone.
        (await DeliverAsync(app.App)).ShouldBe(0);
        app.Clock.Advance(TimeSpan.FromSeconds(59));
        (await DeliverAsync(app.App)).ShouldBe(0);
        gateway.AttemptsOf("d:3").ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await DeliverAsync(app.App)).ShouldBe(0);
        gateway.AttemptsOf("d:3").ShouldBe(2);
        (await RowAsync(app, "d:3")).NextAttemptAt.ShouldBe(TestApp.Start.AddSeconds(60 + 120), "the delay doubles");

        app.Clock.Advance(TimeSpan.FromSeconds(119));
        (await DeliverAsync(app.App)).ShouldBe(0);
        gateway.AttemptsOf("d:3").ShouldBe(2);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        (await DeliverAsync(app.App)).ShouldBe(0);
        gateway.AttemptsOf("d:3").ShouldBe(3);
        var parked = await RowAsync(app, "d:3");
        parked.ParkedAt.ShouldBe(TestApp.Start.AddSeconds(180));
        parked.NextAttemptAt.ShouldBeNull();
        parked.DeliveryAttempts.ShouldBe(3);
        parked.SentAt.ShouldBeNull();

        // Parked: never tried again, and what comes after still goes out.
        app.Clock.Advance(TimeSpan.FromDays(2));
        await AddAsync(app, "d:6");
        (await DeliverAsync(app.App)).ShouldBe(1);
        gateway.AttemptsOf("d:3").ShouldBe(3);
        gateway.Sent.ShouldBe(["d:1", "d:2", "d:4", "d:5", "d:6"], "each sent notification went out exactly once");
    }

    [Fact]
    public async Task A_row_that_fails_for_a_while_is_sent_once_when_the_gateway_takes_it()
    {
        var (app, gateway) = await StartAsync();
        await using var _ = app;
        await AddAsync(app, "r:1", "r:2", "r:3");
        gateway.Refuse("r:1", times: 2);

        (await DeliverAsync(app.App)).ShouldBe(2);
        app.Clock.Advance(TimeSpan.FromSeconds(60));
        (await DeliverAsync(app.App)).ShouldBe(0);
        app.Clock.Advance(TimeSpan.FromSeconds(120));
        (await DeliverAsync(app.App)).ShouldBe(1);
        app.Clock.Advance(TimeSpan.FromDays(1));
        (await DeliverAsync(app.App)).ShouldBe(0);

        gateway.Sent.ShouldBe(["r:2", "r:3", "r:1"]);
        gateway.AttemptsOf("r:1").ShouldBe(3);
        var row = await RowAsync(app, "r:1");
        row.SentAt.ShouldBe(TestApp.Start.AddSeconds(180));
        row.DeliveryAttempts.ShouldBe(2);
        row.ParkedAt.ShouldBeNull();
    }

    [Fact]
    public async Task Two_instances_delivering_at_once_send_each_row_once_and_try_a_failing_row_once_per_delay()
    {
        var (app, gateway) = await StartAsync();
        await using var _ = app;
        await using var second = await app.StartSecondInstanceAsync(s => s.AddSingleton<INotificationSender>(gateway));
        var keys = Enumerable.Range(1, 40).Select(i => $"c:{i}").ToArray();
        await AddAsync(app, keys);
        gateway.Refuse("c:7");
        gateway.Refuse("c:30");

        var counts = await Task.WhenAll(DeliverAsync(app.App), DeliverAsync(second), DeliverAsync(app.App), DeliverAsync(second));

        counts.Sum().ShouldBe(38);
        gateway.Sent.Order().ShouldBe(keys.Except(["c:7", "c:30"]).Order());
        gateway.AttemptsOf("c:7").ShouldBe(1);
        gateway.AttemptsOf("c:30").ShouldBe(1);
    }
}
