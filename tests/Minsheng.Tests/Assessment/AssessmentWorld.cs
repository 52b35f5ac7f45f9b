using Minsheng.Data;
using Minsheng.Domain.Organization;
using Minsheng.Features.Users;
using Minsheng.Infrastructure;
using Minsheng.Tests.Infrastructure;
using Minsheng.Tests.Metrics;

namespace Minsheng.Tests.Assessment;

/// <summary>
/// The hand-built November appeals of <see cref="MetricsCounty"/> (住建局 has unsatisfied callbacks, a wrongful return,
/// a redo) in 测试县, the clock on 2026-12-11, and a second county 乙县 with its own office and leader, which must see
/// nothing of 测试县's assessment.
/// </summary>
public sealed class AssessmentWorld : IAsyncLifetime
{
    public const string Month = "2026-11";

    public TestApp App { get; private set; } = null!;
    public TestCounty Tc => App.County;
    public Unit Yi { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        await MetricsCounty.BuildAsync(App);
        using var scope = App.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        Yi = new Unit("YI", "乙县", UnitKind.County, null);
        db.Units.Add(Yi);
        await db.SaveChangesAsync();
        db.Units.Add(new Unit("YI-D1", "乙县水务局", UnitKind.Department, Yi));
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<UnitTree>().Invalidate();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs("test");
        var users = scope.ServiceProvider.GetRequiredService<UserAdmin>();
        await users.AddAsync("yi-supervisor", "乙县考核办", Role.Supervisor, Yi.Id, TestApp.Password, default);
        await users.AddAsync("yi-leader", "乙县领导", Role.Leader, Yi.Id, TestApp.Password, default);
    }

    public async Task<T> With<T>(Func<IServiceProvider, Task<T>> run)
    {
        using var scope = App.App.Services.CreateScope();
        return await run(scope.ServiceProvider);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
