using System.Net;
using Minsheng.Features.Analysis.Reports;
using Minsheng.Tests.Infrastructure;
using Minsheng.Tests.Statistics;

namespace Minsheng.Tests.Analysis.Reports;

/// <summary>
/// Two weeks of the test county: the seven appeals of <see cref="StatisticsCounty"/> in ISO week 2026-W47 (Monday
/// 16 November, every rate known) and three more in 2026-W48 (Monday 23 November: two on the hotline, one by mail
/// about noise in 双河镇). The clock then stands at Monday 30 November 09:30, when W48's weekly report is due.
/// </summary>
public sealed class ReportWorld : IAsyncLifetime
{
    private readonly Dictionary<string, HttpClient> _clients = [];

    public TestApp App { get; private set; } = null!;
    public StatisticsCounty W47 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        W47 = await StatisticsCounty.BuildAsync(App);            // ends Wednesday 18 November 09:30
        App.Clock.Advance(TimeSpan.FromDays(5));                  // Monday 23 November 09:30
        var c = App.County;
        using var op = await App.ClientFor("operator");
        await op.NewAppeal(c);
        await op.NewAppeal(c, new { title = "城关镇菜市场门口积水" });
        await op.NewAppeal(c, new { channel = "Mailbox", categoryId = c.Noise.Id, regionUnitId = c.Town2.Id, title = "双河镇夜间施工噪音" });
        App.Clock.Advance(TimeSpan.FromDays(7));                  // Monday 30 November 09:30
    }

    /// <summary>One client per account (sign-ins are rate limited), signed in at the world's final time.</summary>
    public async Task<HttpClient> ClientFor(string user) =>
        _clients.TryGetValue(user, out var client) ? client : _clients[user] = await App.ClientFor(user);

    /// <summary>The weekly report of an ISO week: made by the first test that asks (201), the same one for the others (200).</summary>
    public async Task<ReportView> WeeklyAsync(string week)
    {
        using var response = await (await ClientFor("analyst")).Post("/api/reports", new { period = week });
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.Created, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<ReportView>(AppJson.Options))!;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await App.DisposeAsync();
    }
}
