using System.Net;
using Minsheng.Browser.Tests.Infrastructure;
using Minsheng.Data;
using Minsheng.Domain.Accountability;
using Minsheng.Domain.Appeals;
using Minsheng.Domain.Organization;
using Minsheng.Features.Appeals;
using Minsheng.Features.TimeLimits;

namespace Minsheng.Browser.Tests.Dashboard;

/// <summary>Data the dashboard, board and inbox tests look at, made through the API or the domain (never by other tests).</summary>
public static class Arrange
{
    /// <summary>Registers an appeal at the desk and dispatches it to a unit; returns its id and number.</summary>
    public static async Task<(long Id, string Number)> DispatchedAppeal(BrowserApp app, string title, long unitId)
    {
        using var desk = await app.ApiAs("dispatcher");
        var created = await desk.Post("/api/appeals", new
        {
            channel = "Hotline12345", type = "Complaint", tier = "Timely", categoryId = app.County.Roads.Id, title,
            content = title + "，请尽快处理。", regionUnitId = app.County.Village1.Id, citizenName = "王秀兰", citizenPhone = "13900001234",
        }).Expect<AppealAnswer>(HttpStatusCode.Created);
        var dispatched = await desk.Post($"/api/appeals/{created.Id}/dispatch", new { leadUnitId = unitId }).Expect<AppealAnswer>(HttpStatusCode.OK);
        dispatched.Status.ShouldBe(AppealStatus.Dispatched);
        return (created.Id, created.Number);
    }

    /// <summary>
    /// An appeal registered and dispatched four days ago (through the domain, at that time), so its sign-for
    /// deadline has passed: the browser app's clock is shared by every test and must not be moved.
    /// </summary>
    public static async Task<(long Id, string Number)> OverdueAppeal(BrowserApp app, string title, long unitId)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var schedule = scope.ServiceProvider.GetRequiredService<TimeLimitCache>().Schedule;
        var then = app.Clock.GetUtcNow().AddDays(-4); // the Thursday before: sign-for fell due on Friday
        var desk = new Actor(null, "测试派单员", Role.Dispatcher, app.County.County.Id, _ => true);
        await using var tx = await db.Database.BeginTransactionAsync();
        var number = await scope.ServiceProvider.GetRequiredService<AppealNumbers>().NextAsync(then, default);
        var appeal = Appeal.Register(new AppealDraft(Channel.Hotline12345, AppealType.Complaint, app.County.Roads.Id, Tier.Timely, title,
            title + "，已经反映多次。", app.County.Village1.Id, null, null, null, null, null, null, null), number, "TEST23", desk, then);
        appeal.Dispatch(unitId, [], desk, then, schedule: schedule);
        db.Appeals.Add(appeal);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return (appeal.Id, number);
    }

    /// <summary>An open accountability lead on the appeal, as the monitor would raise it.</summary>
    public static async Task<long> Lead(BrowserApp app, long appealId, long unitId, string summary)
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MinshengDb>();
        var lead = new AccountabilityLead($"dashboard-test:{Guid.NewGuid():N}", LeadRule.Overdue, appealId, unitId, summary,
            [appealId], [], app.Clock.GetUtcNow());
        db.Leads.Add(lead);
        await db.SaveChangesAsync();
        return lead.Id;
    }
}
